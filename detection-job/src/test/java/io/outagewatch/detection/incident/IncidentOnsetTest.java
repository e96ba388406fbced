package io.outagewatch.detection.incident;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.StateSerialization;
import io.outagewatch.detection.duration.DurationEstimate;
import io.outagewatch.detection.estimate.DurationForecast;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.Evidence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where the tracker places an incident's onset when its probes' failures rose before it. */
class IncidentOnsetTest {

    private static final Instant T0 = Instant.parse("2024-07-09T13:50:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final int PROBES = 12;
    private static final double BASELINE = 0.002;

    private static final DurationForecaster ONE_HOUR =
            incident -> {
                DurationEstimate total =
                        new DurationEstimate(
                                Duration.ofHours(1), Duration.ofMinutes(30), Duration.ofHours(2));
                return new DurationForecast(total, total, "a test's hour");
            };

    /**
     * A minute of 12 probes, {@code failures} of them failed, against a baseline of 0.2 %: below a
     * quorum ({@code H} healthy, {@code N} noise) or a probe outage ({@code P}); {@code r} is
     * healthy probes with anomalous complaints.
     */
    private static MinuteAssessment minute(int index, char code, int failures) {
        Instant start = T0.plus(MINUTE.multipliedBy(index));
        ProbeSignal probe =
                switch (code) {
                    case 'H', 'r' -> ProbeSignal.HEALTHY;
                    case 'N' -> ProbeSignal.NOISE;
                    case 'P' -> ProbeSignal.OUTAGE;
                    default -> throw new IllegalArgumentException("unknown minute code " + code);
                };
        Evidence evidence =
                new Evidence(
                        failures / (double) PROBES,
                        BASELINE,
                        List.of(),
                        List.of(),
                        code == 'r' ? 12.0 : 1.0,
                        1.0,
                        0);
        return new MinuteAssessment(
                start,
                start.plus(MINUTE),
                probe,
                List.of(),
                code == 'r',
                code == 'r',
                evidence,
                false,
                PROBES,
                failures);
    }

    /** Minutes as "code:failures" separated by spaces, from T0. */
    private static List<Alert> run(IncidentTracker tracker, String minutes) {
        List<Alert> alerts = new ArrayList<>();
        String[] parts = minutes.split(" ");
        for (int i = 0; i < parts.length; i++) {
            char code = parts[i].charAt(0);
            int failures = Integer.parseInt(parts[i].substring(2));
            alerts.addAll(tracker.onMinute(minute(i, code, failures), ONE_HOUR));
        }
        return alerts;
    }

    private static IncidentTracker tracker() {
        return new IncidentTracker("github", IncidentPolicy.defaults());
    }

    /**
     * Minutes from T0 to the onset and to the detection of the incident the minutes open. Every
     * case confirms on two probe-outage minutes; what differs is what came before.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "'sudden outage after quiet minutes'," + " 'H:0 H:0 H:0 H:0 P:11 P:12', 4, 6",
        "'a lone failure three minutes before does not move it',"
                + " 'H:0 H:1 H:0 H:0 P:11 P:12', 4, 6",
        "'failures ramping up for six minutes: back to where they began',"
                + " 'H:0 H:0 H:1 N:2 N:2 N:3 N:4 N:5 P:7 P:8', 2, 10",
        "'a healthy minute inside the ramp: back to where they began again',"
                + " 'H:1 H:0 H:0 H:2 N:2 N:3 P:6 P:8', 3, 8",
        "'a quorum that came and went during the ramp: back to the ramp',"
                + " 'H:0 H:1 N:2 P:4 N:3 N:5 P:6 P:8', 1, 8",
        "'rising since minute 1, first anomalous at 34: never further back than 30 minutes',"
                + " 'H:0 H:2 N:2 N:2 N:2 N:2 N:2 N:2 N:2 N:2 N:2 N:2 N:2 N:2 N:2 N:2 N:2 N:2 N:2"
                + " N:2 N:2 N:2 N:2 N:2 N:2 N:2 N:2 N:2 N:2 N:2 N:2 N:2 N:2 N:2 P:9 P:10', 4, 36",
    })
    void theOnsetIsWhereTheFailuresBeganToRise(
            String label, String minutes, int onsetMinute, int detectedMinute) {
        List<Alert> alerts = run(tracker(), minutes);

        assertThat(alerts).extracting(Alert::type).containsExactly(AlertType.OUTAGE_STARTED);
        Alert started = alerts.get(0);
        assertThat(started.startedAt()).isEqualTo(T0.plus(MINUTE.multipliedBy(onsetMinute)));
        assertThat(started.detectedAt()).isEqualTo(T0.plus(MINUTE.multipliedBy(detectedMinute)));
        assertThat(started.incidentId())
                .isEqualTo(
                        "github-20240709T"
                                + String.format(
                                        "%04d", 1350 + onsetMinute + 40 * (onsetMinute / 10))
                                + "Z");
    }

    /**
     * The known cost of the rule: a lone failure in the minute just before a sudden outage has not
     * yet been cancelled by a healthy minute, so the onset moves back that one minute.
     */
    @Test
    void aLoneFailureInTheMinuteBeforeASuddenOutageMovesItBackOneMinute() {
        List<Alert> alerts = run(tracker(), "H:0 H:0 H:0 H:1 P:11 P:12");

        assertThat(alerts.get(0).startedAt()).isEqualTo(T0.plus(MINUTE.multipliedBy(3)));
    }

    @Test
    void complaintsConfirmingAgainstHealthyProbesKeepTheirOwnOnset() {
        List<Alert> alerts = run(tracker(), "H:0 H:0 r:0 r:0 r:0 r:0");

        assertThat(alerts).extracting(Alert::type).containsExactly(AlertType.OUTAGE_STARTED);
        assertThat(alerts.get(0).startedAt()).isEqualTo(T0.plus(MINUTE.multipliedBy(2)));
    }

    @Test
    void theRiseIsKeptOnlyWhileItLastsAndSurvivesASavepoint() {
        IncidentTracker tracker = tracker();
        run(tracker, "H:0 H:0 H:2 N:3");

        IncidentState rising = tracker.state();
        assertThat(tracker.isIdle()).isFalse();
        assertThat(rising.failureRise().since()).isEqualTo(T0.plus(MINUTE.multipliedBy(2)));
        assertThat(StateSerialization.copy(rising, IncidentState.class)).isEqualTo(rising);

        IncidentTracker restored =
                new IncidentTracker(
                        "github",
                        IncidentPolicy.defaults(),
                        StateSerialization.copy(rising, IncidentState.class));
        List<Alert> alerts = new ArrayList<>();
        alerts.addAll(restored.onMinute(minute(4, 'P', 8), ONE_HOUR));
        alerts.addAll(restored.onMinute(minute(5, 'P', 10), ONE_HOUR));
        assertThat(alerts.get(0).startedAt()).isEqualTo(T0.plus(MINUTE.multipliedBy(2)));
        // The incident consumed the rise.
        assertThat(restored.state().failureRise()).isNull();

        // Two failures of 12 outweigh two healthy minutes; the third ends the run.
        IncidentTracker calming = tracker();
        run(calming, "H:0 H:2 H:0 H:0");
        assertThat(calming.isIdle()).isFalse();
        calming.onMinute(minute(4, 'H', 0), ONE_HOUR);
        assertThat(calming.isIdle()).isTrue();
        assertThat(calming.state()).isEqualTo(IncidentState.EMPTY);
    }
}
