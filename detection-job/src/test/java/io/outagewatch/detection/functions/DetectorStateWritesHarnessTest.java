package io.outagewatch.detection.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.assess.DurationEstimates;
import io.outagewatch.detection.assess.MinuteAssessor;
import io.outagewatch.detection.baseline.ProbeQuorum;
import io.outagewatch.detection.baseline.ReportAnomalyRule;
import io.outagewatch.detection.incident.IncidentPolicy;
import io.outagewatch.detection.records.ServiceSignal;
import io.outagewatch.detection.records.VantageCounts;
import io.outagewatch.events.Alert;
import io.outagewatch.events.StatusUpdate;
import io.outagewatch.scenario.Scenarios;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * When the detector writes its services' state to keyed state: before each snapshot, and when a
 * service leaves its live set; never in between, and never less than the snapshot needs.
 */
class DetectorStateWritesHarnessTest {

    private static final Instant START = Instant.parse("2023-11-08T10:00:00Z");
    private static final List<String> SERVICES = List.of("chatgpt", "github", "slack");
    private static final List<String> VANTAGES = List.of("ap-1", "eu-1", "eu-2", "us-1");

    /** Minutes decided in the comparisons: three hours, github down in minutes 120 to 139. */
    private static final int MINUTES = 180;

    private static OutageDetector detector(int liveCapacity) {
        return new OutageDetector(
                new MinuteAssessor(ProbeQuorum.DEFAULTS, ReportAnomalyRule.DEFAULTS),
                IncidentPolicy.defaults(),
                DurationEstimates.bundled(Scenarios.catalog()),
                liveCapacity);
    }

    /** Minute {@code m} of every service: the middle one fails from every vantage for a while. */
    private static List<ServiceSignal> minute(String service, int m) {
        Instant start = START.plus(Duration.ofMinutes(m));
        boolean failing = service.equals("github") && m >= 120 && m < 140;
        TreeMap<String, VantageCounts> vantages = new TreeMap<>();
        for (String vantage : VANTAGES) {
            vantages.put(
                    vantage, new VantageCounts(vantage.substring(0, 2), 2, failing ? 2 : 0, 0));
        }
        List<String> authors = new ArrayList<>();
        for (int a = 0; a < (failing ? 20 : m % 3); a++) {
            authors.add("did:plc:" + service + "-" + m + "-" + a);
        }
        return DetectorHarness.signals(service, start, vantages, 150.0 + m % 7, 8, authors);
    }

    private static void decideMinutes(
            KeyedTwoInputStreamOperatorTestHarness<String, ServiceSignal, StatusUpdate, Alert> h,
            int from,
            int to)
            throws Exception {
        for (int m = from; m < to; m++) {
            for (String service : SERVICES) {
                DetectorHarness.add(h, minute(service, m));
            }
            h.processBothWatermarks(
                    new Watermark(
                            OutageDetector.minuteDecisionTime(START.plus(Duration.ofMinutes(m)))));
        }
    }

    /** The alerts of all minutes from a detector with room for every service, never restored. */
    private static List<Alert> undisturbedAlerts() throws Exception {
        var undisturbed = DetectorHarness.opened(detector(LiveDetections.DEFAULT_CAPACITY));
        decideMinutes(undisturbed, 0, MINUTES);
        List<Alert> alerts = List.copyOf(undisturbed.extractOutputValues());
        undisturbed.close();
        return alerts;
    }

    @Test
    void decidedServicesReachKeyedStateAtTheSnapshotNotEveryMinute() throws Exception {
        var h = DetectorHarness.opened(detector(LiveDetections.DEFAULT_CAPACITY));
        decideMinutes(h, 0, 30);

        assertThat(OutageDetectorHarnessTest.piecesHeld(h, "github"))
                .as("nothing written between snapshots")
                .isEmpty();
        h.snapshot(1L, 0L);

        assertThat(OutageDetectorHarnessTest.piecesHeld(h, "github"))
                .contains(
                        DetectorState.VANTAGE_RATES.getName(),
                        DetectorState.COMPLAINT_RATES.getName(),
                        DetectorState.LAST_DECIDED_MINUTE.getName());
        h.close();
    }

    /** Run by a plain operator, which cannot switch keys, the detector writes after every timer. */
    @Test
    void withoutItsOwnOperatorTheDetectorWritesAfterEveryTimer() throws Exception {
        var h = DetectorHarness.unopened(new KeyedCoProcessOperator<>(detector(2)));
        h.open();
        decideMinutes(h, 0, 3);

        assertThat(OutageDetectorHarnessTest.piecesHeld(h, "github"))
                .contains(
                        DetectorState.VANTAGE_RATES.getName(),
                        DetectorState.LAST_DECIDED_MINUTE.getName());
        h.close();
    }

    /**
     * A live set holding one service drops a service at nearly every timer; what each learned must
     * go to keyed state on its way out, or the next minute would start from an older baseline.
     */
    @Test
    void aDetectorKeepingOneServiceLiveDecidesAsOneKeepingThemAll() throws Exception {
        List<Alert> expected = undisturbedAlerts();

        var cramped = DetectorHarness.opened(detector(1));
        decideMinutes(cramped, 0, MINUTES);

        assertThat(expected).isNotEmpty();
        assertThat(cramped.extractOutputValues()).isEqualTo(expected);
        assertThat(OutageDetectorHarnessTest.piecesHeld(cramped, "chatgpt"))
                .as("written when dropped, before any snapshot")
                .contains(DetectorState.VANTAGE_RATES.getName());
        cramped.close();
    }

    /** A restore in the middle continues from the snapshot as an undisturbed detector would. */
    @Test
    void aRestoreFromASnapshotBetweenMinutesDecidesAsAnUndisturbedDetector() throws Exception {
        List<Alert> expected = undisturbedAlerts();

        var first = DetectorHarness.opened(detector(LiveDetections.DEFAULT_CAPACITY));
        decideMinutes(first, 0, 125);
        List<Alert> alerts = new ArrayList<>(first.extractOutputValues());
        var snapshot = first.snapshot(1L, 0L);
        first.close();
        var restored = DetectorHarness.restored(detector(2), snapshot);
        decideMinutes(restored, 125, MINUTES);
        alerts.addAll(restored.extractOutputValues());
        restored.close();

        assertThat(alerts).isEqualTo(expected);
    }
}
