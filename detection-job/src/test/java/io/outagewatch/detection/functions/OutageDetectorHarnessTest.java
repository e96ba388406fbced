package io.outagewatch.detection.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.incident.IncidentPolicy;
import io.outagewatch.detection.records.ServiceSignal;
import io.outagewatch.detection.records.VantageCounts;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.StatusUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class OutageDetectorHarnessTest {

    private static final Instant HISTORY_START = Instant.parse("2023-11-08T10:00:00Z");
    private static final int HISTORY_MINUTES = 180;
    private static final Instant ONSET = HISTORY_START.plus(Duration.ofMinutes(HISTORY_MINUTES));
    private static final int OUTAGE_MINUTES = 20;
    private static final Instant FIX = ONSET.plus(Duration.ofMinutes(OUTAGE_MINUTES));
    private static final Duration WALL_CLOCK_AHEAD = Duration.ofMinutes(3);
    private static final Instant NIGHT_ONSET = Instant.parse("2024-05-14T02:40:00Z");
    private static final Duration QUIET_BEFORE_NIGHT_ONSET = Duration.ofHours(8);
    private static final int NIGHT_OUTAGE_MINUTES = 10;
    private static final AtomicLong SNAPSHOTS = new AtomicLong();
    private static final List<String> VANTAGES =
            List.of("ap-1", "ap-2", "eu-1", "eu-2", "us-1", "us-2");

    private static KeyedTwoInputStreamOperatorTestHarness<
                    String, ServiceSignal, StatusUpdate, Alert>
            harness() throws Exception {
        return DetectorHarness.opened(detector());
    }

    private static OutageDetector detector() {
        return DetectorHarness.detector();
    }

    private static OutageDetector detector(IncidentPolicy policy) {
        return DetectorHarness.detector(policy);
    }

    private static KeyedTwoInputStreamOperatorTestHarness<
                    String, ServiceSignal, StatusUpdate, Alert>
            restored(OutageDetector detector, OperatorSubtaskState snapshot) throws Exception {
        return DetectorHarness.restored(detector, snapshot);
    }

    private static List<ServiceSignal> minute(Instant start, int failingVantages, int complaints) {
        TreeMap<String, VantageCounts> vantages = new TreeMap<>();
        for (int i = 0; i < VANTAGES.size(); i++) {
            String vantage = VANTAGES.get(i);
            int failures = i < failingVantages ? 2 : 0;
            vantages.put(vantage, new VantageCounts(vantage.substring(0, 2), 2, failures, 0));
        }
        return DetectorHarness.signals(
                "chatgpt", start, vantages, 180.0, 12, authors(start, complaints));
    }

    private static List<String> authors(Instant start, int complaints) {
        List<String> authors = new ArrayList<>();
        for (int i = 0; i < complaints; i++) {
            authors.add("did:plc:user-" + start.getEpochSecond() + "-" + i);
        }
        return authors;
    }

    @Test
    void anIncidentOpensAndClosesAndLeavesOnlyTheBaselinesBehind() throws Exception {
        var h = harness();
        for (int m = 0; m < HISTORY_MINUTES; m++) {
            DetectorHarness.decide(h, minute(HISTORY_START.plus(Duration.ofMinutes(m)), 0, 1));
        }
        for (int m = 0; m < OUTAGE_MINUTES; m++) {
            DetectorHarness.decide(h, minute(ONSET.plus(Duration.ofMinutes(m)), 6, 30));
        }
        for (int m = 0; m < 15; m++) {
            DetectorHarness.decide(h, minute(FIX.plus(Duration.ofMinutes(m)), 0, 2));
        }

        List<Alert> alerts = List.copyOf(h.extractOutputValues());
        assertThat(alerts)
                .extracting(Alert::type)
                .containsExactly(
                        AlertType.OUTAGE_STARTED,
                        AlertType.OUTAGE_UPDATED,
                        AlertType.OUTAGE_RECOVERED);
        assertThat(alerts.get(0).startedAt()).isEqualTo(ONSET);
        assertThat(alerts.get(0).detectedAt()).isEqualTo(ONSET.plus(Duration.ofMinutes(1)));
        assertThat(alerts.get(2).recoveredAt()).isEqualTo(FIX);
        assertThat(alerts.get(2).durationSeconds())
                .isEqualTo(Duration.ofMinutes(OUTAGE_MINUTES).toSeconds());
        // Only the service's learned state stays: no buffered minutes, no timers. The tracker's
        // piece holds the hour after a probe-led recovery in which complaints are discounted. No
        // recent complainers: at the two a minute this service's baseline expects now, before
        // warm-up, no pool of ten minutes' samples could be anomalous.
        List<String> learned =
                DetectorState.ALL.stream()
                        .filter(piece -> piece != DetectorState.RECENT_COMPLAINERS)
                        .map(StateDescriptor::getName)
                        .toList();
        assertThat(h.numEventTimeTimers()).isZero();
        assertThat(storedPieces(h)).containsExactlyInAnyOrderElementsOf(learned);
        assertThat(h.numKeyedStateEntries()).isEqualTo(learned.size());
        h.close();
    }

    @Test
    void silenceDuringASocialOnlyIncidentIsTickedThroughToRecovery() throws Exception {
        var h = harness();
        Instant quiet = HISTORY_START;
        for (int m = 0; m < HISTORY_MINUTES; m += 5) {
            DetectorHarness.decide(h, socialMinute(quiet.plus(Duration.ofMinutes(m)), 1));
        }
        for (int m = 0; m < 10; m++) {
            DetectorHarness.decide(h, socialMinute(ONSET.plus(Duration.ofMinutes(m)), 40));
        }
        // Complaints stop entirely: no window fires, only the watermark moves on.
        h.processBothWatermarks(new Watermark(ONSET.plus(Duration.ofHours(1)).toEpochMilli()));

        List<Alert> alerts = List.copyOf(h.extractOutputValues());
        assertThat(alerts)
                .extracting(Alert::type)
                .containsExactly(AlertType.OUTAGE_STARTED, AlertType.OUTAGE_RECOVERED);
        assertThat(alerts.get(1).recoveredAt()).isEqualTo(ONSET.plus(Duration.ofMinutes(10)));
        assertThat(h.numEventTimeTimers()).isZero();
        h.close();
    }

    /**
     * A service whose users post two complaints a minute at night, eight hours after its last
     * ordinary complaint: no minute reaches the per-minute rule's eight, but the pool does in its
     * fourth minute, and the incident begins where the complaints did.
     */
    @Test
    void twoPeopleAMinuteAtNightOpenAnIncidentBackdatedToTheirFirstComplaint() throws Exception {
        var h = harness();
        DetectorHarness.decide(
                h, nightMinute(NIGHT_ONSET.minus(QUIET_BEFORE_NIGHT_ONSET), "ordinary"));
        for (int m = 0; m < NIGHT_OUTAGE_MINUTES; m++) {
            DetectorHarness.decide(
                    h,
                    nightMinute(
                            NIGHT_ONSET.plus(Duration.ofMinutes(m)),
                            "did:plc:user-" + m + "-a",
                            "did:plc:user-" + m + "-b"));
        }
        assertThat(storedPieces(h)).contains(DetectorState.RECENT_COMPLAINERS.getName());
        // Complaints stop; only the watermark moves on.
        h.processBothWatermarks(
                new Watermark(NIGHT_ONSET.plus(Duration.ofHours(1)).toEpochMilli()));

        List<Alert> alerts = List.copyOf(h.extractOutputValues());
        assertThat(alerts.get(0).type()).isEqualTo(AlertType.OUTAGE_STARTED);
        assertThat(alerts.get(0).startedAt()).isEqualTo(NIGHT_ONSET);
        assertThat(alerts.get(0).detectedAt()).isEqualTo(NIGHT_ONSET.plus(Duration.ofMinutes(5)));
        assertThat(alerts.get(alerts.size() - 1).type()).isEqualTo(AlertType.OUTAGE_RECOVERED);
        assertThat(h.numEventTimeTimers()).isZero();
        // The authors are kept only while a complaint is in the pool.
        assertThat(storedPieces(h)).doesNotContain(DetectorState.RECENT_COMPLAINERS.getName());
        h.close();
    }

    /** One account posting every minute at night is one author however long it goes on. */
    @Test
    void oneAccountComplainingEveryMinuteAtNightOpensNothing() throws Exception {
        var h = harness();
        DetectorHarness.decide(
                h, nightMinute(NIGHT_ONSET.minus(QUIET_BEFORE_NIGHT_ONSET), "ordinary"));
        for (int m = 0; m < 3 * NIGHT_OUTAGE_MINUTES; m++) {
            DetectorHarness.decide(
                    h,
                    nightMinute(
                            NIGHT_ONSET.plus(Duration.ofMinutes(m)),
                            "did:plc:00000000000000000badbad0"));
        }

        assertThat(h.extractOutputValues()).isEmpty();
        h.close();
    }

    /**
     * The detector keeps each service's logic objects between minutes ({@link LiveDetections});
     * keyed state must stay the whole truth. The same minutes give the same alerts when every
     * minute is decided by a detector restored from the previous minute's snapshot, which starts
     * with nothing kept and rebuilds the service from state.
     */
    @Test
    void keptServicesDecideAsServicesRebuiltFromStateEveryMinute() throws Exception {
        List<List<ServiceSignal>> minutes = new ArrayList<>();
        for (int m = 0; m < HISTORY_MINUTES; m++) {
            minutes.add(minute(HISTORY_START.plus(Duration.ofMinutes(m)), m % 7 == 0 ? 1 : 0, 1));
        }
        for (int m = 0; m < OUTAGE_MINUTES; m++) {
            minutes.add(minute(ONSET.plus(Duration.ofMinutes(m)), m < 3 ? 4 : 6, 20 + m));
        }
        for (int m = 0; m < 15; m++) {
            minutes.add(minute(FIX.plus(Duration.ofMinutes(m)), 0, 2));
        }

        var kept = harness();
        for (List<ServiceSignal> minute : minutes) {
            DetectorHarness.decide(kept, minute);
        }
        List<Alert> keptAlerts = List.copyOf(kept.extractOutputValues());
        kept.close();

        List<Alert> rebuiltAlerts = new java.util.ArrayList<>();
        OperatorSubtaskState snapshot = null;
        for (int i = 0; i < minutes.size(); i++) {
            var rebuilt = snapshot == null ? harness() : restored(detector(), snapshot);
            DetectorHarness.decide(rebuilt, minutes.get(i));
            rebuiltAlerts.addAll(rebuilt.extractOutputValues());
            snapshot = rebuilt.snapshot(i, i);
            rebuilt.close();
        }

        assertThat(keptAlerts)
                .extracting(Alert::type)
                .containsExactly(
                        AlertType.OUTAGE_STARTED,
                        AlertType.OUTAGE_UPDATED,
                        AlertType.OUTAGE_RECOVERED);
        assertThat(rebuiltAlerts).isEqualTo(keptAlerts);
    }

    @Test
    void anOpenIncidentSurvivesASnapshotAndRestore() throws Exception {
        var h = harness();
        for (int m = 0; m < HISTORY_MINUTES; m++) {
            DetectorHarness.decide(h, minute(HISTORY_START.plus(Duration.ofMinutes(m)), 0, 1));
        }
        for (int m = 0; m < 5; m++) {
            DetectorHarness.decide(h, minute(ONSET.plus(Duration.ofMinutes(m)), 6, 30));
        }
        OperatorSubtaskState snapshot = h.snapshot(1L, 1L);
        String incidentId = h.extractOutputValues().get(0).incidentId();
        h.close();

        OutageDetector detector = detector();
        var restored = restored(detector, snapshot);
        // The gauge is not part of the snapshot: it catches up at the service's next minute.
        assertThat(detector.openIncidents()).isZero();
        DetectorHarness.decide(restored, minute(ONSET.plus(Duration.ofMinutes(5)), 0, 2));
        assertThat(detector.openIncidents()).isEqualTo(1);
        for (int m = 1; m < 15; m++) {
            DetectorHarness.decide(restored, minute(ONSET.plus(Duration.ofMinutes(5 + m)), 0, 2));
        }
        assertThat(detector.openIncidents()).isZero();

        List<Alert> alerts = List.copyOf(restored.extractOutputValues());
        assertThat(alerts)
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.type()).isEqualTo(AlertType.OUTAGE_RECOVERED);
                            assertThat(a.incidentId()).isEqualTo(incidentId);
                            assertThat(a.durationSeconds())
                                    .isEqualTo(Duration.ofMinutes(5).toSeconds());
                        });
        restored.close();
    }

    @Test
    void aServiceRestoredMidIncidentFollowsTheRestoringJobsIncidentPolicy() throws Exception {
        var h = harness();
        for (int m = 0; m < HISTORY_MINUTES; m++) {
            DetectorHarness.decide(h, minute(HISTORY_START.plus(Duration.ofMinutes(m)), 0, 1));
        }
        for (int m = 0; m < 5; m++) {
            DetectorHarness.decide(h, minute(ONSET.plus(Duration.ofMinutes(m)), 6, 30));
        }
        OperatorSubtaskState savepoint = h.snapshot(1L, 1L);
        Alert started = h.extractOutputValues().get(0);
        h.close();
        IncidentPolicy defaults = IncidentPolicy.defaults();
        IncidentPolicy updateEveryFiveMinutes =
                new IncidentPolicy(
                        defaults.confirmMinutesOneSignal(),
                        defaults.confirmMinutesReportsAgainstHealthyProbes(),
                        defaults.confirmMinutesDegraded(),
                        defaults.mergeGap(),
                        Duration.ofMinutes(5),
                        defaults.reportAfterglow(),
                        defaults.estimateChange(),
                        defaults.onsetRise(),
                        defaults.onsetLookback());

        var unchanged = restored(detector(), savepoint);
        var changed = restored(detector(updateEveryFiveMinutes), savepoint);
        for (int m = 5; m < 20; m++) {
            DetectorHarness.decide(unchanged, minute(ONSET.plus(Duration.ofMinutes(m)), 6, 30));
            DetectorHarness.decide(changed, minute(ONSET.plus(Duration.ofMinutes(m)), 6, 30));
        }

        // Detected at the end of the outage's first minute, then updated after every
        // update-every: the restored incident follows the setting of the job that restored it.
        assertThat(started.detectedAt()).isEqualTo(ONSET.plus(Duration.ofMinutes(1)));
        assertThat(decidedAt(unchanged)).containsExactly(ONSET.plus(Duration.ofMinutes(16)));
        assertThat(decidedAt(changed))
                .containsExactly(
                        ONSET.plus(Duration.ofMinutes(6)),
                        ONSET.plus(Duration.ofMinutes(11)),
                        ONSET.plus(Duration.ofMinutes(16)));
        assertThat(changed.extractOutputValues())
                .allSatisfy(
                        alert -> {
                            assertThat(alert.type()).isEqualTo(AlertType.OUTAGE_UPDATED);
                            assertThat(alert.incidentId()).isEqualTo(started.incidentId());
                        })
                .extracting(Alert::version)
                .containsExactly(2, 3, 4);
        unchanged.close();
        changed.close();
    }

    @Test
    void theGaugesFollowOpenIncidentsAndTheWatermarksDistanceFromTheWallClock() throws Exception {
        OutageDetector detector = detector();
        var h = DetectorHarness.opened(detector);
        assertThat(detector.watermarkLagMillis()).isNaN();
        for (int m = 0; m < HISTORY_MINUTES; m++) {
            DetectorHarness.decide(h, minute(HISTORY_START.plus(Duration.ofMinutes(m)), 0, 1));
        }
        assertThat(detector.openIncidents()).isZero();
        for (int m = 0; m < 5; m++) {
            DetectorHarness.decide(h, minute(ONSET.plus(Duration.ofMinutes(m)), 6, 30));
        }
        assertThat(detector.openIncidents()).isEqualTo(1);

        Instant lastDecision = ONSET.plus(Duration.ofMinutes(5)).minusMillis(1);
        h.setProcessingTime(lastDecision.plus(WALL_CLOCK_AHEAD).toEpochMilli());
        DetectorHarness.add(h, minute(ONSET.plus(Duration.ofMinutes(5)), 6, 30));
        assertThat(detector.watermarkLagMillis()).isEqualTo(WALL_CLOCK_AHEAD.toMillis());

        for (int m = 5; m < 30; m++) {
            DetectorHarness.decide(h, minute(ONSET.plus(Duration.ofMinutes(m)), 0, 2));
        }
        assertThat(h.extractOutputValues())
                .extracting(Alert::type)
                .endsWith(AlertType.OUTAGE_RECOVERED);
        assertThat(detector.openIncidents()).isZero();
        h.close();
    }

    /** The end of the minute each alert was decided in, from the timer that emitted it. */
    private static List<Instant> decidedAt(
            KeyedTwoInputStreamOperatorTestHarness<String, ServiceSignal, StatusUpdate, Alert> h) {
        return h.getOutput().stream()
                .filter(StreamRecord.class::isInstance)
                .map(record -> Instant.ofEpochMilli(((StreamRecord<?>) record).getTimestamp() + 1))
                .toList();
    }

    /**
     * Names of the detector's state pieces that hold something for the service once a snapshot is
     * taken: the detector writes what it decided to keyed state before each snapshot.
     */
    private static Set<String> storedPieces(
            KeyedTwoInputStreamOperatorTestHarness<String, ServiceSignal, StatusUpdate, Alert> h)
            throws Exception {
        h.snapshot(SNAPSHOTS.incrementAndGet(), 0L);
        return piecesHeld(h, "chatgpt");
    }

    /** Names of the detector's state pieces that hold something for {@code service} now. */
    static Set<String> piecesHeld(
            KeyedTwoInputStreamOperatorTestHarness<String, ServiceSignal, StatusUpdate, Alert> h,
            String service) {
        KeyedStateBackend<Object> backend = h.getOperator().getKeyedStateBackend();
        Set<String> pieces = new TreeSet<>();
        for (StateDescriptor<?, ?> piece : DetectorState.ALL) {
            try (Stream<Object> keys = backend.getKeys(piece.getName(), VoidNamespace.INSTANCE)) {
                if (keys.anyMatch(service::equals)) {
                    pieces.add(piece.getName());
                }
            }
        }
        return pieces;
    }

    private static List<ServiceSignal> socialMinute(Instant start, int complaints) {
        return DetectorHarness.signals(
                "chatgpt", start, new TreeMap<>(), Double.NaN, 0, authors(start, complaints));
    }

    /** A minute of a service without probes in which each of {@code authors} complained. */
    private static List<ServiceSignal> nightMinute(Instant start, String... authors) {
        return DetectorHarness.signals(
                "chatgpt", start, new TreeMap<>(), Double.NaN, 0, List.of(authors));
    }
}
