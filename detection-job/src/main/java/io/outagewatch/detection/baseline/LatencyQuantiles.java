package io.outagewatch.detection.baseline;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * A small mergeable sketch of latency samples that answers quantiles within a known relative error,
 * deterministically (no sampling).
 *
 * <p>Samples fall into {@link #BUCKETS} buckets spaced evenly in log scale from {@link #MIN_MS} to
 * {@link #MAX_MS}, so each bucket spans a factor of about 1.20. A quantile is answered with the
 * geometric middle of the bucket holding the nearest-rank sample, clamped to the exact minimum and
 * maximum seen (which answer the first and last rank exactly): within a factor {@code sqrt(1.20) ≈
 * 1.096} of the exact nearest-rank quantile, so at most about 10% off, for samples between 1 ms and
 * 120 s. Samples outside that range are counted in the first or last bucket; only the exact min and
 * max remember how far out they were.
 *
 * <p>Mutable: changed by {@link #add} and {@link #merge}. Size: 64 long counts (512 bytes) plus
 * count, min and max, 536 bytes of payload; about 660 bytes with Java serialization (checked under
 * 800 by {@code LatencyQuantilesTest}).
 */
public final class LatencyQuantiles implements Serializable {

    public static final int BUCKETS = 64;

    /** The lower edge of the first bucket; faster samples still count, in that bucket. */
    public static final double MIN_MS = 1.0;

    /** The upper edge of the last bucket: two minutes, past any probe timeout. */
    public static final double MAX_MS = 120_000.0;

    private static final long serialVersionUID = 1L;
    private static final double LOG_MIN = Math.log(MIN_MS);
    private static final double LOG_BUCKET_WIDTH = (Math.log(MAX_MS) - LOG_MIN) / BUCKETS;

    private final long[] counts = new long[BUCKETS];
    private long count;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    public void add(double ms) {
        if (!(ms >= 0) || Double.isInfinite(ms)) {
            throw new IllegalArgumentException(
                    "latency must be non-negative and finite, got " + ms);
        }
        counts[bucketOf(ms)]++;
        count++;
        min = Math.min(min, ms);
        max = Math.max(max, ms);
    }

    /** Adds every sample of {@code other} to this sketch, as if each had been added here. */
    public void merge(LatencyQuantiles other) {
        Objects.requireNonNull(other, "other");
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            counts[bucket] += other.counts[bucket];
        }
        count += other.count;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    public long count() {
        return count;
    }

    /**
     * The q-quantile (nearest rank: the ⌈q·n⌉-th smallest sample, the smallest for q = 0) within
     * the accuracy in the class comment; NaN when empty.
     */
    public double quantile(double q) {
        Require.fraction(q, "q");
        if (count == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(q * count));
        if (rank == 1) {
            return min;
        }
        if (rank == count) {
            return max;
        }
        long seen = 0;
        int bucket = 0;
        while (bucket < BUCKETS - 1 && seen + counts[bucket] < rank) {
            seen += counts[bucket];
            bucket++;
        }
        double middle = Math.exp(LOG_MIN + (bucket + 0.5) * LOG_BUCKET_WIDTH);
        return Math.max(min, Math.min(max, middle));
    }

    private static int bucketOf(double ms) {
        if (ms <= MIN_MS) {
            return 0;
        }
        int bucket = (int) Math.floor((Math.log(ms) - LOG_MIN) / LOG_BUCKET_WIDTH);
        return Math.min(BUCKETS - 1, bucket);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatencyQuantiles other
                && count == other.count
                && Double.compare(min, other.min) == 0
                && Double.compare(max, other.max) == 0
                && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(count, min, max, Arrays.hashCode(counts));
    }
}
