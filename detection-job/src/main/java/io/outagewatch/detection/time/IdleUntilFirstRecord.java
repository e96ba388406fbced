package io.outagewatch.detection.time;

import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * For a partition that had nothing to read when the job started: idle until it delivers its first
 * record, then the given generator's watermarks. Without it, such a partition (an empty {@code
 * status-updates} topic, say) holds every watermark downstream for the whole idleness timeout, one
 * minute by default, and every service minute waits in the detector's state meanwhile.
 *
 * <p>Only safe where there was nothing to read: a partition with a backlog that has not yet been
 * fetched would be passed by the others and see its records turn late. And only for an input that
 * feeds no window (the job uses it for status updates alone): records written to an empty topic
 * right after the start reach its partitions unevenly, and a window would drop those of the
 * partition that comes second as late.
 *
 * @param <T> the record
 */
public final class IdleUntilFirstRecord<T> implements WatermarkGenerator<T> {

    private final WatermarkGenerator<T> watermarks;
    private boolean delivered;

    public IdleUntilFirstRecord(WatermarkGenerator<T> watermarks) {
        this.watermarks = Objects.requireNonNull(watermarks, "watermarks");
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        delivered = true;
        watermarks.onEvent(event, eventTimestamp, output);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (delivered) {
            watermarks.onPeriodicEmit(output);
        } else {
            output.markIdle();
        }
    }
}
