package io.outagewatch.sink.notify;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.Evidence;
import io.outagewatch.events.Severity;
import io.outagewatch.events.StatusUpdate;
import java.time.Instant;
import java.util.List;

/** One incident's alerts: started, updated, recovered after 8280 s (2 h 18 min). */
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
