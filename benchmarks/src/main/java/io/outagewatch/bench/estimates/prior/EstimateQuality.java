package io.outagewatch.bench.estimates.prior;

import io.outagewatch.detection.duration.DurationEstimate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/** Leave-one-out backtest of the estimate made at an outage's start against its actual length. */
public final class EstimateQuality {

    private static final double SECONDS_PER_MINUTE = 60;

    /**
     * Backtest result.
     *
     * @param n how many outages were estimated
     * @param medianAbsErrorMinutes median of |estimated median − actual|, in minutes
     * @param medianAbsLogError median of |log(estimated median / actual)|
     * @param intervalCoverage fraction of actual durations inside the estimate's low–high interval
     */
    public record Report(
            int n,
            double medianAbsErrorMinutes,
            double medianAbsLogError,
            double intervalCoverage) {

        /** The typical factor by which the median estimate is off, e.g. 2.0 for "within ×/÷2". */
        public double typicalErrorFactor() {
            return Math.exp(medianAbsLogError);
        }
    }

    private EstimateQuality() {}

    /**
     * Estimates each outage at its start with a prior fitted to all the others, as a service with
     * no history of its own would see it.
     */
    public static Report backtest(List<Duration> actuals) {
        Objects.requireNonNull(actuals, "actuals");
        if (actuals.size() < 2) {
            throw new IllegalArgumentException(
                    "leave-one-out needs at least 2 durations, got " + actuals.size());
        }
        int n = actuals.size();
        double[] absErrorMinutes = new double[n];
        double[] absLogErrors = new double[n];
        int covered = 0;
        for (int i = 0; i < n; i++) {
            List<Duration> others = new ArrayList<>(actuals);
            Duration actual = others.remove(i);
            DurationEstimate estimate =
                    new DurationEstimator(LogNormalFit.fit(others), DurationPrior.WEIGHT)
                            .estimate(IncidentDurationHistory.empty(), Duration.ZERO);
            double estimatedSeconds = LogNormalFit.secondsOf(estimate.median());
            double actualSeconds = LogNormalFit.secondsOf(actual);
            absErrorMinutes[i] = Math.abs(estimatedSeconds - actualSeconds) / SECONDS_PER_MINUTE;
            absLogErrors[i] = Math.abs(Math.log(estimatedSeconds / actualSeconds));
            if (estimate.low().compareTo(actual) <= 0 && actual.compareTo(estimate.high()) <= 0) {
                covered++;
            }
        }
        return new Report(
                n,
                new Median().evaluate(absErrorMinutes),
                new Median().evaluate(absLogErrors),
                (double) covered / n);
    }
}
