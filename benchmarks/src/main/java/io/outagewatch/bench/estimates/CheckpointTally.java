package io.outagewatch.bench.estimates;

import java.time.Duration;
import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/** Collects one estimator's predictions at one checkpoint and scores them. */
final class CheckpointTally {

    /** A predicted remaining time of zero counts as this, so that its log error is finite. */
    private static final double LEAST_SECONDS = 1;

    private double[] absLogErrors = new double[64];
    private double[] absErrorSeconds = new double[64];
    private int n;
    private int covered;

    /** One open incident: its predicted remaining time and interval, and what actually remained. */
    void add(Duration low, Duration median, Duration high, Duration actual) {
        if (n == absLogErrors.length) {
            absLogErrors = Arrays.copyOf(absLogErrors, 2 * n);
            absErrorSeconds = Arrays.copyOf(absErrorSeconds, 2 * n);
        }
        double predicted = Math.max(LEAST_SECONDS, median.toMillis() / 1000.0);
        double actualSeconds = actual.toMillis() / 1000.0;
        absLogErrors[n] = Math.abs(Math.log(predicted / actualSeconds));
        absErrorSeconds[n] = Math.abs(predicted - actualSeconds);
        if (low.compareTo(actual) <= 0 && actual.compareTo(high) <= 0) {
            covered++;
        }
        n++;
    }

    CheckpointScore score(String at) {
        if (n == 0) {
            return new CheckpointScore(at, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new CheckpointScore(
                at,
                n,
                (double) covered / n,
                new Median().evaluate(absLogErrors, 0, n),
                new Median().evaluate(absErrorSeconds, 0, n));
    }
}
