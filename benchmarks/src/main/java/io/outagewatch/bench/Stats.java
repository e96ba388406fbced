package io.outagewatch.bench;

import java.util.Arrays;

/** Order statistics of measured values. */
final class Stats {

    private Stats() {}

    /** The median of sorted values: the middle one, or the mean of the middle two. */
    static double median(double[] sorted) {
        requireSortedNonEmpty(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /**
     * The nearest-rank percentile of sorted values: the smallest value with at least {@code
     * percent} % of the values at or below it, so the p99 of 20 runs is their maximum.
     */
    static double percentile(double[] sorted, double percent) {
        requireSortedNonEmpty(sorted);
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[rank - 1];
    }

    private static void requireSortedNonEmpty(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] copy = values.clone();
        Arrays.sort(copy);
        if (!Arrays.equals(copy, values)) {
            throw new IllegalArgumentException("values must be sorted");
        }
    }
}
