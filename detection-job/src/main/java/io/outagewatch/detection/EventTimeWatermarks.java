package io.outagewatch.detection;

import io.outagewatch.detection.ingest.EdgeParser;
import io.outagewatch.detection.time.BulkWatermarks;
import io.outagewatch.detection.time.WatermarkAlignment;
import io.outagewatch.events.DeadLetter;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.types.Either;

/**
 * The pipeline's watermark strategies over parsed inputs: per Kafka partition at the source for
 * live runs, following the bulk of each partition; per record for replay, whose reader has already
 * put each file in event-time order. Dead letters carry no event time of their own and never move a
 * watermark.
 */
public final class EventTimeWatermarks {

    /** Where and how watermarks are made. */
    public enum Emission {
        /**
         * By the live job's Kafka sources, for each partition, every 200 ms of processing time
         * ({@link #forKafkaSources}); the pipeline assigns none after parsing. A partition read
         * behind the others, as in catching up a backlog, then holds the watermark back instead of
         * having its records dropped as late, and time a reader spends backpressured does not count
         * towards idleness.
         */
        PER_PARTITION_AT_SOURCE,
        /**
         * After the source, with the records that move it, in whole steps of {@link
         * #PER_RECORD_STEP}: the same input always gives the same watermarks, so lateness verdicts
         * are deterministic; for replay, where each input is one file read in order.
         */
        PER_RECORD
    }

    /**
     * Granularity of per-record watermarks: coarse enough that a watermark does not follow every
     * record through the pipeline, fine enough to add little delay to one-minute windows.
     */
    public static final Duration PER_RECORD_STEP = Duration.ofSeconds(10);

    private EventTimeWatermarks() {}

    /** The replay's strategy: {@link Emission#PER_RECORD}. */
    public static <T> WatermarkStrategy<Either<DeadLetter, T>> perRecord(
            Duration outOfOrderness, Duration idleness, EdgeParser<T> parser) {
        return WatermarkStrategy.<Either<DeadLetter, T>>forGenerator(
                        context ->
                                new ValidRecordsOnly<>(
                                        new PerRecordBoundedOutOfOrderness<>(outOfOrderness)))
                .withTimestampAssigner(eventTime(parser))
                .withIdleness(idleness);
    }

    /**
     * The live job's strategy: {@link Emission#PER_PARTITION_AT_SOURCE}, each partition's watermark
     * following the bulk of its valid records ({@link BulkWatermarks}), so a record, a handful or a
     * vantage dated ahead of the rest moves none; optionally with split-level alignment.
     *
     * @param alignmentGroup the source's own alignment group, used when {@code alignment} is set
     * @param nothingToReadAtStart whether the topic had nothing to read when the job started
     *     ({@code UnreadRecords}): its partitions hold no watermark until they deliver a record
     */
    public static <T> WatermarkStrategy<Either<DeadLetter, T>> forKafkaSources(
            DetectionSettings settings,
            String alignmentGroup,
            EdgeParser<T> parser,
            boolean nothingToReadAtStart) {
        return BulkWatermarks.forKafkaPartitions(
                settings.outOfOrderness(),
                settings.idleness(),
                settings.frontWindow(),
                eventTime(parser),
                Either::isRight,
                settings.alignment()
                        .map(drift -> WatermarkAlignment.ofSource(alignmentGroup, drift)),
                nothingToReadAtStart);
    }

    /** A valid record's own event time; a dead letter keeps the time its source gave it. */
    private static <T> SerializableTimestampAssigner<Either<DeadLetter, T>> eventTime(
            EdgeParser<T> parser) {
        return (record, sourceTimestamp) ->
                record.isRight() ? parser.eventTimeMillis(record.right()) : sourceTimestamp;
    }

    /** Feeds a generator only the valid records: a dead letter has no event time to give. */
    static final class ValidRecordsOnly<T> implements WatermarkGenerator<Either<DeadLetter, T>> {
        private final WatermarkGenerator<Either<DeadLetter, T>> generator;

        ValidRecordsOnly(WatermarkGenerator<Either<DeadLetter, T>> generator) {
            this.generator = generator;
        }

        @Override
        public void onEvent(
                Either<DeadLetter, T> event, long eventTimestamp, WatermarkOutput output) {
            if (event.isRight()) {
                generator.onEvent(event, eventTimestamp, output);
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            generator.onPeriodicEmit(output);
        }
    }

    /**
     * Bounded out-of-orderness whose watermark is decided by the records alone: after each record
     * it is the newest timestamp minus the bound, rounded down to a step, and emitted when it
     * moves.
     */
    static final class PerRecordBoundedOutOfOrderness<T> implements WatermarkGenerator<T> {
        private final long outOfOrdernessMillis;
        private final long stepMillis = PER_RECORD_STEP.toMillis();
        private long emitted = Long.MIN_VALUE;

        PerRecordBoundedOutOfOrderness(Duration outOfOrderness) {
            this.outOfOrdernessMillis = outOfOrderness.toMillis();
        }

        @Override
        public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
            long watermark =
                    Math.floorDiv(eventTimestamp - outOfOrdernessMillis - 1, stepMillis)
                            * stepMillis;
            if (watermark > emitted) {
                emitted = watermark;
                output.emitWatermark(new Watermark(watermark));
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            // Watermarks leave with the records that move them.
        }
    }
}
