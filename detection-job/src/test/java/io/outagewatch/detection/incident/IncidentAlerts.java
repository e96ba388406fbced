package io.outagewatch.detection.incident;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.Evidence;
import io.outagewatch.events.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Alerts of one incident, as the detector sends them, for tests of linking. */
public record IncidentAlerts(String service, List<String> regions, Instant startedAt) {

    private static final Evidence EVIDENCE =
            new Evidence(0.9, 0.01, List.of(), List.of(), null, null, 8.0);
    private static final long ESTIMATE_SECONDS = Duration.ofHours(1).toSeconds();

    public static IncidentAlerts of(String service, List<String> regions, Instant startedAt) {
        return new IncidentAlerts(service, regions, startedAt);
    }

    public String incidentId() {
        return service + "-" + startedAt.getEpochSecond();
    }

    /** OUTAGE_STARTED for the minute ending at {@code asOf}. */
    public Alert started(Instant asOf) {
        return open(AlertType.OUTAGE_STARTED, 1, asOf);
    }

    /** OUTAGE_UPDATED, the incident's {@code version}th alert, for the minute ending at asOf. */
    public Alert updated(int version, Instant asOf) {
        return open(AlertType.OUTAGE_UPDATED, version, asOf);
    }

    /** OUTAGE_RECOVERED at {@code recoveredAt}, decided for the minute ending at {@code asOf}. */
    public Alert recovered(int version, Instant recoveredAt, Instant asOf) {
        return new Alert(
                incidentId(),
                AlertType.OUTAGE_RECOVERED,
                service,
                severity(),
                regions,
                startedAt,
                startedAt.plus(Duration.ofMinutes(2)),
                recoveredAt,
                Duration.between(startedAt, recoveredAt).toSeconds(),
                null,
                null,
                null,
                EVIDENCE,
                null,
                null,
                version,
                null,
                null,
                null,
                null,
                asOf);
    }

    /** The record timestamp the detector gives an alert: its minute's decision time. */
    public static long decidedAt(Alert alert) {
        return alert.asOf().toEpochMilli() - 1;
    }

    private Alert open(AlertType type, int version, Instant asOf) {
        return new Alert(
                incidentId(),
                type,
                service,
                severity(),
                regions,
                startedAt,
                startedAt.plus(Duration.ofMinutes(2)),
                null,
                null,
                ESTIMATE_SECONDS,
                ESTIMATE_SECONDS / 2,
                ESTIMATE_SECONDS * 2,
                EVIDENCE,
                null,
                null,
                version,
                null,
                null,
                null,
                null,
                asOf);
    }

    private Severity severity() {
        return regions.isEmpty() ? Severity.MAJOR : Severity.PARTIAL;
    }
}
