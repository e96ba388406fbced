package io.outagewatch.detection.time;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Bounded out-of-orderness behind the bulk of a stream, not behind its newest record: the watermark
 * is the stream's {@link StreamFront front} minus the out-of-orderness (and 1 ms, as Flink's own
 * bounded generator does), so a record dated 2099, or a vantage whose clock runs 50 minutes fast,
 * moves no watermark and makes no other record late. It never moves back, and is emitted
 * periodically.
 *
 * <p>Records without a trustworthy event time ({@link HasEventTime}) are ignored. One generator
 * watches one stream: used in a Kafka source ({@link #forKafkaPartitions}), Flink makes one per
 * partition, so a partition read slowly holds the watermark back rather than having its records
 * turn late while it still has some.
 *
 * @param <T> the record
 */
public final class BulkWatermarks<T> implements WatermarkGenerator<T> {

    private final StreamFront front;
    private final Duration outOfOrderness;
    private final long outOfOrdernessMillis;
    private final HasEventTime<T> hasEventTime;
    private long emitted = Long.MIN_VALUE;

    /**
     * Periodic emits without a record after which a partition counts as quiet: a second at Flink's
     * default 200 ms auto-watermark interval.
     */
    static final int QUIET_EMITS = 5;

    /** The newest event time the front did not judge far ahead: what the bulk supports. */
    private long newestSupported = Long.MIN_VALUE;

    private int emitsSinceRecord;

    /**
     * @param outOfOrderness how far behind the front a record may be and still be on time; also the
     *     front's tolerance
     * @param window the front's window, in records
     * @param hasEventTime which records the front may learn from
     */
    public BulkWatermarks(Duration outOfOrderness, int window, HasEventTime<T> hasEventTime) {
        this.front = new StreamFront(window, outOfOrderness);
        this.outOfOrderness = outOfOrderness;
        this.outOfOrdernessMillis = outOfOrderness.toMillis();
        this.hasEventTime = Objects.requireNonNull(hasEventTime, "hasEventTime");
    }

    /**
     * The live job's strategy for one Kafka source: a {@link BulkWatermarks} per partition, with
     * idleness, and with Flink's split-level watermark alignment if given.
     *
     * @param outOfOrderness {@code outagewatch.watermark.out-of-orderness}
     * @param idleness {@code outagewatch.watermark.idleness}
     * @param window {@code outagewatch.watermark.front-window}
     * @param timestamps each record's timestamp: its event time when it has one
     * @param hasEventTime which records carry an event time the watermark may follow
     * @param alignment {@code outagewatch.watermark.alignment.max-drift}, if set
     * @param nothingToReadAtStart whether the topic had nothing to read when the job started: its
     *     partitions are then idle until they deliver a record ({@link IdleUntilFirstRecord})
     */
    public static <T> WatermarkStrategy<T> forKafkaPartitions(
            Duration outOfOrderness,
            Duration idleness,
            int window,
            SerializableTimestampAssigner<T> timestamps,
            HasEventTime<T> hasEventTime,
            Optional<WatermarkAlignment> alignment,
            boolean nothingToReadAtStart) {
        StreamFront.checkSettings(window, outOfOrderness);
        WatermarkStrategy<T> strategy =
                WatermarkStrategy.<T>forGenerator(
                                context -> {
                                    WatermarkGenerator<T> bulk =
                                            new BulkWatermarks<>(
                                                    outOfOrderness, window, hasEventTime);
                                    return nothingToReadAtStart
                                            ? new IdleUntilFirstRecord<>(bulk)
                                            : bulk;
                                })
                        .withTimestampAssigner(timestamps)
                        .withIdleness(idleness);
        return alignment
                .map(
                        align ->
                                strategy.withWatermarkAlignment(
                                        align.group(), align.maxDrift(), align.updateInterval()))
                .orElse(strategy);
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        if (hasEventTime.test(event)) {
            emitsSinceRecord = 0;
            boolean supported =
                    front.isEstablished() && !front.isFarAhead(eventTimestamp, outOfOrderness);
            front.observe(eventTimestamp);
            if (supported) {
                newestSupported = Math.max(newestSupported, eventTimestamp);
            }
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        if (!front.isKnown()) {
            return;
        }
        long watermark = front.front() - outOfOrdernessMillis - 1;
        // A partition that has gone quiet has nothing newer to wait for: its last records, which
        // the front still trails, are decided as a plain bounded-out-of-orderness watermark would
        // decide them, leaving out what the front judged far ahead (a wrong clock, 2099).
        if (++emitsSinceRecord >= QUIET_EMITS && newestSupported != Long.MIN_VALUE) {
            watermark = Math.max(watermark, newestSupported - outOfOrdernessMillis - 1);
        }
        if (watermark > emitted) {
            emitted = watermark;
            output.emitWatermark(new Watermark(watermark));
        }
    }
}
