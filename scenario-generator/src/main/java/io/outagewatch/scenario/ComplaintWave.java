package io.outagewatch.scenario;

import java.time.Duration;
import java.time.Instant;

/**
 * The shape of the complaint surge around one stretch of trouble, from 0 (no extra complaints) to 1
 * (the peak). People notice within a couple of minutes, the surge eases once everyone affected has
 * posted, and complaints trail on for a while after the fix.
 *
 * @param start when the trouble began
 * @param end when the service recovered
 */
public record ComplaintWave(Instant start, Instant end) {

    public static final Duration RAMP_UP = Duration.ofMinutes(2);
    public static final Duration AFTERMATH = Duration.ofMinutes(30);

    /** Where the surge settles during a long outage: the early wave of posters has had its say. */
    private static final double SETTLED_LEVEL = 0.6;

    private static final double EASING_MINUTES = 20;
    private static final double AFTERMATH_DECAY_MINUTES = 8;

    public ComplaintWave {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a complaint wave must start before it ends");
        }
    }

    public Instant fadedOut() {
        return end.plus(AFTERMATH);
    }

    public double intensity(Instant at) {
        if (at.isBefore(start) || !at.isBefore(fadedOut())) {
            return 0;
        }
        if (at.isBefore(end)) {
            return duringTrouble(at);
        }
        double minutesSinceFix = minutesBetween(end, at);
        return duringTrouble(end) * StrictMath.exp(-minutesSinceFix / AFTERMATH_DECAY_MINUTES);
    }

    private double duringTrouble(Instant at) {
        double minutes = minutesBetween(start, at);
        double rampMinutes = RAMP_UP.toSeconds() / 60.0;
        if (minutes < rampMinutes) {
            return minutes / rampMinutes;
        }
        double easing = StrictMath.exp(-(minutes - rampMinutes) / EASING_MINUTES);
        return SETTLED_LEVEL + (1 - SETTLED_LEVEL) * easing;
    }

    private static double minutesBetween(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 60_000.0;
    }
}
