package io.outagewatch.bench.estimates.prior;

import io.outagewatch.detection.duration.DurationEstimate;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

/**
 * Estimates an outage's total duration from a prior and the service's own past outages: the
 * detector's estimator before the corpus model ({@code io.outagewatch.detection.estimate}), now the
 * baseline of {@code bin/outagewatch bench estimates}.
 *
 * <p>Prior and history are combined in log space by pseudo-counts: the prior counts as {@code
 * priorWeight} incidents at its {@code mu} with its {@code sigma}. The predictive mean is the
 * weighted mean of logs, and its variance pools the prior's variance with the spread of the
 * service's own logs about their mean. A known-sigma conjugate update was not chosen because it
 * would keep the public prior's wide sigma forever, so a service whose outages always take ten
 * minutes would never get a tight interval. The distance between the prior's mean and the service's
 * is left out of the variance: the public incidents pool many services, so a service sitting away
 * from their mean shows it differs, not that its own outages vary more. The price is that while its
 * history is short, such a service gets an interval narrower than the evidence warrants. The
 * predictive is the pooled log-normal itself, with no widening for uncertainty in its mean, so that
 * a service with no history gets exactly the prior.
 *
 * <p>Guarantees for every history and elapsed time: {@code elapsed ≤ low ≤ median ≤ high ≤
 * max(MAX_TOTAL, elapsed)}, and a longer elapsed time never lowers any of the three.
 */
public final class DurationEstimator implements Serializable {

    /** Longest total duration ever estimated; a week-long outage is past anything it learned. */
    public static final Duration MAX_TOTAL = Duration.ofDays(7);

    private static final long serialVersionUID = 1L;

    private final LogNormalFit prior;
    private final double priorWeight;

    /**
     * @param prior the duration model used before the service has outages of its own
     * @param priorWeight how many of the service's own outages the prior is worth
     */
    public DurationEstimator(LogNormalFit prior, double priorWeight) {
        this.prior = Objects.requireNonNull(prior, "prior");
        if (!Double.isFinite(priorWeight) || priorWeight <= 0) {
            throw new IllegalArgumentException(
                    "priorWeight must be positive and finite, got " + priorWeight);
        }
        this.priorWeight = priorWeight;
    }

    public static DurationEstimator withPublicPrior() {
        return new DurationEstimator(DurationPrior.fit(), DurationPrior.WEIGHT);
    }

    /** The total-duration model for a service with this history, before any time has elapsed. */
    public LogNormalFit predictive(IncidentDurationHistory history) {
        Objects.requireNonNull(history, "history");
        double[] logs = LogNormalFit.logSeconds(history.durations());
        int n = logs.length;
        double ownMean = n == 0 ? 0 : new Mean().evaluate(logs);
        double ownSquares = n == 0 ? 0 : n * new Variance(false).evaluate(logs, ownMean);
        double weight = priorWeight + n;
        double mu = (priorWeight * prior.mu() + n * ownMean) / weight;
        double variance = (priorWeight * prior.sigma() * prior.sigma() + ownSquares) / weight;
        return new LogNormalFit(mu, Math.max(LogNormalFit.MIN_SIGMA, Math.sqrt(variance)));
    }

    /** The total duration of an outage that has lasted {@code elapsed} so far. */
    public DurationEstimate estimate(IncidentDurationHistory history, Duration elapsed) {
        Objects.requireNonNull(elapsed, "elapsed");
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("elapsed must not be negative, got " + elapsed);
        }
        LogNormalFit model = predictive(history);
        if (elapsed.compareTo(MAX_TOTAL) >= 0) {
            return new DurationEstimate(elapsed, elapsed, elapsed);
        }
        return new DurationEstimate(
                total(model, DurationEstimate.MEDIAN_QUANTILE, elapsed),
                total(model, DurationEstimate.LOW_QUANTILE, elapsed),
                total(model, DurationEstimate.HIGH_QUANTILE, elapsed));
    }

    private static Duration total(LogNormalFit model, double q, Duration elapsed) {
        double seconds =
                ConditionalQuantile.seconds(
                        model, q, LogNormalFit.secondsOf(elapsed), MAX_TOTAL.getSeconds());
        Duration total = Duration.ofSeconds((long) Math.ceil(seconds));
        // The round trip through log space can land a hair below elapsed; the total never can.
        return total.compareTo(elapsed) < 0 ? elapsed : total;
    }
}
