package io.outagewatch.detection.windows;

import java.util.Arrays;

/**
 * A percentile of a minute's latency samples, as Commons Math's {@code Percentile} computes it by
 * default (its legacy estimation, NaN samples removed), but sorting the caller's array in place:
 * {@code Percentile} copies the samples and allocates a pivot cache on every call, once per service
 * and minute here.
 */
final class LatencyPercentile {

    private LatencyPercentile() {}

    /**
     * The {@code percent} percentile of the first {@code length} values, which are reordered; NaN
     * when none is a number.
     *
     * @param percent in (0, 100]
     */
    static double ofFirst(double[] values, int length, double percent) {
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
        }
        // NaN sorts last: the numbers are the first n.
        Arrays.sort(values, 0, length);
        int n = length;
        while (n > 0 && Double.isNaN(values[n - 1])) {
            n--;
        }
        if (n == 0) {
            return Double.NaN;
        }
        if (n == 1) {
            return values[0];
        }
        double position = percent == 100 ? n : percent / 100d * (n + 1);
        if (position < 1) {
            return values[0];
        }
        if (position >= n) {
            return values[n - 1];
        }
        int below = (int) Math.floor(position);
        double lower = values[below - 1];
        double upper = values[below];
        return lower + (position - below) * (upper - lower);
    }
}
