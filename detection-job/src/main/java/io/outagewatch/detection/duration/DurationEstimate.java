package io.outagewatch.detection.duration;

import java.time.Duration;
import java.util.Objects;

/**
 * An estimate of a duration — an outage's total, or the time it has left — as the median and the
 * {@link #LOW_QUANTILE}–{@link #HIGH_QUANTILE} interval around it.
 */
public record DurationEstimate(Duration median, Duration low, Duration high) {

    /** Quantile reported as {@link #low()}. */
    public static final double LOW_QUANTILE = 0.10;

    /** Quantile reported as {@link #median()}. */
    public static final double MEDIAN_QUANTILE = 0.50;

    /** Quantile reported as {@link #high()}. */
    public static final double HIGH_QUANTILE = 0.90;

    public DurationEstimate {
        Objects.requireNonNull(median, "median");
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        if (low.isNegative()) {
            throw new IllegalArgumentException("low must not be negative, got " + low);
        }
        if (low.compareTo(median) > 0 || median.compareTo(high) > 0) {
            throw new IllegalArgumentException(
                    "need low <= median <= high, got low="
                            + low
                            + " median="
                            + median
                            + " high="
                            + high);
        }
    }

    public long medianSeconds() {
        return median.toSeconds();
    }

    public long lowSeconds() {
        return low.toSeconds();
    }

    public long highSeconds() {
        return high.toSeconds();
    }
}
