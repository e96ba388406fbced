package io.outagewatch.detection.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.StateSerialization;
import io.outagewatch.detection.duration.DurationEstimate;
import io.outagewatch.detection.estimate.DurationForecast;
import io.outagewatch.detection.estimate.ImpactLevel;
import io.outagewatch.detection.estimate.IncidentContext;
import io.outagewatch.detection.estimate.LeadingSignal;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.Evidence;
import io.outagewatch.events.Severity;
import io.outagewatch.events.StatusUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IncidentTrackerTest {

    private static final Instant T0 = Instant.parse("2023-11-08T13:40:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Evidence EVIDENCE =
            new Evidence(0.9, 0.01, List.of("eu-1", "us-1"), List.of(), 12.0, 1.5, 9.0);

    private static final StatusUpdate ACKNOWLEDGEMENT =
            new StatusUpdate(
                    "chatgpt",
                    T0.plus(Duration.ofMinutes(3)),
                    "inc-0",
                    StatusUpdate.Status.INVESTIGATING,
                    StatusUpdate.Impact.MAJOR,
                    "Elevated errors",
                    "https://status.openai.com/incidents/inc-0");

    /**
     * Total duration two hours (one to four) whatever has elapsed, so it never moves materially;
     * the time left is the rest of it: easy to check.
     */
    private static final DurationForecaster TWO_HOURS = incident -> twoHours(incident.elapsed());

    private static DurationForecast twoHours(Duration elapsed) {
        DurationEstimate total =
                new DurationEstimate(Duration.ofHours(2), Duration.ofHours(1), Duration.ofHours(4));
        return new DurationForecast(
                total,
                new DurationEstimate(
                        total.median().minus(elapsed),
                        total.low().minus(elapsed),
                        total.high().minus(elapsed)),
                "a test's two hours");
    }

    /**
     * One character per minute from T0: {@code .} nothing, {@code H} healthy probes, {@code N}
     * probe noise, {@code P} probe outage, {@code G} regional probe outage (eu), {@code D} degraded
     * probes, {@code R} anomalous reports without probe data, {@code r} anomalous reports with
     * healthy probes, {@code B} probe outage and anomalous reports, {@code X} a probe outage the
     * probes alone prove (conclusive).
     */
    private static MinuteAssessment minute(int index, char code) {
        Instant start = T0.plus(MINUTE.multipliedBy(index));
        ProbeSignal probe =
                switch (code) {
                    case '.', 'R', 'e' -> ProbeSignal.NO_DATA;
                    case 'H', 'r' -> ProbeSignal.HEALTHY;
                    case 'N' -> ProbeSignal.NOISE;
                    case 'P', 'B', 'X' -> ProbeSignal.OUTAGE;
                    case 'G' -> ProbeSignal.REGIONAL_OUTAGE;
                    case 'D' -> ProbeSignal.DEGRADED;
                    default -> throw new IllegalArgumentException("unknown minute code " + code);
                };
        boolean reports = code == 'R' || code == 'r' || code == 'B';
        boolean elevated = reports || code == 'e';
        List<String> regions = code == 'G' ? List.of("eu") : List.of();
        return new MinuteAssessment(
                start,
                start.plus(MINUTE),
                probe,
                regions,
                reports,
                elevated,
                EVIDENCE,
                code == 'X',
                0,
                0);
    }

    private static List<Alert> run(IncidentTracker tracker, String minutes) {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < minutes.length(); i++) {
            alerts.addAll(tracker.onMinute(minute(i, minutes.charAt(i)), TWO_HOURS));
        }
        return alerts;
    }

    private static String describe(List<Alert> alerts) {
        List<String> parts = new ArrayList<>();
        for (Alert a : alerts) {
            long startMinute = Duration.between(T0, a.startedAt()).toMinutes();
            long detectedMinute = Duration.between(T0, a.detectedAt()).toMinutes();
            String part = a.type() + "@" + startMinute + "/" + detectedMinute + " " + a.severity();
            if (a.type() == AlertType.OUTAGE_RECOVERED) {
                part += " rec" + Duration.between(T0, a.recoveredAt()).toMinutes();
            }
            parts.add(part);
        }
        return String.join(", ", parts);
    }

    static Stream<Arguments> lifecycles() {
        String tenHealthy = "HHHHHHHHHH";
        return Stream.of(
                Arguments.of("quiet", "HHHHHHHHHHHHHHHHHHHHHH", ""),
                Arguments.of("one anomalous probe minute is only a suspicion", "HHPHHHHHH", ""),
                Arguments.of("noise never alerts", "HNNNNNNNNNNNH", ""),
                Arguments.of(
                        "two probe outage minutes confirm; recovery after the merge gap",
                        "HHPPPPH" + tenHealthy,
                        "OUTAGE_STARTED@2/4 MAJOR, OUTAGE_RECOVERED@2/4 MAJOR rec6"),
                Arguments.of(
                        "a conclusive probe minute confirms at once",
                        "HHXPPH" + tenHealthy,
                        "OUTAGE_STARTED@2/3 MAJOR, OUTAGE_RECOVERED@2/3 MAJOR rec5"),
                Arguments.of(
                        "one conclusive minute is an outage of its own",
                        "HHXH" + tenHealthy,
                        "OUTAGE_STARTED@2/3 MAJOR, OUTAGE_RECOVERED@2/3 MAJOR rec3"),
                Arguments.of(
                        "probes and reports agreeing confirm at once",
                        "HHBPPH" + tenHealthy,
                        "OUTAGE_STARTED@2/3 MAJOR, OUTAGE_RECOVERED@2/3 MAJOR rec5"),
                Arguments.of(
                        "reports alone confirm a service without probes",
                        "..RRRR" + ".........." + "..",
                        "OUTAGE_STARTED@2/4 MAJOR, OUTAGE_RECOVERED@2/4 MAJOR rec6"),
                Arguments.of(
                        "elevated complaints keep a complaint-led incident open",
                        "..RRRReeeR" + ".........." + "..",
                        "OUTAGE_STARTED@2/4 MAJOR, OUTAGE_RECOVERED@2/4 MAJOR rec10"),
                Arguments.of("elevated complaints alone open nothing", "..eeeeeeee..", ""),
                Arguments.of("reports against healthy probes need four minutes", "HHrrrHHH", ""),
                Arguments.of(
                        "reports against healthy probes for four minutes make a partial outage",
                        "HHrrrrH" + tenHealthy,
                        "OUTAGE_STARTED@2/6 PARTIAL, OUTAGE_RECOVERED@2/6 PARTIAL rec6"),
                Arguments.of(
                        "a probed outage recovers with the probes while complaints linger",
                        "HHPPPP" + "r".repeat(40),
                        "OUTAGE_STARTED@2/4 MAJOR, OUTAGE_RECOVERED@2/4 MAJOR rec6"),
                Arguments.of(
                        "regional failure is PARTIAL",
                        "HHGGGH" + tenHealthy,
                        "OUTAGE_STARTED@2/4 PARTIAL, OUTAGE_RECOVERED@2/4 PARTIAL rec5"),
                Arguments.of(
                        "brownout needs three minutes and is DEGRADED",
                        "HHDDDDH" + tenHealthy,
                        "OUTAGE_STARTED@2/5 DEGRADED, OUTAGE_RECOVERED@2/5 DEGRADED rec6"),
                Arguments.of(
                        "an upgrade from PARTIAL to MAJOR is an update",
                        "HHGGPPH" + tenHealthy,
                        "OUTAGE_STARTED@2/4 PARTIAL, OUTAGE_UPDATED@2/4 MAJOR,"
                                + " OUTAGE_RECOVERED@2/4 MAJOR rec6"),
                Arguments.of(
                        "flapping inside the merge gap stays one incident",
                        "HHPPPHHPPPHHPPH" + tenHealthy,
                        "OUTAGE_STARTED@2/4 MAJOR, OUTAGE_RECOVERED@2/4 MAJOR rec14"),
                Arguments.of(
                        "a relapse after recovery is a new incident",
                        "HHPPH" + tenHealthy + "PPH" + tenHealthy,
                        "OUTAGE_STARTED@2/4 MAJOR, OUTAGE_RECOVERED@2/4 MAJOR rec4,"
                                + " OUTAGE_STARTED@15/17 MAJOR, OUTAGE_RECOVERED@15/17 MAJOR"
                                + " rec17"),
                Arguments.of(
                        "a healthy minute between anomalous ones drops the suspicion",
                        "HHPHPHPH",
                        ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lifecycles")
    void lifecycle(String name, String minutes, String expected) {
        IncidentTracker tracker = new IncidentTracker("chatgpt", IncidentPolicy.defaults());

        List<Alert> alerts = run(tracker, minutes);

        assertThat(describe(alerts)).isEqualTo(expected);
        assertThat(tracker.phase()).isEqualTo(IncidentPhase.NORMAL);
        assertThat(tracker.isIdle()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lifecycles")
    void aTrackerRebuiltFromItsStoredStateEveryMinuteActsAsIfNeverStopped(
            String name, String minutes, String expected) {
        IncidentTracker tracker = new IncidentTracker("chatgpt", IncidentPolicy.defaults());
        tracker.onStatusUpdate(ACKNOWLEDGEMENT);
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < minutes.length(); i++) {
            alerts.addAll(tracker.onMinute(minute(i, minutes.charAt(i)), TWO_HOURS));
            tracker = restored(tracker, IncidentPolicy.defaults());
        }

        IncidentTracker neverStopped = new IncidentTracker("chatgpt", IncidentPolicy.defaults());
        neverStopped.onStatusUpdate(ACKNOWLEDGEMENT);
        assertThat(alerts).isEqualTo(run(neverStopped, minutes));
        assertThat(describe(alerts)).isEqualTo(expected);
        assertThat(tracker.state()).isEqualTo(neverStopped.state());
    }

    @Test
    void aRestoredTrackerJudgesByThePolicyItIsGivenNotTheOneItStartedWith() {
        IncidentTracker tracker = new IncidentTracker("chatgpt", IncidentPolicy.defaults());
        List<Alert> alerts = new ArrayList<>(run(tracker, "HHPP"));
        IncidentPolicy defaults = IncidentPolicy.defaults();
        IncidentPolicy everyFiveMinutes =
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

        tracker = restored(tracker, everyFiveMinutes);
        for (int i = 4; i < 20; i++) {
            alerts.addAll(tracker.onMinute(minute(i, 'P'), TWO_HOURS));
        }

        // Started at minute 2 and confirmed 2 minutes in; then an update every five minutes, where
        // the policy it started with would have waited fifteen.
        assertThat(alerts)
                .extracting(a -> a.type() + " " + elapsedMinutes(a))
                .containsExactly(
                        "OUTAGE_STARTED 2",
                        "OUTAGE_UPDATED 7",
                        "OUTAGE_UPDATED 12",
                        "OUTAGE_UPDATED 17");
    }

    /** How long the incident had lasted at the alert, read back from {@link #TWO_HOURS}. */
    private static long elapsedMinutes(Alert alert) {
        return Duration.ofHours(2).minusSeconds(alert.estimatedRemainingSeconds()).toMinutes();
    }

    @Test
    void anIdleTrackerStoresNothing() {
        IncidentTracker tracker = new IncidentTracker("chatgpt", IncidentPolicy.defaults());

        run(tracker, "HHPPH" + "H".repeat(10));

        // Recovered at minute 4: idle, but complaints are discounted for an hour after.
        assertThat(tracker.isIdle()).isTrue();
        assertThat(tracker.state().reportAfterglowUntil())
                .isEqualTo(T0.plus(Duration.ofMinutes(64)));
        for (int i = 15; i <= 64; i++) {
            tracker.onMinute(minute(i, 'H'), TWO_HOURS);
        }
        assertThat(tracker.state()).isEqualTo(IncidentState.EMPTY);
    }

    /** The tracker built anew from its state after a round trip through Flink state. */
    private static IncidentTracker restored(IncidentTracker tracker, IncidentPolicy policy) {
        return new IncidentTracker(
                "chatgpt", policy, StateSerialization.copy(tracker.state(), IncidentState.class));
    }

    @Test
    void alertsOfOneIncidentShareTheIdAndCountVersions() {
        IncidentTracker tracker = new IncidentTracker("chatgpt", IncidentPolicy.defaults());

        List<Alert> alerts = run(tracker, "HHGGPP" + "P".repeat(20) + "H".repeat(11));

        assertThat(alerts).extracting(Alert::incidentId).containsOnly("chatgpt-20231108T1342Z");
        assertThat(alerts).extracting(Alert::version).containsExactly(1, 2, 3, 4);
        assertThat(alerts)
                .extracting(Alert::type)
                .containsExactly(
                        AlertType.OUTAGE_STARTED,
                        AlertType.OUTAGE_UPDATED,
                        AlertType.OUTAGE_UPDATED,
                        AlertType.OUTAGE_RECOVERED);
    }

    @Test
    void periodicUpdatesCarryTheEstimateConditionalOnElapsedTime() {
        IncidentTracker tracker = new IncidentTracker("chatgpt", IncidentPolicy.defaults());

        List<Alert> alerts = run(tracker, "HHPP" + "P".repeat(30));

        assertThat(alerts)
                .extracting(Alert::type)
                .containsExactly(
                        AlertType.OUTAGE_STARTED,
                        AlertType.OUTAGE_UPDATED,
                        AlertType.OUTAGE_UPDATED);
        Alert started = alerts.get(0);
        assertThat(started.estimatedDurationSeconds()).isEqualTo(7_200);
        assertThat(started.estimatedDurationLowSeconds()).isEqualTo(3_600);
        assertThat(started.estimatedDurationHighSeconds()).isEqualTo(14_400);
        assertThat(started.estimatedRemainingSeconds())
                .isEqualTo(Duration.ofMinutes(118).toSeconds());
        assertThat(started.estimatedRemainingLowSeconds())
                .isEqualTo(Duration.ofMinutes(58).toSeconds());
        assertThat(started.estimatedRemainingHighSeconds())
                .isEqualTo(Duration.ofMinutes(238).toSeconds());
        assertThat(started.estimateBasis()).isEqualTo("a test's two hours");
        // The first update comes 15 minutes after detection, 17 minutes into the incident.
        assertThat(alerts.get(1).estimatedRemainingSeconds())
                .isEqualTo(Duration.ofMinutes(103).toSeconds());
        assertThat(tracker.isIncidentOpen()).isTrue();
    }

    @Test
    void recoveryCarriesDurationAndLeadOverTheOfficialAcknowledgement() {
        IncidentTracker tracker = new IncidentTracker("chatgpt", IncidentPolicy.defaults());
        List<Alert> alerts = new ArrayList<>(run(tracker, "HHPPPPPP"));
        StatusUpdate ack =
                new StatusUpdate(
                        "chatgpt",
                        T0.plus(Duration.ofMinutes(7)),
                        "inc-1",
                        StatusUpdate.Status.INVESTIGATING,
                        StatusUpdate.Impact.MAJOR,
                        "Elevated errors",
                        "https://status.openai.com/incidents/inc-1");
        tracker.onStatusUpdate(ack);
        String rest = "PP" + "H".repeat(10);
        for (int i = 0; i < rest.length(); i++) {
            alerts.addAll(tracker.onMinute(minute(8 + i, rest.charAt(i)), TWO_HOURS));
        }

        Alert recovered = alerts.get(alerts.size() - 1);
        assertThat(recovered.type()).isEqualTo(AlertType.OUTAGE_RECOVERED);
        assertThat(recovered.recoveredAt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
        assertThat(recovered.durationSeconds()).isEqualTo(Duration.ofMinutes(8).toSeconds());
        assertThat(recovered.officialStatus()).isEqualTo(ack);
        assertThat(recovered.leadSecondsOverAck()).isEqualTo(Duration.ofMinutes(3).toSeconds());
        assertThat(tracker.isIdle()).isTrue();
    }

    @Test
    void anAcknowledgementBeforeDetectionGivesANegativeLead() {
        IncidentTracker tracker = new IncidentTracker("chatgpt", IncidentPolicy.defaults());
        tracker.onStatusUpdate(
                new StatusUpdate(
                        "chatgpt",
                        T0.plus(Duration.ofMinutes(1)),
                        "inc-2",
                        StatusUpdate.Status.IDENTIFIED,
                        null,
                        null,
                        null));

        List<Alert> alerts = run(tracker, "HHPPH" + "H".repeat(10));

        assertThat(alerts.get(0).officialStatus()).isNotNull();
        assertThat(alerts.get(1).leadSecondsOverAck())
                .isEqualTo(-Duration.ofMinutes(3).toSeconds());
    }

    @Test
    void anOfficialUpdateLongBeforeTheOutageIsNotAttached() {
        IncidentTracker tracker = new IncidentTracker("chatgpt", IncidentPolicy.defaults());
        tracker.onStatusUpdate(
                new StatusUpdate(
                        "chatgpt",
                        T0.minus(Duration.ofHours(3)),
                        "old",
                        StatusUpdate.Status.INVESTIGATING,
                        null,
                        null,
                        null));

        List<Alert> alerts = run(tracker, "HHPPH" + "H".repeat(10));

        assertThat(alerts).extracting(Alert::officialStatus).containsOnlyNulls();
        assertThat(alerts.get(1).leadSecondsOverAck()).isNull();
        assertThat(tracker.isIdle()).isTrue();
    }

    @Test
    void regionsOfAPartialOutageAreListed() {
        IncidentTracker tracker = new IncidentTracker("github", IncidentPolicy.defaults());

        List<Alert> alerts = run(tracker, "HHGGG");

        assertThat(alerts)
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.severity()).isEqualTo(Severity.PARTIAL);
                            assertThat(a.regions()).containsExactly("eu");
                        });
    }

    @Test
    void aMaterialChangeOfTheEstimateIsSentAtOnce() {
        IncidentTracker tracker = new IncidentTracker("chatgpt", IncidentPolicy.defaults());
        // Two hours until ten minutes in, then three: half as long again, more than a quarter.
        DurationForecaster growing =
                incident ->
                        incident.elapsed().compareTo(Duration.ofMinutes(10)) < 0
                                ? twoHours(incident.elapsed())
                                : threeHours(incident.elapsed());
        List<Alert> alerts = new ArrayList<>();
        String minutes = "HHPP" + "P".repeat(12);
        for (int i = 0; i < minutes.length(); i++) {
            alerts.addAll(tracker.onMinute(minute(i, minutes.charAt(i)), growing));
        }

        assertThat(alerts)
                .extracting(Alert::type)
                .containsExactly(AlertType.OUTAGE_STARTED, AlertType.OUTAGE_UPDATED);
        // Sent in the minute ending ten minutes after the onset; the incident keeps its detection.
        assertThat(alerts.get(1).detectedAt()).isEqualTo(T0.plus(Duration.ofMinutes(4)));
        assertThat(alerts.get(1).estimatedDurationSeconds()).isEqualTo(10_800);
        assertThat(elapsedMinutesOfThreeHours(alerts.get(1))).isEqualTo(10);
    }

    @Test
    void aSmallChangeOfTheEstimateWaitsForTheSchedule() {
        IncidentTracker tracker = new IncidentTracker("chatgpt", IncidentPolicy.defaults());
        // Two hours and ten minutes from ten minutes in: under a tenth more.
        DurationForecaster drifting =
                incident -> {
                    DurationForecast two = twoHours(incident.elapsed());
                    if (incident.elapsed().compareTo(Duration.ofMinutes(10)) < 0) {
                        return two;
                    }
                    Duration extra = Duration.ofMinutes(10);
                    return new DurationForecast(
                            new DurationEstimate(
                                    two.total().median().plus(extra),
                                    two.total().low(),
                                    two.total().high()),
                            two.remaining(),
                            two.basis());
                };
        List<Alert> alerts = new ArrayList<>();
        String minutes = "HHPP" + "P".repeat(12);
        for (int i = 0; i < minutes.length(); i++) {
            alerts.addAll(tracker.onMinute(minute(i, minutes.charAt(i)), drifting));
        }

        assertThat(alerts).extracting(Alert::type).containsExactly(AlertType.OUTAGE_STARTED);
    }

    @Test
    void anOfficialPhaseChangeIsSentAtOnceAndReachesTheEstimate() {
        IncidentTracker tracker = new IncidentTracker("chatgpt", IncidentPolicy.defaults());
        List<IncidentContext> seen = new ArrayList<>();
        DurationForecaster recording =
                incident -> {
                    seen.add(incident);
                    return twoHours(incident.elapsed());
                };
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            alerts.addAll(tracker.onMinute(minute(i, i < 2 ? 'H' : 'P'), recording));
        }
        tracker.onStatusUpdate(ACKNOWLEDGEMENT);
        Instant identified = T0.plus(Duration.ofMinutes(6)).plusSeconds(20);
        tracker.onStatusUpdate(
                new StatusUpdate(
                        "chatgpt",
                        identified,
                        "inc-0",
                        StatusUpdate.Status.IDENTIFIED,
                        StatusUpdate.Impact.MINOR,
                        "Elevated errors",
                        null));
        alerts.addAll(tracker.onMinute(minute(6, 'P'), recording));

        assertThat(alerts)
                .extracting(Alert::type)
                .containsExactly(AlertType.OUTAGE_STARTED, AlertType.OUTAGE_UPDATED);
        IncidentContext latest = seen.get(seen.size() - 1);
        assertThat(latest.officialPostAt()).isEqualTo(ACKNOWLEDGEMENT.timestamp());
        assertThat(latest.identifiedAt()).isEqualTo(identified);
        assertThat(latest.statusTitle()).isEqualTo("Elevated errors");
        // The detector's MAJOR, whatever impact the status page declared.
        assertThat(latest.impact()).isEqualTo(ImpactLevel.CRITICAL);
        assertThat(latest.leadingSignal()).isEqualTo(LeadingSignal.PROBES);
        assertThat(latest.onset()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
        // The same phase a minute later is no news.
        assertThat(tracker.onMinute(minute(7, 'P'), recording)).isEmpty();
    }

    /**
     * A minute whose complaints, pooled with the minutes before it, are anomalous since minute
     * {@code sinceIndex}, though no minute alone is.
     */
    private static MinuteAssessment pooledMinute(int index, ProbeSignal probe, int sinceIndex) {
        Instant start = T0.plus(MINUTE.multipliedBy(index));
        Evidence evidence = new Evidence(null, null, List.of(), List.of(), 2.0, 0.06, 7.0);
        return new MinuteAssessment(
                start,
                start.plus(MINUTE),
                probe,
                List.of(),
                false,
                true,
                evidence,
                false,
                0,
                0,
                T0.plus(MINUTE.multipliedBy(sinceIndex)));
    }

    @Test
    void pooledComplaintsConfirmAnUnprobedServiceInTwoMinutesBackdatedToTheirExcess() {
        IncidentTracker tracker = new IncidentTracker("bluesky-app", IncidentPolicy.defaults());
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            alerts.addAll(tracker.onMinute(minute(i, '.'), TWO_HOURS));
        }
        alerts.addAll(tracker.onMinute(pooledMinute(6, ProbeSignal.NO_DATA, 2), TWO_HOURS));
        assertThat(alerts).isEmpty();
        assertThat(tracker.phase()).isEqualTo(IncidentPhase.SUSPECTED);

        alerts.addAll(tracker.onMinute(pooledMinute(7, ProbeSignal.NO_DATA, 3), TWO_HOURS));

        assertThat(describe(alerts)).isEqualTo("OUTAGE_STARTED@2/8 MAJOR");
        assertThat(alerts.get(0).incidentId()).isEqualTo("bluesky-app-20231108T1342Z");
    }

    @Test
    void aPooledOnsetBeforeTheFirstAnomalousMinuteMovesTheStartBack() {
        IncidentTracker tracker = new IncidentTracker("bluesky-app", IncidentPolicy.defaults());
        List<Alert> alerts = new ArrayList<>();
        alerts.addAll(tracker.onMinute(minute(5, 'R'), TWO_HOURS));
        alerts.addAll(tracker.onMinute(pooledMinute(6, ProbeSignal.NO_DATA, 1), TWO_HOURS));

        assertThat(describe(alerts)).isEqualTo("OUTAGE_STARTED@1/7 MAJOR");
    }

    @Test
    void pooledComplaintsAgainstHealthyProbesNeedFourMinutes() {
        IncidentTracker tracker = new IncidentTracker("chatgpt", IncidentPolicy.defaults());
        List<Alert> alerts = new ArrayList<>();
        for (int i = 4; i < 7; i++) {
            alerts.addAll(tracker.onMinute(pooledMinute(i, ProbeSignal.HEALTHY, 2), TWO_HOURS));
        }
        assertThat(alerts).isEmpty();

        alerts.addAll(tracker.onMinute(pooledMinute(7, ProbeSignal.HEALTHY, 2), TWO_HOURS));

        assertThat(describe(alerts)).isEqualTo("OUTAGE_STARTED@2/8 PARTIAL");
    }

    @Test
    void pooledComplaintsAreNoEvidenceInTheAfterglowOfAProbeLedRecovery() {
        IncidentTracker tracker = new IncidentTracker("chatgpt", IncidentPolicy.defaults());
        List<Alert> alerts = run(tracker, "HHPPPPHHHHHHHHHHHH");
        assertThat(alerts).extracting(Alert::type).contains(AlertType.OUTAGE_RECOVERED);
        int size = alerts.size();

        for (int i = 18; i < 24; i++) {
            alerts.addAll(tracker.onMinute(pooledMinute(i, ProbeSignal.HEALTHY, 15), TWO_HOURS));
        }

        assertThat(alerts).hasSize(size);
        assertThat(tracker.phase()).isEqualTo(IncidentPhase.NORMAL);
    }

    /** A minute of a service without probes with {@code complaints} against a baseline of one. */
    private static MinuteAssessment complaintMinute(int index, double complaints) {
        Instant start = T0.plus(MINUTE.multipliedBy(index));
        Evidence evidence = new Evidence(null, null, List.of(), List.of(), complaints, 1.0, 0.0);
        return new MinuteAssessment(
                start,
                start.plus(MINUTE),
                ProbeSignal.NO_DATA,
                List.of(),
                complaints >= 8,
                complaints >= 3,
                evidence,
                false,
                0,
                0);
    }

    @Test
    void aComplaintLedIncidentEndsWhereComplaintsBeginTheirDecayNotWhereTheyFade() {
        IncidentTracker tracker = new IncidentTracker("bluesky-app", IncidentPolicy.defaults());
        int fixMinute = 32;
        List<Alert> alerts = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            double complaints;
            if (i < 10) {
                complaints = 1;
            } else if (i < fixMinute) {
                complaints = 21 + (i % 3) - 1;
            } else {
                complaints = 1 + 20 * Math.exp(-(i - fixMinute + 0.5) / 8.0);
            }
            alerts.addAll(tracker.onMinute(complaintMinute(i, Math.round(complaints)), TWO_HOURS));
        }

        Alert recovered =
                alerts.stream()
                        .filter(a -> a.type() == AlertType.OUTAGE_RECOVERED)
                        .findFirst()
                        .orElseThrow();
        Instant fix = T0.plus(MINUTE.multipliedBy(fixMinute));
        assertThat(recovered.startedAt()).isEqualTo(T0.plus(MINUTE.multipliedBy(10)));
        assertThat(Duration.between(fix, recovered.recoveredAt()).abs())
                .isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(recovered.durationSeconds())
                .isEqualTo(
                        Duration.between(recovered.startedAt(), recovered.recoveredAt())
                                .toSeconds());
    }

    @Test
    void aProbeLedIncidentStillEndsWhereItsProbesTurnedHealthy() {
        IncidentTracker tracker = new IncidentTracker("chatgpt", IncidentPolicy.defaults());

        List<Alert> alerts = run(tracker, "HHBPPPPPP" + "r".repeat(30));

        assertThat(describe(alerts))
                .isEqualTo("OUTAGE_STARTED@2/3 MAJOR, OUTAGE_RECOVERED@2/3 MAJOR rec9");
    }

    @Test
    void anEndedIncidentIsLearnedWithItsResolutionTime() {
        IncidentTracker tracker = new IncidentTracker("chatgpt", IncidentPolicy.defaults());
        List<IncidentContext> learned = new ArrayList<>();
        List<Instant> resolvedAt = new ArrayList<>();
        DurationForecaster learning =
                new DurationForecaster() {
                    @Override
                    public DurationForecast forecast(IncidentContext incident) {
                        return twoHours(incident.elapsed());
                    }

                    @Override
                    public void resolved(IncidentContext incident, Instant at) {
                        learned.add(incident);
                        resolvedAt.add(at);
                    }
                };
        String minutes = "HHPPPP" + "H".repeat(11);
        for (int i = 0; i < minutes.length(); i++) {
            tracker.onMinute(minute(i, minutes.charAt(i)), learning);
        }

        assertThat(resolvedAt).containsExactly(T0.plus(Duration.ofMinutes(6)));
        assertThat(learned.get(0).onset()).isEqualTo(T0.plus(Duration.ofMinutes(2)));
        assertThat(learned.get(0).now()).isEqualTo(resolvedAt.get(0));
        assertThat(learned.get(0).impact()).isEqualTo(ImpactLevel.CRITICAL);
    }

    private static DurationForecast threeHours(Duration elapsed) {
        DurationEstimate total =
                new DurationEstimate(Duration.ofHours(3), Duration.ofHours(1), Duration.ofHours(6));
        return new DurationForecast(
                total,
                new DurationEstimate(
                        total.median().minus(elapsed),
                        total.low().minus(elapsed),
                        total.high().minus(elapsed)),
                "a test's three hours");
    }

    private static long elapsedMinutesOfThreeHours(Alert alert) {
        return Duration.ofHours(3).minusSeconds(alert.estimatedRemainingSeconds()).toMinutes();
    }
}
