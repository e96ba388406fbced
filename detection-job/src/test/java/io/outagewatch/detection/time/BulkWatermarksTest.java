package io.outagewatch.detection.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.detection.time.ProbeStream.Probe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkAlignmentParams;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.clock.ManualClock;
import org.apache.flink.util.clock.RelativeClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BulkWatermarksTest {

    /** The live job's defaults. */
    private static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(30);

    private static final Duration IDLENESS = Duration.ofMinutes(1);
    private static final int WINDOW = StreamFront.DEFAULT_WINDOW;
    private static final long START = ProbeStream.START.toEpochMilli();
    private static final long SECOND = Duration.ofSeconds(1).toMillis();

    /** A record as the lead's envelopes carry one: an event time, or none if it did not parse. */
    record Event(long eventTime, boolean parsed) {

        static Event parsed(long eventTime) {
            return new Event(eventTime, true);
        }
    }

    /** Records what a generator emits, as a source's watermark output would receive it. */
    static final class RecordingOutput implements WatermarkOutput {
        final List<Long> watermarks = new ArrayList<>();
        boolean idle;

        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark.getTimestamp());
            idle = false;
        }

        @Override
        public void markIdle() {
            idle = true;
        }

        @Override
        public void markActive() {
            idle = false;
        }

        long last() {
            return watermarks.isEmpty() ? Long.MIN_VALUE : watermarks.get(watermarks.size() - 1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Skew.class)
    void oneVantageInThreeRunningAheadMakesNoRecordOfTheOthersLate(Skew skew) {
        List<Probe> probes =
                ProbeStream.withSkewedVantage(ProbeStream.probes(3, 20, 600, 31), 0, skew);

        long lateOthers =
                lateRecordsOfTheOthers(
                        probes, new BulkWatermarks<>(OUT_OF_ORDERNESS, WINDOW, e -> true));
        long lateOthersBehindTheNewest =
                lateRecordsOfTheOthers(
                        probes, new BoundedOutOfOrdernessWatermarks<>(OUT_OF_ORDERNESS));

        assertThat(lateOthers).isZero();
        // Flink's generator follows the newest record: past the first probes, every probe of the
        // other two vantages (two thirds of 36,000) arrives behind the skewed vantage's stamps.
        assertThat(lateOthersBehindTheNewest).isGreaterThan(probes.size() * 2 / 3 - 100);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Skew.class)
    void aRecordDatedAheadEvenFirstMovesNoWatermark(Skew skew) {
        BulkWatermarks<Event> generator = new BulkWatermarks<>(OUT_OF_ORDERNESS, WINDOW, e -> true);
        RecordingOutput output = new RecordingOutput();
        long newestGood = Long.MIN_VALUE;
        for (int i = 0; i < 1_000; i++) {
            long real = START + i * SECOND;
            boolean wrong = i == 0 || i == 500;
            long eventTime = wrong ? skew.stamp(real) : real;
            generator.onEvent(Event.parsed(eventTime), eventTime, output);
            generator.onPeriodicEmit(output);
            newestGood = wrong ? newestGood : real;
            if (i > 0) {
                assertThat(output.last())
                        .as("record %d", i)
                        .isLessThan(newestGood - OUT_OF_ORDERNESS.toMillis());
            }
        }
        assertThat(output.watermarks).isNotEmpty();
    }

    @Test
    void recordsWithoutAnEventTimeMoveNoWatermark() {
        BulkWatermarks<Event> generator =
                new BulkWatermarks<>(OUT_OF_ORDERNESS, WINDOW, Event::parsed);
        RecordingOutput output = new RecordingOutput();
        for (int i = 0; i < 1_000; i++) {
            // The source stamps an unparseable record with its Kafka timestamp, here far ahead.
            generator.onEvent(new Event(Skew.YEAR_2099, false), Skew.YEAR_2099, output);
            generator.onPeriodicEmit(output);
        }
        assertThat(output.watermarks).isEmpty();

        for (int i = 0; i < 200; i++) {
            generator.onEvent(Event.parsed(START + i * SECOND), START + i * SECOND, output);
        }
        generator.onPeriodicEmit(output);

        assertThat(output.last()).isLessThan(START + 200 * SECOND);
    }

    @Test
    void theWatermarkIsTheFrontLessTheOutOfOrdernessEmittedOnlyWhenItMoves() {
        BulkWatermarks<Event> generator = new BulkWatermarks<>(OUT_OF_ORDERNESS, WINDOW, e -> true);
        StreamFront front = new StreamFront(WINDOW, OUT_OF_ORDERNESS);
        RecordingOutput output = new RecordingOutput();
        for (int i = 0; i < WINDOW / 2 - 1; i++) {
            generator.onEvent(Event.parsed(START + i * SECOND), START + i * SECOND, output);
            front.observe(START + i * SECOND);
        }
        generator.onPeriodicEmit(output);
        assertThat(output.watermarks).as("no front yet, no watermark").isEmpty();

        for (int i = WINDOW / 2 - 1; i < 500; i++) {
            generator.onEvent(Event.parsed(START + i * SECOND), START + i * SECOND, output);
            front.observe(START + i * SECOND);
            generator.onPeriodicEmit(output);
            generator.onPeriodicEmit(output);
            assertThat(output.last()).isEqualTo(front.front() - OUT_OF_ORDERNESS.toMillis() - 1);
        }
        assertThat(output.watermarks).doesNotHaveDuplicates().isSorted();
    }

    /**
     * A topic with nothing to read at start: its partitions are idle at the first emission instead
     * of after the idleness, and follow the bulk once records come; a topic with records holds.
     */
    @Test
    void theKafkaStrategyOfATopicWithNothingToReadIsIdleUntilItsFirstRecord() {
        ManualClock clock = new ManualClock(START);
        WatermarkGenerator<Event> empty = kafkaGenerator(true, clock);
        WatermarkGenerator<Event> withRecords = kafkaGenerator(false, clock);
        RecordingOutput emptyOutput = new RecordingOutput();
        RecordingOutput withRecordsOutput = new RecordingOutput();

        empty.onPeriodicEmit(emptyOutput);
        withRecords.onPeriodicEmit(withRecordsOutput);

        assertThat(emptyOutput.idle).isTrue();
        assertThat(withRecordsOutput.idle).isFalse();
        assertThat(emptyOutput.watermarks).isEmpty();

        for (int i = 0; i < 200; i++) {
            long eventTime = START + i * SECOND;
            empty.onEvent(Event.parsed(eventTime), eventTime, emptyOutput);
            withRecords.onEvent(Event.parsed(eventTime), eventTime, withRecordsOutput);
        }
        empty.onPeriodicEmit(emptyOutput);
        withRecords.onPeriodicEmit(withRecordsOutput);

        assertThat(emptyOutput.idle).isFalse();
        assertThat(emptyOutput.watermarks).isNotEmpty().isEqualTo(withRecordsOutput.watermarks);
    }

    private static WatermarkGenerator<Event> kafkaGenerator(
            boolean nothingToReadAtStart, ManualClock clock) {
        return BulkWatermarks.<Event>forKafkaPartitions(
                        OUT_OF_ORDERNESS,
                        IDLENESS,
                        WINDOW,
                        (event, kafkaTimestamp) -> event.eventTime(),
                        Event::parsed,
                        Optional.empty(),
                        nothingToReadAtStart)
                .createWatermarkGenerator(context(clock));
    }

    @Test
    void theKafkaStrategyStampsEventTimesFollowsTheBulkAndGoesIdle() {
        WatermarkStrategy<Event> strategy =
                BulkWatermarks.forKafkaPartitions(
                        OUT_OF_ORDERNESS,
                        IDLENESS,
                        WINDOW,
                        (event, kafkaTimestamp) ->
                                event.parsed() ? event.eventTime() : kafkaTimestamp,
                        Event::parsed,
                        Optional.empty(),
                        false);
        ManualClock clock = new ManualClock(START);
        TimestampAssigner<Event> timestamps = strategy.createTimestampAssigner(() -> metrics());
        WatermarkGenerator<Event> generator = strategy.createWatermarkGenerator(context(clock));
        RecordingOutput output = new RecordingOutput();

        for (int i = 0; i < 200; i++) {
            Event event = Event.parsed(i == 100 ? Skew.YEAR_2099 : START + i * SECOND);
            generator.onEvent(event, timestamps.extractTimestamp(event, START), output);
        }
        generator.onPeriodicEmit(output);
        Event unparsed = new Event(0, false);
        assertThat(timestamps.extractTimestamp(unparsed, START)).isEqualTo(START);

        assertThat(output.last()).isLessThan(START + 200 * SECOND - OUT_OF_ORDERNESS.toMillis());
        // Flink's idleness timer starts at the first emission that finds no new record.
        generator.onPeriodicEmit(output);
        clock.advanceTime(IDLENESS);
        generator.onPeriodicEmit(output);
        assertThat(output.idle).isFalse();
        clock.advanceTime(Duration.ofMillis(1));
        generator.onPeriodicEmit(output);
        assertThat(output.idle).isTrue();
        assertThat(strategy.getAlignmentParameters().isEnabled()).isFalse();
    }

    @Test
    void theKafkaStrategyAlignsPartitionsWhenAsked() {
        WatermarkStrategy<Event> strategy =
                BulkWatermarks.forKafkaPartitions(
                        OUT_OF_ORDERNESS,
                        IDLENESS,
                        WINDOW,
                        (event, kafkaTimestamp) -> event.eventTime(),
                        Event::parsed,
                        Optional.of(
                                WatermarkAlignment.ofSource(
                                        "probe-results", Duration.ofMinutes(2))),
                        false);

        WatermarkAlignmentParams alignment = strategy.getAlignmentParameters();

        assertThat(alignment.isEnabled()).isTrue();
        assertThat(alignment.getWatermarkGroup()).isEqualTo("probe-results");
        assertThat(alignment.getMaxAllowedWatermarkDrift())
                .isEqualTo(Duration.ofMinutes(2).toMillis());
        assertThat(alignment.getUpdateInterval())
                .isEqualTo(WatermarkAlignment.DEFAULT_UPDATE_INTERVAL.toMillis());
    }

    @Test
    void aWindowTooSmallFailsWhereTheJobIsBuilt() {
        assertThatThrownBy(
                        () ->
                                BulkWatermarks.<Event>forKafkaPartitions(
                                        OUT_OF_ORDERNESS,
                                        IDLENESS,
                                        StreamFront.MIN_WINDOW - 1,
                                        (event, kafkaTimestamp) -> event.eventTime(),
                                        Event::parsed,
                                        Optional.empty(),
                                        false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outagewatch.watermark.front-window");
    }

    /**
     * Feeds the probes to a generator, emitting after each as a source would, and counts the probes
     * of vantages 1 and 2 that arrive behind the watermark: those the pipeline would dead-letter as
     * late.
     */
    private static long lateRecordsOfTheOthers(
            List<Probe> probes, WatermarkGenerator<Event> generator) {
        RecordingOutput output = new RecordingOutput();
        long late = 0;
        for (Probe probe : probes) {
            if (probe.vantage() != 0 && probe.eventTime() < output.last()) {
                late++;
            }
            generator.onEvent(Event.parsed(probe.eventTime()), probe.eventTime(), output);
            generator.onPeriodicEmit(output);
        }
        return late;
    }

    private static MetricGroup metrics() {
        return UnregisteredMetricsGroup.createSourceReaderMetricGroup();
    }

    private static WatermarkGeneratorSupplier.Context context(RelativeClock clock) {
        return new WatermarkGeneratorSupplier.Context() {
            @Override
            public MetricGroup getMetricGroup() {
                return metrics();
            }

            @Override
            public RelativeClock getInputActivityClock() {
                return clock;
            }
        };
    }

    @Test
    void aQuietPartitionDecidesItsLastRecordsButNotOnesFarAhead() {
        BulkWatermarks<Long> generator = new BulkWatermarks<>(OUT_OF_ORDERNESS, 64, t -> true);
        List<Long> watermarks = new ArrayList<>();
        WatermarkOutput output =
                new WatermarkOutput() {
                    @Override
                    public void emitWatermark(Watermark watermark) {
                        watermarks.add(watermark.getTimestamp());
                    }

                    @Override
                    public void markIdle() {}

                    @Override
                    public void markActive() {}
                };
        long start = 1_700_000_000_000L;
        long last = start;
        for (int i = 0; i < 200; i++) {
            last = start + i * 1000L;
            generator.onEvent(last, last, output);
            if (i == 150) {
                long in2099 = java.time.Instant.parse("2099-01-01T00:00:00Z").toEpochMilli();
                generator.onEvent(in2099, in2099, output);
            }
            generator.onPeriodicEmit(output);
        }
        long whileBusy = watermarks.get(watermarks.size() - 1);
        assertThat(whileBusy).isLessThan(last - OUT_OF_ORDERNESS.toMillis() - 1);

        for (int i = 0; i < BulkWatermarks.QUIET_EMITS; i++) {
            generator.onPeriodicEmit(output);
        }

        assertThat(watermarks.get(watermarks.size() - 1))
                .isEqualTo(last - OUT_OF_ORDERNESS.toMillis() - 1);
    }
}
