package io.outagewatch.sink.pipeline;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.Evidence;
import io.outagewatch.events.Severity;
import java.time.Instant;
import java.util.List;

/** Alerts for tests, around named instants. */
final class TestAlerts {

    static final Instant STARTED = Instant.parse("2023-11-08T13:42:00Z");
    static final Instant DETECTED = Instant.parse("2023-11-08T13:44:00Z");
    static final Instant RECOVERED = Instant.parse("2023-11-08T15:12:00Z");
    static final Instant NOW = Instant.parse("2023-11-08T16:00:00Z");

    private static final long ESTIMATE_SECONDS = 3600;
    private static final Evidence EVIDENCE =
            new Evidence(0.9, 0.01, List.of("eu-west"), List.of("us-east"), 12.0, 0.5, 7.5);

    private TestAlerts() {}

    /** Version 1 starts the incident, later versions update it; MAJOR. */
    static Alert alert(String incidentId, String service, int version) {
        return alert(
                incidentId,
                service,
                Severity.MAJOR,
                version == 1 ? AlertType.OUTAGE_STARTED : AlertType.OUTAGE_UPDATED,
                version);
    }

    static Alert alert(
            String incidentId, String service, Severity severity, AlertType type, int version) {
        boolean recovered = type == AlertType.OUTAGE_RECOVERED;
        return new Alert(
                incidentId,
                type,
                service,
                severity,
                List.of(),
                STARTED,
                DETECTED,
                recovered ? RECOVERED : null,
                recovered ? RECOVERED.getEpochSecond() - STARTED.getEpochSecond() : null,
                ESTIMATE_SECONDS,
                ESTIMATE_SECONDS / 2,
                ESTIMATE_SECONDS * 2,
                EVIDENCE,
                null,
                null,
                version);
    }
}
