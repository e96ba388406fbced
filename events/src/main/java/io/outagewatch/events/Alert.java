package io.outagewatch.events;

import java.io.Serializable;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An outage announcement. Topic {@link Topics#OUTAGE_ALERTS}, keyed by {@link #service()} so all
 * alerts of an incident stay in order on one partition.
 *
 * @param incidentId the detector's id for the incident, shared by all its alerts
 * @param type started, updated or recovered
 * @param service the affected service's catalog id
 * @param severity how badly the service is affected
 * @param regions affected regions; empty means all regions
 * @param startedAt when the outage began (start of the first anomalous window)
 * @param detectedAt when the detector decided it was an outage
 * @param recoveredAt when the service recovered; only on {@link AlertType#OUTAGE_RECOVERED}
 * @param durationSeconds the outage's length; only on {@link AlertType#OUTAGE_RECOVERED}
 * @param estimatedDurationSeconds median estimate of the total outage length
 * @param estimatedDurationLowSeconds lower bound of the estimate
 * @param estimatedDurationHighSeconds upper bound of the estimate
 * @param evidence the measurements behind the alert
 * @param officialStatus the latest status-page update for the incident, once there is one
 * @param leadSecondsOverAck how much earlier than the official acknowledgement the detector fired;
 *     negative when it fired later
 * @param version 1 for the first alert of an incident, one more for each following alert
 * @param estimatedRemainingSeconds median estimate of the time left from the alert's minute
 * @param estimatedRemainingLowSeconds lower bound (10th percentile) of the time left
 * @param estimatedRemainingHighSeconds upper bound (90th percentile) of the time left
 * @param estimateBasis what the estimates rest on, for people: "from 41 past GitHub incidents",
 *     "typical of major outages"
 * @param asOf the event time the alert speaks for: the end of the minute whose decision sent it;
 *     what silences and maintenance windows are matched against. Absent in alerts written before it
 *     was added
 */
public record Alert(
        String incidentId,
        AlertType type,
        String service,
        Severity severity,
        List<String> regions,
        Instant startedAt,
        Instant detectedAt,
        Instant recoveredAt,
        Long durationSeconds,
        Long estimatedDurationSeconds,
        Long estimatedDurationLowSeconds,
        Long estimatedDurationHighSeconds,
        Evidence evidence,
        StatusUpdate officialStatus,
        Long leadSecondsOverAck,
        int version,
        Long estimatedRemainingSeconds,
        Long estimatedRemainingLowSeconds,
        Long estimatedRemainingHighSeconds,
        String estimateBasis,
        Instant asOf,
        List<RelatedIncident> related)
        implements Serializable {

    public static final int INCIDENT_ID_MAX_CHARS = 128;
    public static final int MAX_REGIONS = 256;
    public static final int ESTIMATE_BASIS_MAX_CHARS = 256;
    public static final int MAX_RELATED = 32;

    /** An alert without related incidents, as alerts were before they were added. */
    public Alert(
            String incidentId,
            AlertType type,
            String service,
            Severity severity,
            List<String> regions,
            Instant startedAt,
            Instant detectedAt,
            Instant recoveredAt,
            Long durationSeconds,
            Long estimatedDurationSeconds,
            Long estimatedDurationLowSeconds,
            Long estimatedDurationHighSeconds,
            Evidence evidence,
            StatusUpdate officialStatus,
            Long leadSecondsOverAck,
            int version,
            Long estimatedRemainingSeconds,
            Long estimatedRemainingLowSeconds,
            Long estimatedRemainingHighSeconds,
            String estimateBasis,
            Instant asOf) {
        this(
                incidentId,
                type,
                service,
                severity,
                regions,
                startedAt,
                detectedAt,
                recoveredAt,
                durationSeconds,
                estimatedDurationSeconds,
                estimatedDurationLowSeconds,
                estimatedDurationHighSeconds,
                evidence,
                officialStatus,
                leadSecondsOverAck,
                version,
                estimatedRemainingSeconds,
                estimatedRemainingLowSeconds,
                estimatedRemainingHighSeconds,
                estimateBasis,
                asOf,
                null);
    }

    /** An alert without an estimate of the time left, as alerts were before it was added. */
    public Alert(
            String incidentId,
            AlertType type,
            String service,
            Severity severity,
            List<String> regions,
            Instant startedAt,
            Instant detectedAt,
            Instant recoveredAt,
            Long durationSeconds,
            Long estimatedDurationSeconds,
            Long estimatedDurationLowSeconds,
            Long estimatedDurationHighSeconds,
            Evidence evidence,
            StatusUpdate officialStatus,
            Long leadSecondsOverAck,
            int version) {
        this(
                incidentId,
                type,
                service,
                severity,
                regions,
                startedAt,
                detectedAt,
                recoveredAt,
                durationSeconds,
                estimatedDurationSeconds,
                estimatedDurationLowSeconds,
                estimatedDurationHighSeconds,
                evidence,
                officialStatus,
                leadSecondsOverAck,
                version,
                null,
                null,
                null,
                null,
                null);
    }

    public Alert {
        Checks.text("incidentId", incidentId, INCIDENT_ID_MAX_CHARS);
        Checks.required("type", type);
        Checks.id("service", service);
        Checks.required("severity", severity);
        regions = Checks.idSet("regions", regions, MAX_REGIONS);
        Timestamps.requireInRange("startedAt", startedAt);
        Timestamps.requireInRange("detectedAt", detectedAt);
        requireNotBefore("detectedAt", detectedAt, startedAt);
        if (recoveredAt != null) {
            Timestamps.requireInRange("recoveredAt", recoveredAt);
            requireNotBefore("recoveredAt", recoveredAt, startedAt);
        }
        Checks.optionalNonNegative("durationSeconds", durationSeconds);
        if (type == AlertType.OUTAGE_RECOVERED) {
            requiredFor(type, "recoveredAt", recoveredAt);
            requiredFor(type, "durationSeconds", durationSeconds);
        } else {
            // The outage is still open, so its real end and length cannot be known yet; only the
            // estimates describe it.
            absentUnlessRecovered("recoveredAt", recoveredAt);
            absentUnlessRecovered("durationSeconds", durationSeconds);
            requiredFor(type, "estimatedDurationSeconds", estimatedDurationSeconds);
        }
        checkEstimates(
                "estimatedDuration",
                estimatedDurationSeconds,
                estimatedDurationLowSeconds,
                estimatedDurationHighSeconds);
        checkEstimates(
                "estimatedRemaining",
                estimatedRemainingSeconds,
                estimatedRemainingLowSeconds,
                estimatedRemainingHighSeconds);
        if (estimatedRemainingSeconds != null && estimatedDurationSeconds == null) {
            throw new InvalidEventException(
                    InvalidReason.MISSING_FIELD,
                    "estimatedDurationSeconds (required when estimatedRemainingSeconds is present)");
        }
        Checks.optionalText("estimateBasis", estimateBasis, ESTIMATE_BASIS_MAX_CHARS);
        if (asOf != null) {
            Timestamps.requireInRange("asOf", asOf);
            requireNotBefore("asOf", asOf, startedAt);
        }
        Checks.required("evidence", evidence);
        if (officialStatus != null && !officialStatus.service().equals(service)) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE,
                    "officialStatus.service "
                            + Checks.quote(officialStatus.service())
                            + " differs from service "
                            + Checks.quote(service));
        }
        if (version < 1) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE, "version must be >= 1, got " + version);
        }
        related = checkRelated(related, incidentId);
    }

    /** This alert naming {@code incidents} as related, everything else unchanged. */
    public Alert withRelated(List<RelatedIncident> incidents) {
        return new Alert(
                incidentId,
                type,
                service,
                severity,
                regions,
                startedAt,
                detectedAt,
                recoveredAt,
                durationSeconds,
                estimatedDurationSeconds,
                estimatedDurationLowSeconds,
                estimatedDurationHighSeconds,
                evidence,
                officialStatus,
                leadSecondsOverAck,
                version,
                estimatedRemainingSeconds,
                estimatedRemainingLowSeconds,
                estimatedRemainingHighSeconds,
                estimateBasis,
                asOf,
                incidents);
    }

    /** Copies the related incidents; absent means none, each incident at most once, never this. */
    private static List<RelatedIncident> checkRelated(
            List<RelatedIncident> related, String incidentId) {
        if (related == null) {
            return List.of();
        }
        if (related.size() > MAX_RELATED) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE,
                    "related has " + related.size() + " entries; the maximum is " + MAX_RELATED);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < related.size(); i++) {
            RelatedIncident incident = related.get(i);
            if (incident == null) {
                throw new InvalidEventException(
                        InvalidReason.INVALID_VALUE, "related[" + i + "] is null");
            }
            if (incident.incidentId().equals(incidentId)) {
                throw new InvalidEventException(
                        InvalidReason.INVALID_VALUE,
                        "related[" + i + "] names the alert's own incident");
            }
            if (!seen.add(incident.incidentId())) {
                throw new InvalidEventException(
                        InvalidReason.INVALID_VALUE,
                        "related["
                                + i
                                + "] "
                                + Checks.quote(incident.incidentId())
                                + " is listed twice");
            }
        }
        return List.copyOf(related);
    }

    /**
     * The three figures of an estimate ({@code <prefix>Seconds}, {@code <prefix>LowSeconds}, {@code
     * <prefix>HighSeconds}) come together: a median without its bounds cannot be paged on.
     */
    private static void checkEstimates(String prefix, Long median, Long low, Long high) {
        String medianField = prefix + "Seconds";
        String lowField = prefix + "LowSeconds";
        String highField = prefix + "HighSeconds";
        Checks.optionalNonNegative(medianField, median);
        Checks.optionalNonNegative(lowField, low);
        Checks.optionalNonNegative(highField, high);
        if (median == null && low == null && high == null) {
            return;
        }
        String present = median != null ? medianField : low != null ? lowField : highField;
        requiredWith(medianField, median, present);
        requiredWith(lowField, low, present);
        requiredWith(highField, high, present);
        if (low > median) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE,
                    lowField + " " + low + " exceeds " + medianField + " " + median);
        }
        if (median > high) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE,
                    medianField + " " + median + " exceeds " + highField + " " + high);
        }
    }

    private static void requiredFor(AlertType type, String field, Object value) {
        if (value == null) {
            throw new InvalidEventException(
                    InvalidReason.MISSING_FIELD, field + " (required when type is " + type + ")");
        }
    }

    private static void requiredWith(String field, Long value, String presentField) {
        if (value == null) {
            throw new InvalidEventException(
                    InvalidReason.MISSING_FIELD,
                    field + " (required when " + presentField + " is present)");
        }
    }

    private static void absentUnlessRecovered(String field, Object value) {
        if (value != null) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE,
                    field + " must be absent unless type is " + AlertType.OUTAGE_RECOVERED);
        }
    }

    private static void requireNotBefore(String field, Instant value, Instant startedAt) {
        if (value.isBefore(startedAt)) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE,
                    field + " " + value + " is before startedAt " + startedAt);
        }
    }
}
