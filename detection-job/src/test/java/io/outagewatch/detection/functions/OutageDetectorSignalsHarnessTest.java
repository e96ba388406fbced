package io.outagewatch.detection.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.PipelineTags;
import io.outagewatch.detection.StateSerialization;
import io.outagewatch.detection.records.ServiceSignal;
import io.outagewatch.detection.records.VantageCounts;
import io.outagewatch.events.Alert;
import io.outagewatch.events.MinuteSignals;
import io.outagewatch.events.MinuteVerdict;
import io.outagewatch.events.StatusUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The detector's side output: one {@link MinuteSignals} per service minute it decides. */
class OutageDetectorSignalsHarnessTest {

    private static final Instant HISTORY_START = Instant.parse("2023-11-08T10:00:00Z");
    private static final int HISTORY_MINUTES = 90;
    private static final Instant ONSET = HISTORY_START.plus(Duration.ofMinutes(HISTORY_MINUTES));
    private static final int OUTAGE_MINUTES = 5;
    private static final List<String> VANTAGES = List.of("ap-1", "eu-1", "eu-2", "us-1");

    @Test
    void everyDecidedMinuteLeavesItsSignalsAndVerdict() throws Exception {
        var harness = harness();
        for (int m = 0; m < HISTORY_MINUTES; m++) {
            DetectorHarness.decide(
                    harness, minute(HISTORY_START.plus(Duration.ofMinutes(m)), 0, 1));
        }
        for (int m = 0; m < OUTAGE_MINUTES; m++) {
            DetectorHarness.decide(
                    harness, minute(ONSET.plus(Duration.ofMinutes(m)), VANTAGES.size(), 40));
        }

        List<MinuteSignals> signals =
                harness.getSideOutput(PipelineTags.SERVICE_SIGNALS).stream()
                        .map(StreamRecord::getValue)
                        .toList();
        assertThat(signals).hasSize(HISTORY_MINUTES + OUTAGE_MINUTES);
        MinuteSignals first = signals.get(0);
        assertThat(first.minuteStart()).isEqualTo(HISTORY_START);
        assertThat(first.verdict()).isEqualTo(MinuteVerdict.OK);
        assertThat(first.latencyBaselineP95Ms()).as("not warm yet").isNull();
        MinuteSignals lastQuiet = signals.get(HISTORY_MINUTES - 1);
        assertThat(lastQuiet.verdict()).isEqualTo(MinuteVerdict.OK);
        assertThat(lastQuiet.latencyBaselineP95Ms())
                .isCloseTo(180.0, org.assertj.core.data.Offset.offset(1.0));
        MinuteSignals outage = signals.get(signals.size() - 1);
        assertThat(outage.minuteStart())
                .isEqualTo(ONSET.plus(Duration.ofMinutes(OUTAGE_MINUTES - 1)));
        assertThat(outage.verdict()).isEqualTo(MinuteVerdict.DOWN);
        assertThat(outage.complaints()).isEqualTo(40);
        assertThat(outage.expectedComplaints()).isLessThan(5.0);
        assertThat(outage.probes()).isEqualTo(2 * VANTAGES.size());
        assertThat(outage.probeFailureShare()).isEqualTo(1.0);
        assertThat(outage.failingVantages()).containsExactlyElementsOf(VANTAGES);
        assertThat(outage.reportingVantages()).isEqualTo(VANTAGES.size());
        assertThat(outage.latencyP95Ms()).isEqualTo(180.0);
    }

    @Test
    void theSignalsTravelWithFlinksOwnSerializerNotKryo() {
        MinuteSignals signals =
                new MinuteSignals(
                        "chatgpt",
                        ONSET,
                        40,
                        1.5,
                        8,
                        0.75,
                        List.of("eu-1", "us-1"),
                        4,
                        null,
                        210.0,
                        MinuteVerdict.DOWN);

        assertThat(PipelineTags.SERVICE_SIGNALS.getTypeInfo())
                .isNotInstanceOf(GenericTypeInfo.class);
        assertThat(StateSerialization.copy(signals, MinuteSignals.class)).isEqualTo(signals);
    }

    private static KeyedTwoInputStreamOperatorTestHarness<
                    String, ServiceSignal, StatusUpdate, Alert>
            harness() throws Exception {
        return DetectorHarness.opened(DetectorHarness.detector());
    }

    private static List<ServiceSignal> minute(Instant start, int failingVantages, int complaints) {
        TreeMap<String, VantageCounts> vantages = new TreeMap<>();
        for (int i = 0; i < VANTAGES.size(); i++) {
            String vantage = VANTAGES.get(i);
            int failures = i < failingVantages ? 2 : 0;
            vantages.put(vantage, new VantageCounts(vantage.substring(0, 2), 2, failures, 0));
        }
        List<String> authors = new ArrayList<>();
        for (int i = 0; i < complaints; i++) {
            authors.add("did:plc:user-" + start.getEpochSecond() + "-" + i);
        }
        return DetectorHarness.signals("chatgpt", start, vantages, 180.0, 12, authors);
    }
}
