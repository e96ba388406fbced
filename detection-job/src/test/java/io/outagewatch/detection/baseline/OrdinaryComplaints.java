package io.outagewatch.detection.baseline;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * A deterministic stream of ordinary complaint counts for a ChatGPT-like service: a strong daily
 * cycle, quieter weekends, and mild overdispersion (a Gamma-distributed rate under the Poisson).
 */
final class OrdinaryComplaints {

    /** Complaints a minute at the quietest hour of a weekday. */
    static final double NIGHT_RATE = 1.5;

    /** Complaints a minute at the busiest hour of a weekday. */
    static final double PEAK_RATE = 20.0;

    /** The quietest UTC hour; the busiest is twelve hours later. */
    static final double QUIETEST_HOUR = 3.0;

    static final double WEEKEND_FACTOR = 0.6;

    /** Overdispersion of the generated counts, below the rule's default of 0.3 as in real data. */
    static final double OVERDISPERSION = 0.1;

    private static final double HOURS_PER_DAY = 24.0;
    private static final double POISSON_EPSILON = 1e-12;
    private static final int POISSON_MAX_ITERATIONS = 10_000_000;

    private final RandomGenerator random;
    private final GammaDistribution rateNoise;

    OrdinaryComplaints(long seed) {
        this.random = new Well19937c(seed);
        this.rateNoise =
                new GammaDistribution(
                        random, 1.0 / OVERDISPERSION, OVERDISPERSION, POISSON_EPSILON);
    }

    /** The true mean complaints per minute at {@code minute}. */
    static double rate(Instant minute) {
        ZonedDateTime utc = minute.atZone(ZoneOffset.UTC);
        double hour = utc.getHour() + utc.getMinute() / 60.0;
        double cycle = 0.5 - 0.5 * Math.cos(2 * Math.PI * (hour - QUIETEST_HOUR) / HOURS_PER_DAY);
        double daily = NIGHT_RATE + (PEAK_RATE - NIGHT_RATE) * cycle;
        DayOfWeek day = utc.getDayOfWeek();
        boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        return weekend ? daily * WEEKEND_FACTOR : daily;
    }

    /** The next minute's count: Poisson around the true rate times a Gamma(mean 1) factor. */
    long next(Instant minute) {
        double mean = rate(minute) * rateNoise.sample();
        return new PoissonDistribution(random, mean, POISSON_EPSILON, POISSON_MAX_ITERATIONS)
                .sample();
    }
}
