package io.outagewatch.detection.replay;

import io.outagewatch.detection.DetectionOptions;
import io.outagewatch.detection.time.ReorderBuffer;
import java.io.Serializable;
import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import org.apache.flink.configuration.Configuration;

/**
 * How a replayed file is put back into event-time order ({@link ReorderBuffer}): the disorder it
 * absorbs, how far ahead of its file a line may be, the front's window and the buffer's cap.
 */
public record ReplayOrder(Duration maxDisorder, Duration maxAhead, int frontWindow, int capacity)
        implements Serializable {

    public ReplayOrder {
        Objects.requireNonNull(maxDisorder, "maxDisorder");
        Objects.requireNonNull(maxAhead, "maxAhead");
        // The buffer checks the rest; fail while configuring, not inside a running job.
        new ReorderBuffer<>(
                maxDisorder, maxAhead, frontWindow, capacity, Comparator.naturalOrder());
    }

    public static ReplayOrder from(Configuration config) {
        return new ReplayOrder(
                config.get(DetectionOptions.REPLAY_MAX_DISORDER),
                config.get(DetectionOptions.REPLAY_MAX_AHEAD),
                config.get(DetectionOptions.FRONT_WINDOW),
                config.get(DetectionOptions.REPLAY_REORDER_CAPACITY));
    }

    /**
     * A buffer for one file; records with the same event time go in the order {@code ties} says.
     */
    <T> ReorderBuffer<T> newBuffer(Comparator<? super T> ties) {
        return new ReorderBuffer<>(maxDisorder, maxAhead, frontWindow, capacity, ties);
    }
}
