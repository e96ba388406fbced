package io.outagewatch.detection.time;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Flink's split-level watermark alignment for one source: a Kafka partition whose watermark runs
 * more than {@code maxDrift} ahead of the slowest partition of the group is paused (the Kafka
 * consumer stops fetching it) until the others catch up, instead of racing ahead and filling the
 * windows' state. See docs/event-time.md for what it does to a partition holding only a vantage
 * whose clock runs fast.
 *
 * @param group sources in one group are aligned with each other; give each source its own (its
 *     topic), or a quiet source's lagging watermark pauses a busy one
 * @param maxDrift how far ahead of the group's slowest reader a partition may run; positive
 * @param updateInterval how often readers report their watermarks to the coordinator
 */
public record WatermarkAlignment(String group, Duration maxDrift, Duration updateInterval)
        implements Serializable {

    /** Flink's default report interval. */
    public static final Duration DEFAULT_UPDATE_INTERVAL = Duration.ofSeconds(1);

    public WatermarkAlignment {
        Objects.requireNonNull(group, "group");
        if (maxDrift.isNegative() || maxDrift.isZero()) {
            throw new IllegalArgumentException("maxDrift must be positive: " + maxDrift);
        }
        if (updateInterval.isNegative() || updateInterval.isZero()) {
            throw new IllegalArgumentException(
                    "updateInterval must be positive: " + updateInterval);
        }
    }

    /** Alignment of one source's partitions, reported every second. */
    public static WatermarkAlignment ofSource(String group, Duration maxDrift) {
        return new WatermarkAlignment(group, maxDrift, DEFAULT_UPDATE_INTERVAL);
    }
}
