package io.outagewatch.sink.notify;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.Evidence;
import io.outagewatch.events.Severity;
import io.outagewatch.events.StatusUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One incident's alerts: started, updated, recovered after 8280 s (2 h 18 min), as alerts were
 * before they carried the time left and the basis of the estimate; and the same incident's alerts
 * with them ({@link #startedWithTimeLeft}, {@link #updatedWithTimeLeft}, {@link #withTimeLeft}).
 */
public final class TestAlerts {
    public static final String INCIDENT = "chatgpt-20231108-1342";
    public static final Instant START = Instant.parse("2023-11-08T13:42:00Z");
    public static final Instant DETECTED = Instant.parse("2023-11-08T13:43:30Z");
    public static final Instant RECOVERED = Instant.parse("2023-11-08T16:00:00Z");

    private TestAlerts() {}

    public static Evidence evidence() {
        return new Evidence(
                0.92, 0.01, List.of("fra-1", "iad-2", "sin-1"), List.of("syd-1"), 47.5, 0.8, 12.25);
    }

    public static StatusUpdate status() {
        return new StatusUpdate(
                "chatgpt",
                Instant.parse("2023-11-08T14:30:00Z"),
                "yp8kx2y5ws2r",
                StatusUpdate.Status.INVESTIGATING,
                StatusUpdate.Impact.MAJOR,
                "Elevated error rates on ChatGPT & the <API>",
                "https://status.openai.com/incidents/yp8kx2y5ws2r");
    }

    public static Alert started() {
        return new Alert(
                INCIDENT,
                AlertType.OUTAGE_STARTED,
                "chatgpt",
                Severity.MAJOR,
                List.of("eu-west", "us-east"),
                START,
                DETECTED,
                null,
                null,
                5400L,
                1800L,
                10800L,
                evidence(),
                null,
                null,
                1);
    }

    public static Alert updated() {
        return new Alert(
                INCIDENT,
                AlertType.OUTAGE_UPDATED,
                "chatgpt",
                Severity.MAJOR,
                List.of("eu-west", "us-east"),
                START,
                DETECTED,
                null,
                null,
                7200L,
                3600L,
                14400L,
                evidence(),
                status(),
                2790L,
                2);
    }

    public static Alert recovered() {
        return new Alert(
                INCIDENT,
                AlertType.OUTAGE_RECOVERED,
                "chatgpt",
                Severity.MAJOR,
                List.of("eu-west", "us-east"),
                START,
                DETECTED,
                RECOVERED,
                8280L,
                7200L,
                3600L,
                14400L,
                evidence(),
                status(),
                2790L,
                3);
    }

    /**
     * Started, expected to last about 2 h 36 min (44 min to 16 h), about 1 h 50 min left (20 min to
     * 14 h), typical of major outages.
     */
    public static Alert startedWithTimeLeft() {
        Alert started = started();
        return copy(
                started,
                started.regions(),
                new long[] {9360L, 2640L, 57600L},
                6600L,
                1200L,
                50400L,
                "typical of major outages");
    }

    /**
     * Updated with the official status: now about 2 h (1 h to 4 h), about 40 min left (10 min to 2
     * h 30 min), from 41 past ChatGPT incidents, in monitoring.
     */
    public static Alert updatedWithTimeLeft() {
        return withTimeLeft(
                updated(), 2400L, 600L, 9000L, "from 41 past ChatGPT incidents, in monitoring");
    }

    /** A copy of the alert with the given time left and basis (any of them may be null). */
    public static Alert withTimeLeft(
            Alert alert, Long remaining, Long remainingLow, Long remainingHigh, String basis) {
        return copy(alert, alert.regions(), null, remaining, remainingLow, remainingHigh, basis);
    }

    /** A copy of the alert with the given regions. */
    public static Alert withRegions(Alert alert, List<String> regions) {
        return copy(
                alert,
                regions,
                null,
                alert.estimatedRemainingSeconds(),
                alert.estimatedRemainingLowSeconds(),
                alert.estimatedRemainingHighSeconds(),
                alert.estimateBasis());
    }

    /** {@code count} distinct regions of 32 or more characters each. */
    public static List<String> manyRegions(int count) {
        List<String> regions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            regions.add("region-with-a-rather-long-name-" + i);
        }
        return regions;
    }

    /** A copy with other regions, total (median, low, high; null keeps it), time left and basis. */
    private static Alert copy(
            Alert alert,
            List<String> regions,
            long[] total,
            Long remaining,
            Long remainingLow,
            Long remainingHigh,
            String basis) {
        return new Alert(
                alert.incidentId(),
                alert.type(),
                alert.service(),
                alert.severity(),
                regions,
                alert.startedAt(),
                alert.detectedAt(),
                alert.recoveredAt(),
                alert.durationSeconds(),
                total == null ? alert.estimatedDurationSeconds() : Long.valueOf(total[0]),
                total == null ? alert.estimatedDurationLowSeconds() : Long.valueOf(total[1]),
                total == null ? alert.estimatedDurationHighSeconds() : Long.valueOf(total[2]),
                alert.evidence(),
                alert.officialStatus(),
                alert.leadSecondsOverAck(),
                alert.version(),
                remaining,
                remainingLow,
                remainingHigh,
                basis,
                null);
    }

    /** Minimal: all regions, degraded, no probes, no status. */
    public static Alert minimal() {
        return new Alert(
                "svc-1",
                AlertType.OUTAGE_STARTED,
                "example",
                Severity.DEGRADED,
                List.of(),
                START,
                START,
                null,
                null,
                2700L,
                600L,
                3600L,
                new Evidence(null, null, null, null, 3.0, 0.5, 4.0),
                null,
                null,
                1);
    }
}
