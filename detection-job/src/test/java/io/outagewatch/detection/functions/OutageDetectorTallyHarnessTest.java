package io.outagewatch.detection.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.PipelineTags;
import io.outagewatch.detection.records.ServiceSignal;
import io.outagewatch.detection.records.VantageCounts;
import io.outagewatch.events.Alert;
import io.outagewatch.events.MinuteSignals;
import io.outagewatch.events.StatusUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The detector's tally of each minute's probe minutes and complaints before it decides it. */
class OutageDetectorTallyHarnessTest {

    private static final Instant MINUTE = Instant.parse("2023-11-08T13:42:00Z");
    private static final List<String> VANTAGES = List.of("ap-1", "eu-1", "eu-2", "us-1");

    /** Four vantages, {@code failing} of them failing both probes, and five complaints. */
    private static List<ServiceSignal> minute(Instant start, int failing) {
        TreeMap<String, VantageCounts> vantages = new TreeMap<>();
        for (int i = 0; i < VANTAGES.size(); i++) {
            String vantage = VANTAGES.get(i);
            vantages.put(
                    vantage, new VantageCounts(vantage.substring(0, 2), 2, i < failing ? 2 : 0, 0));
        }
        List<String> authors = new ArrayList<>();
        for (int a = 0; a < 5; a++) {
            authors.add("did:plc:user-" + start.getEpochSecond() + "-" + a);
        }
        return DetectorHarness.signals("chatgpt", start, vantages, 150.0, 6, authors);
    }

    private static List<MinuteSignals> decided(
            KeyedTwoInputStreamOperatorTestHarness<String, ServiceSignal, StatusUpdate, Alert> h) {
        return h.getSideOutput(PipelineTags.SERVICE_SIGNALS).stream()
                .map(StreamRecord::getValue)
                .toList();
    }

    /**
     * A checkpoint in the middle of a minute keeps what the minute has tallied so far: the restored
     * detector decides it exactly as one that was never stopped.
     */
    @Test
    void aMinuteHalfTalliedAtASnapshotIsDecidedWholeAfterTheRestore() throws Exception {
        List<ServiceSignal> signals = minute(MINUTE, 2);
        long decision = OutageDetector.minuteDecisionTime(MINUTE);

        var uninterrupted = DetectorHarness.opened(DetectorHarness.detector());
        DetectorHarness.decide(uninterrupted, signals);
        List<MinuteSignals> expected = decided(uninterrupted);
        uninterrupted.close();

        var first = DetectorHarness.opened(DetectorHarness.detector());
        int half = signals.size() / 2;
        DetectorHarness.add(first, signals.subList(0, half));
        OperatorSubtaskState snapshot = first.snapshot(1L, 1L);
        first.close();
        var restored = DetectorHarness.restored(DetectorHarness.detector(), snapshot);
        DetectorHarness.add(restored, signals.subList(half, signals.size()));
        restored.processBothWatermarks(new Watermark(decision));

        assertThat(expected).singleElement().satisfies(m -> assertThat(m.probes()).isEqualTo(8));
        assertThat(decided(restored)).isEqualTo(expected);
        restored.close();
    }

    /**
     * A signal whose minute the watermark has passed is dropped and counted, as a window drops a
     * late element: the decided minute is not decided again, and nothing waits for it.
     */
    @Test
    void aSignalForADecidedMinuteIsDroppedAndCounted() throws Exception {
        OutageDetector detector = DetectorHarness.detector();
        var h = DetectorHarness.opened(detector);
        DetectorHarness.decide(h, minute(MINUTE, 0));
        Instant next = MINUTE.plus(Duration.ofMinutes(1));
        DetectorHarness.decide(h, minute(next, 0));
        int entries = h.numKeyedStateEntries();

        List<ServiceSignal> late = minute(MINUTE, 4);
        DetectorHarness.add(h, late);

        assertThat(detector.lateSignalsDropped()).isEqualTo(late.size());
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(h.numKeyedStateEntries()).isEqualTo(entries);
        h.processBothWatermarks(
                new Watermark(OutageDetector.minuteDecisionTime(next.plus(Duration.ofMinutes(1)))));
        assertThat(decided(h)).extracting(MinuteSignals::minuteStart).containsExactly(MINUTE, next);
        assertThat(decided(h)).allSatisfy(m -> assertThat(m.probeFailureShare()).isZero());
        h.close();
    }

    /** Signals of several minutes interleave; each minute is decided with its own. */
    @Test
    void interleavedMinutesAreTalliedApart() throws Exception {
        var h = DetectorHarness.opened(DetectorHarness.detector());
        Instant next = MINUTE.plus(Duration.ofMinutes(1));
        List<ServiceSignal> healthy = minute(MINUTE, 0);
        List<ServiceSignal> failing = minute(next, 4);
        for (int i = 0; i < healthy.size(); i++) {
            h.processElement1(healthy.get(i), OutageDetector.minuteDecisionTime(MINUTE));
            h.processElement1(failing.get(i), OutageDetector.minuteDecisionTime(next));
        }
        assertThat(h.numEventTimeTimers()).as("one timer per minute").isEqualTo(2);

        h.processBothWatermarks(new Watermark(OutageDetector.minuteDecisionTime(next)));

        assertThat(decided(h))
                .extracting(MinuteSignals::minuteStart, MinuteSignals::probeFailureShare)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(MINUTE, 0.0),
                        org.assertj.core.groups.Tuple.tuple(next, 1.0));
        h.close();
    }
}
