package io.outagewatch.detection.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.PipelineTags;
import io.outagewatch.detection.probes.ClockAheadRule;
import io.outagewatch.detection.probes.VantageIsolation;
import io.outagewatch.detection.records.Probe;
import io.outagewatch.detection.records.ProbeMinute;
import io.outagewatch.detection.records.ServiceMinute;
import io.outagewatch.detection.records.ServiceSignal;
import io.outagewatch.detection.windows.VantageMinuteAggregate;
import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.VantageHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.transformations.OneInputTransformation;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The vantage window stage, driven by watermarks through the real window operator. */
class WindowFunctionsHarnessTest {

    private static final Instant MINUTE = Instant.parse("2023-11-08T13:42:00Z");
    private static final long MINUTE_END = MINUTE.plus(ServiceMinute.LENGTH).toEpochMilli();
    private static final Duration OUT_OF_ORDERNESS = Duration.ofSeconds(30);
    private static final ClockAheadRule CLOCK_AHEAD =
            new ClockAheadRule(OUT_OF_ORDERNESS, Duration.ofMinutes(5));
    private static final Duration FAST_CLOCK = Duration.ofMinutes(50);

    /** The end of the minute a {@link #FAST_CLOCK} stamps on probes sent in {@link #MINUTE}. */
    private static final long FAST_MINUTE_END =
            MINUTE.plus(FAST_CLOCK).plus(ServiceMinute.LENGTH).toEpochMilli();

    /** Where the watermark stands while the bulk of the probes is at {@link #MINUTE}. */
    private static final long WATERMARK_AT_MINUTE = MINUTE.minus(OUT_OF_ORDERNESS).toEpochMilli();

