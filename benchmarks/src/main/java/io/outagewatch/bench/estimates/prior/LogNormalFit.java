package io.outagewatch.bench.estimates.prior;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

/**
 * A log-normal duration model: {@code mu} and {@code sigma} of the natural log of the duration in
 * seconds.
 */
public record LogNormalFit(double mu, double sigma) implements Serializable {

    /**
     * Smallest {@code sigma} a model may have: a run of identical durations would otherwise give a
     * zero-width interval, claiming a certainty no outage history supports.
     */
    public static final double MIN_SIGMA = 0.1;

    public LogNormalFit {
        if (!Double.isFinite(mu)) {
            throw new IllegalArgumentException("mu must be finite, got " + mu);
        }
        if (!Double.isFinite(sigma) || sigma < MIN_SIGMA) {
            throw new IllegalArgumentException(
                    "sigma must be finite and at least " + MIN_SIGMA + ", got " + sigma);
        }
    }

    /** Maximum-likelihood fit; {@code sigma} is floored at {@link #MIN_SIGMA}. */
    public static LogNormalFit fit(List<Duration> durations) {
        Objects.requireNonNull(durations, "durations");
        if (durations.isEmpty()) {
            throw new IllegalArgumentException("cannot fit a duration model to no durations");
        }
        double[] logs = logSeconds(durations);
        double mu = new Mean().evaluate(logs);
        // Variance(false) divides by n: the maximum-likelihood estimate, not the unbiased one.
        double sigma = Math.sqrt(new Variance(false).evaluate(logs, mu));
        return new LogNormalFit(mu, Math.max(MIN_SIGMA, sigma));
    }

    /** The duration below which a fraction {@code q} of outages end. */
    public Duration quantile(double q) {
        // A null generator: quantiles need no sampling, and the default one seeds from the clock.
        double seconds = new LogNormalDistribution(null, mu, sigma).inverseCumulativeProbability(q);
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    /** How many {@code sigma} the log of {@code seconds} lies above {@code mu}. */
    double standardScore(double seconds) {
        return (Math.log(seconds) - mu) / sigma;
    }

    /** The duration whose log lies {@code z} {@code sigma} above {@code mu}, in seconds. */
    double seconds(double z) {
        return Math.exp(mu + sigma * z);
    }

    static double[] logSeconds(List<Duration> durations) {
        double[] logs = new double[durations.size()];
        for (int i = 0; i < logs.length; i++) {
            Duration duration = durations.get(i);
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(
                        "durations must be positive, got " + duration + " at index " + i);
            }
            logs[i] = Math.log(secondsOf(duration));
        }
        return logs;
    }

    static double secondsOf(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }
}
