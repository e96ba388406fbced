package io.outagewatch.sink.history;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.Severity;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the outage history: an incident as its alerts so far describe it.
 *
 * <p>Instants are kept to the microsecond, the precision both databases store.
 *
 * @param incidentId the detector's id for the incident
 * @param service the affected service's catalog id
 * @param severity the severity of the newest alert
 * @param regions affected regions of the newest alert; empty means all regions
 * @param startedAt when the outage began, from the newest alert
 * @param detectedAt when the detector decided it was an outage, from the newest alert
 * @param recoveredAt when the service recovered; absent while the outage is open
 * @param durationSeconds the outage's length; absent while the outage is open
 * @param firstEstimateSeconds the duration estimate of the first alert (the lowest version seen)
 * @param firstVersion the lowest alert version seen, normally 1
 * @param officialAckAt the earliest official status-page update seen for the incident
 * @param leadSecondsOverAck how much earlier than the official acknowledgement the detector fired,
 *     from the newest alert that knew it; negative when it fired later
 * @param latestType the type of the newest alert
 * @param latestVersion the newest alert version seen
 * @param silencedBy the id of the silence that held back the first of its alerts that was silenced;
 *     absent when none was
 */
public record Incident(
        String incidentId,
        String service,
        Severity severity,
        List<String> regions,
        Instant startedAt,
        Instant detectedAt,
        Instant recoveredAt,
        Long durationSeconds,
        Long firstEstimateSeconds,
        int firstVersion,
        Instant officialAckAt,
        Long leadSecondsOverAck,
        AlertType latestType,
        int latestVersion,
        String silencedBy) {

    /** An incident none of whose alerts was silenced. */
    public Incident(
            String incidentId,
            String service,
            Severity severity,
            List<String> regions,
            Instant startedAt,
            Instant detectedAt,
            Instant recoveredAt,
            Long durationSeconds,
            Long firstEstimateSeconds,
            int firstVersion,
            Instant officialAckAt,
            Long leadSecondsOverAck,
            AlertType latestType,
            int latestVersion) {
        this(
                incidentId,
                service,
                severity,
                regions,
                startedAt,
                detectedAt,
                recoveredAt,
                durationSeconds,
                firstEstimateSeconds,
                firstVersion,
                officialAckAt,
                leadSecondsOverAck,
                latestType,
                latestVersion,
                null);
    }

    public Incident {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(severity, "severity");
        regions = List.copyOf(regions);
        startedAt = stored(Objects.requireNonNull(startedAt, "startedAt"));
        detectedAt = stored(Objects.requireNonNull(detectedAt, "detectedAt"));
        recoveredAt = stored(recoveredAt);
        officialAckAt = stored(officialAckAt);
        Objects.requireNonNull(latestType, "latestType");
    }

    /** The row a first alert creates. */
    public static Incident from(Alert alert) {
        return new Incident(
                alert.incidentId(),
                alert.service(),
                alert.severity(),
                alert.regions(),
                alert.startedAt(),
                alert.detectedAt(),
                alert.recoveredAt(),
                alert.durationSeconds(),
                alert.estimatedDurationSeconds(),
                alert.version(),
                ackOf(alert),
                alert.leadSecondsOverAck(),
                alert.type(),
                alert.version());
    }

    /**
     * This row with one more alert of the same incident folded in. A newer version replaces what
     * describes the current state; an older one arriving late never does, so the row does not
     * regress. Either can supply an earlier acknowledgement, and the lowest version owns the first
     * estimate. Folding in the same version again gives the same row.
     */
    public Incident merge(Alert alert) {
        if (!alert.incidentId().equals(incidentId)) {
            throw new IllegalArgumentException(
                    "alert of incident " + alert.incidentId() + " merged into " + incidentId);
        }
        boolean newer = alert.version() > latestVersion;
        boolean older = alert.version() < firstVersion;
        Long lead = leadSecondsOverAck;
        if (alert.leadSecondsOverAck() != null && (newer || lead == null)) {
            lead = alert.leadSecondsOverAck();
        }
        return new Incident(
                incidentId,
                service,
                newer ? alert.severity() : severity,
                newer ? alert.regions() : regions,
                newer ? alert.startedAt() : startedAt,
                newer ? alert.detectedAt() : detectedAt,
                newer ? alert.recoveredAt() : recoveredAt,
                newer ? alert.durationSeconds() : durationSeconds,
                older ? alert.estimatedDurationSeconds() : firstEstimateSeconds,
                older ? alert.version() : firstVersion,
                earliest(officialAckAt, ackOf(alert)),
                lead,
                newer ? alert.type() : latestType,
                newer ? alert.version() : latestVersion,
                silencedBy);
    }

    /** This row marked silenced by the silence, unless an earlier silence marked it already. */
    public Incident silencedBy(String silenceId) {
        if (silenceId == null || silencedBy != null) {
            return this;
        }
        return new Incident(
                incidentId,
                service,
                severity,
                regions,
                startedAt,
                detectedAt,
                recoveredAt,
                durationSeconds,
                firstEstimateSeconds,
                firstVersion,
                officialAckAt,
                leadSecondsOverAck,
                latestType,
                latestVersion,
                silenceId);
    }

    /** Whether any of its alerts was silenced. */
    public boolean silenced() {
        return silencedBy != null;
    }

    public boolean recovered() {
        return recoveredAt != null;
    }

    public Optional<Duration> duration() {
        return Optional.ofNullable(durationSeconds).map(Duration::ofSeconds);
    }

    public Optional<Duration> leadOverAck() {
        return Optional.ofNullable(leadSecondsOverAck).map(Duration::ofSeconds);
    }

    /** Microsecond precision: what PostgreSQL's timestamptz keeps, and what SQLite is given. */
    static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant ackOf(Alert alert) {
        return alert.officialStatus() == null ? null : alert.officialStatus().timestamp();
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return b.isBefore(a) ? b : a;
    }
}