    private static ProbeResult probe(String service, String vantage, int second, boolean ok) {
        return new ProbeResult(
                service,
                vantage,
                vantage.substring(0, 2),
                null,
                MINUTE.plusSeconds(second),
                ok,
                ok ? 150.0 : null,
                ok ? 200 : 503,
                ok ? null : "http_503");
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Probe, ServiceSignal>
            vantageHarness() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        @SuppressWarnings("unchecked")
        var transformation =
                (OneInputTransformation<Probe, ServiceSignal>)
                        env.fromData(List.of(Probe.of(probe("a", "eu-1", 0, true), 0)))
                                .keyBy(Probe::vantage)
                                .window(TumblingEventTimeWindows.of(ServiceMinute.LENGTH))
                                .aggregate(
                                        new VantageMinuteAggregate(),
                                        new VantageMinuteFunction(
                                                VantageIsolation.defaults(), CLOCK_AHEAD))
                                .getTransformation();
        var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        transformation.getOperatorFactory(), Probe::vantage, Types.STRING);
        harness.open();
        return harness;
    }

    private static void add(
            KeyedOneInputStreamOperatorTestHarness<String, Probe, ServiceSignal> h,
            ProbeResult probe)
            throws Exception {
        long eventTime = probe.timestamp().toEpochMilli();
        h.processElement(Probe.of(probe, eventTime - WATERMARK_AT_MINUTE), eventTime);
    }

    /** A probe from a vantage whose clock runs {@link #FAST_CLOCK} ahead, as it arrives. */
    private static void addFromFastClock(
            KeyedOneInputStreamOperatorTestHarness<String, Probe, ServiceSignal> h,
            ProbeResult probe)
            throws Exception {
        long stamped = probe.timestamp().plus(FAST_CLOCK).toEpochMilli();
        ProbeResult fast =
                new ProbeResult(
                        probe.service(),
                        probe.vantage(),
                        probe.region(),
                        probe.target(),
                        Instant.ofEpochMilli(stamped),
                        probe.success(),
                        probe.latencyMs(),
                        probe.statusCode(),
                        probe.error());
        h.processElement(Probe.of(fast, stamped - WATERMARK_AT_MINUTE), stamped);
    }

    @Test
    void aVantageWhoseClockRunsAheadIsReportedForItsMinuteAndANormalOneIsNot() throws Exception {
        var h = vantageHarness();
        for (String service : List.of("chatgpt", "github", "slack")) {
            addFromFastClock(h, probe(service, "eu-1", 5, true));
            addFromFastClock(h, probe(service, "eu-1", 35, true));
            add(h, probe(service, "us-1", 5, true));
            add(h, probe(service, "us-1", 35, true));
        }

        h.processWatermark(MINUTE_END - 1);
        assertThat(h.getSideOutput(PipelineTags.VANTAGE_HEALTH)).isNull();
        h.processWatermark(FAST_MINUTE_END - 1);

        // The earliest fast probe, stamped 5 s into its minute, led by 50 min + 5 s + the
        // out-of-orderness; the estimate takes the out-of-orderness back off.
        long expectedSeconds = FAST_CLOCK.plusSeconds(5).toSeconds();
        assertThat(h.getSideOutput(PipelineTags.VANTAGE_HEALTH))
                .extracting(StreamRecord::getValue)
                .containsExactly(
                        new VantageHealth("eu-1", MINUTE.plus(FAST_CLOCK), 3, 0, expectedSeconds));
        assertThat(h.extractOutputValues()).hasSize(6);
        assertThat(h.numKeyedStateEntries()).isZero();
        h.close();
    }

    @Test
    void aBrokenVantageWhoseClockRunsAheadGetsOneRecordWithBoth() throws Exception {
        var h = vantageHarness();
        for (String service : List.of("chatgpt", "github", "slack", "discord")) {
            addFromFastClock(h, probe(service, "eu-1", 5, false));
        }

        h.processWatermark(FAST_MINUTE_END - 1);

        assertThat(h.getSideOutput(PipelineTags.VANTAGE_HEALTH))
                .extracting(StreamRecord::getValue)
                .containsExactly(
                        new VantageHealth(
                                "eu-1",
                                MINUTE.plus(FAST_CLOCK),
                                4,
                                4,
                                FAST_CLOCK.plusSeconds(5).toSeconds()));
        h.close();
    }

    @Test
    void aVantageFailingForMostServicesIsBrokenAndReported() throws Exception {
        var h = vantageHarness();
        for (String service : List.of("chatgpt", "github", "slack", "discord")) {
            add(h, probe(service, "eu-1", 5, false));
            add(h, probe(service, "eu-1", 35, false));
            add(h, probe(service, "us-1", 5, true));
        }

        h.processWatermark(MINUTE_END - 1);

        List<ProbeMinute> minutes =
                h.extractOutputValues().stream().map(ServiceSignal::probeMinute).toList();
        assertThat(minutes).hasSize(8);
        assertThat(minutes)
                .filteredOn(m -> m.vantage().equals("eu-1"))
                .allSatisfy(m -> assertThat(m.vantageBroken()).isTrue());
        assertThat(minutes)
                .filteredOn(m -> m.vantage().equals("us-1"))
                .allSatisfy(m -> assertThat(m.vantageBroken()).isFalse());
        assertThat(h.getSideOutput(PipelineTags.VANTAGE_HEALTH))
                .extracting(StreamRecord::getValue)
                .containsExactly(new VantageHealth("eu-1", MINUTE, 4, 4));
        assertThat(h.numKeyedStateEntries()).isZero();
        h.close();
    }

    @Test
    void exactDuplicatesCountOnceAndOneServiceNeverMakesAVantageBroken() throws Exception {
        var h = vantageHarness();
        ProbeResult failed = probe("chatgpt", "eu-1", 5, false);
        add(h, failed);
        add(h, failed);
        ProbeResult sameSecondOtherError =
                new ProbeResult(
                        "chatgpt", "eu-1", "eu", null, failed.timestamp(), false, null, 502, "x");
        add(h, sameSecondOtherError);
        add(h, probe("chatgpt", "eu-1", 35, true));

        h.processWatermark(MINUTE_END - 1);

        ProbeMinute minute = h.extractOutputValues().get(0).probeMinute();
        assertThat(minute.probes()).isEqualTo(3);
        assertThat(minute.failures()).isEqualTo(2);
        assertThat(minute.latenciesMs()).containsExactly(150.0);
        assertThat(minute.vantageBroken()).isFalse();
        assertThat(h.getSideOutput(PipelineTags.VANTAGE_HEALTH)).isNull();
        h.close();
    }
}
