package io.outagewatch.sink.history;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.Evidence;
import io.outagewatch.events.Severity;
import io.outagewatch.events.StatusUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Alerts of one outage as the detector sends them: started, updated with the ack, recovered. */
final class TestAlerts {

    static final String INCIDENT = "chatgpt-20231108-1342";
    static final String SERVICE = "chatgpt";
    static final Instant STARTED = Instant.parse("2023-11-08T13:42:00Z");
    static final Instant DETECTED = Instant.parse("2023-11-08T13:43:30.123456Z");
    static final Instant ACKNOWLEDGED = Instant.parse("2023-11-08T14:30:00Z");
    static final Instant RECOVERED = Instant.parse("2023-11-08T15:17:00Z");
    static final long LEAD_SECONDS = Duration.between(DETECTED, ACKNOWLEDGED).toSeconds();
    static final long DURATION_SECONDS = Duration.between(STARTED, RECOVERED).toSeconds();
    static final long FIRST_ESTIMATE_SECONDS = Duration.ofMinutes(90).toSeconds();
    static final long UPDATED_ESTIMATE_SECONDS = Duration.ofHours(2).toSeconds();

    private static final Evidence EVIDENCE =
            new Evidence(0.92, 0.01, List.of("fra-1"), List.of("iad-1"), 140.0, 3.0, 9.5);

    private TestAlerts() {}

    static Alert started(String incidentId, String service, Instant startedAt) {
        return new Alert(
                incidentId,
                AlertType.OUTAGE_STARTED,
                service,
                Severity.PARTIAL,
                List.of("eu-west"),
                startedAt,
                startedAt.plus(Duration.between(STARTED, DETECTED)),
                null,
                null,
                FIRST_ESTIMATE_SECONDS,
                FIRST_ESTIMATE_SECONDS / 2,
                FIRST_ESTIMATE_SECONDS * 2,
                EVIDENCE,
                null,
                null,
                1);
    }

    static Alert updated(String incidentId, String service, Instant startedAt) {
        Alert started = started(incidentId, service, startedAt);
        return new Alert(
                incidentId,
                AlertType.OUTAGE_UPDATED,
                service,
                Severity.MAJOR,
                List.of("eu-west", "us-east"),
                startedAt,
                started.detectedAt(),
                null,
                null,
                UPDATED_ESTIMATE_SECONDS,
                UPDATED_ESTIMATE_SECONDS / 2,
                UPDATED_ESTIMATE_SECONDS * 2,
                EVIDENCE,
                status(service, startedAt.plus(Duration.between(STARTED, ACKNOWLEDGED))),
                LEAD_SECONDS,
                2);
    }

    /** Recovered after {@code durationSeconds}; the lead is the updated alert's. */
    static Alert recovered(
            String incidentId, String service, Instant startedAt, long durationSeconds) {
        Alert updated = updated(incidentId, service, startedAt);
        return new Alert(
                incidentId,
                AlertType.OUTAGE_RECOVERED,
                service,
                Severity.MAJOR,
                updated.regions(),
                startedAt,
                updated.detectedAt(),
                startedAt.plusSeconds(durationSeconds),
                durationSeconds,
                null,
                null,
                null,
                EVIDENCE,
                updated.officialStatus(),
                LEAD_SECONDS,
                3);
    }

    static Alert started() {
        return started(INCIDENT, SERVICE, STARTED);
    }

    static Alert updated() {
        return updated(INCIDENT, SERVICE, STARTED);
    }

    static Alert recovered() {
        return recovered(INCIDENT, SERVICE, STARTED, DURATION_SECONDS);
    }

    static StatusUpdate status(String service, Instant at) {
        return new StatusUpdate(
                service,
                at,
                "status-page-incident-1",
                StatusUpdate.Status.INVESTIGATING,
                StatusUpdate.Impact.MAJOR,
                "Elevated error rates",
                "https://status.example.com/incidents/1");
    }

    /** The row started, updated and recovered leave, in any order. */
    static Incident recoveredIncident() {
        return new Incident(
                INCIDENT,
                SERVICE,
                Severity.MAJOR,
                List.of("eu-west", "us-east"),
                STARTED,
                DETECTED,
                RECOVERED,
                DURATION_SECONDS,
                FIRST_ESTIMATE_SECONDS,
                1,
                ACKNOWLEDGED,
                LEAD_SECONDS,
                AlertType.OUTAGE_RECOVERED,
                3);
    }
}
