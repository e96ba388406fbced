package io.outagewatch.detection.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.records.ServiceSignal;
import io.outagewatch.detection.records.VantageCounts;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A slow burn through the detector: failures ramp up for 20 minutes, then the service is down. The
 * incident must start where the ramp began, not where a quorum formed.
 */
class SlowBurnHarnessTest {

    private static final Instant HISTORY_START = Instant.parse("2024-07-09T11:00:00Z");
    private static final int HISTORY_MINUTES = 180;
    private static final Instant RAMP_START =
            HISTORY_START.plus(Duration.ofMinutes(HISTORY_MINUTES));
    private static final int RAMP_MINUTES = 20;
    private static final int DOWN_MINUTES = 10;
    private static final Instant FIX =
            RAMP_START.plus(Duration.ofMinutes(RAMP_MINUTES + DOWN_MINUTES));

    /** In this order failures are added, so the first vantages to fail outright span regions. */
    private static final List<String> VANTAGES =
            List.of("ap-1", "eu-1", "us-1", "ap-2", "eu-2", "us-2");

    private static final int PROBES_PER_VANTAGE = 2;
    private static final int PROBES = PROBES_PER_VANTAGE * VANTAGES.size();

    /**
     * A minute of GitHub with {@code failures} of its 12 probes failed, spread over the vantages:
     * one each first, then a second each, so no vantage fails outright until half the probes do.
     */
    private static List<ServiceSignal> minute(Instant start, int failures) {
        TreeMap<String, VantageCounts> vantages = new TreeMap<>();
        for (int i = 0; i < VANTAGES.size(); i++) {
            String vantage = VANTAGES.get(i);
            int failed = (failures > i ? 1 : 0) + (failures > i + VANTAGES.size() ? 1 : 0);
            vantages.put(
                    vantage,
                    new VantageCounts(vantage.substring(0, 2), PROBES_PER_VANTAGE, failed, 0));
        }
        return DetectorHarness.signals(
                "github",
                start,
                vantages,
                120.0,
                PROBES - failures,
                List.of("did:plc:github-user-" + start.getEpochSecond()));
    }

    /** The ramp's expected failures in minute {@code m}: 12 probes at (m + 0.5)/20. */
    private static int rampFailures(int m) {
        return (int) Math.round(PROBES * (m + 0.5) / RAMP_MINUTES);
    }

    @Test
    void theIncidentStartsWhereTheRampBeganAndLeavesNoRunBehind() throws Exception {
        var h = DetectorHarness.opened(DetectorHarness.detector());
        for (int m = 0; m < HISTORY_MINUTES; m++) {
            DetectorHarness.decide(h, minute(HISTORY_START.plus(Duration.ofMinutes(m)), 0));
        }
        for (int m = 0; m < RAMP_MINUTES; m++) {
            DetectorHarness.decide(
                    h, minute(RAMP_START.plus(Duration.ofMinutes(m)), rampFailures(m)));
        }
        for (int m = RAMP_MINUTES; m < RAMP_MINUTES + DOWN_MINUTES; m++) {
            DetectorHarness.decide(h, minute(RAMP_START.plus(Duration.ofMinutes(m)), PROBES));
        }
        for (int m = 0; m < 15; m++) {
            DetectorHarness.decide(h, minute(FIX.plus(Duration.ofMinutes(m)), 0));
        }

        List<Alert> alerts = List.copyOf(h.extractOutputValues());
        assertThat(alerts).extracting(Alert::type).contains(AlertType.OUTAGE_STARTED);
        Alert started = alerts.get(0);
        Alert recovered = alerts.get(alerts.size() - 1);
        // Minute 0 of the ramp fails round(0.3) = 0 probes, minute 1 round(0.9) = 1: the run of
        // the CUSUM begins there and never returns to zero.
        Instant firstFailure = RAMP_START.plus(Duration.ofMinutes(1));
        assertThat(started.type()).isEqualTo(AlertType.OUTAGE_STARTED);
        assertThat(started.startedAt()).isEqualTo(firstFailure);
        assertThat(started.incidentId()).isEqualTo("github-20240709T1401Z");
        // No vantage fails outright before half the probes do (minute 9), and a quorum needs
        // three: the ramp is confirmed late in it, but while it is still ramping.
        assertThat(started.detectedAt())
                .isAfter(RAMP_START.plus(Duration.ofMinutes(10)))
                .isBeforeOrEqualTo(RAMP_START.plus(Duration.ofMinutes(RAMP_MINUTES)));
        assertThat(recovered.type()).isEqualTo(AlertType.OUTAGE_RECOVERED);
        assertThat(recovered.startedAt()).isEqualTo(firstFailure);
        assertThat(recovered.recoveredAt()).isEqualTo(FIX);
        assertThat(h.numEventTimeTimers()).isZero();
        h.close();
    }
}
