package io.outagewatch.status;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.Severity;
import io.outagewatch.sink.history.Incident;
import java.time.Instant;
import java.util.Optional;

/**
 * One incident as the page shows it: from its newest alert when the page has seen one, otherwise
 * from its row in the outage history (which keeps the first estimate but not its interval).
 *
 * @param estimate the newest estimate of the total duration and its interval; absent when unknown
 * @param officialAckAt when the status page first acknowledged it; absent until it did
 * @param version the newest alert version folded in; 0 for a history row
 */
public record IncidentView(
        String incidentId,
        String service,
        Severity severity,
        Instant startedAt,
        Instant detectedAt,
        Instant recoveredAt,
        Long durationSeconds,
        Optional<Estimate> estimate,
        Optional<Instant> officialAckAt,
        Long leadSecondsOverAck,
        int version) {

    /**
     * A duration estimate: the median total duration and its interval, with the time left from the
     * alert that gave it.
     */
    public record Estimate(
            long durationSeconds,
            long lowSeconds,
            long highSeconds,
            Long remainingSeconds,
            Long remainingLowSeconds,
            Long remainingHighSeconds,
            String basis) {}

    public boolean open() {
        return recoveredAt == null;
    }

    public static IncidentView from(Alert alert) {
        return new IncidentView(
                alert.incidentId(),
                alert.service(),
                alert.severity(),
                alert.startedAt(),
                alert.detectedAt(),
                alert.type() == AlertType.OUTAGE_RECOVERED ? alert.recoveredAt() : null,
                alert.durationSeconds(),
                estimateOf(alert),
                Optional.ofNullable(alert.officialStatus()).map(s -> s.timestamp()),
                alert.leadSecondsOverAck(),
                alert.version());
    }

    public static IncidentView from(Incident row) {
        Optional<Estimate> estimate =
                Optional.ofNullable(row.firstEstimateSeconds())
                        .map(
                                seconds ->
                                        new Estimate(
                                                seconds, seconds, seconds, null, null, null, null));
        return new IncidentView(
                row.incidentId(),
                row.service(),
                row.severity(),
                row.startedAt(),
                row.detectedAt(),
                row.recoveredAt(),
                row.durationSeconds(),
                estimate,
                Optional.ofNullable(row.officialAckAt()),
                row.leadSecondsOverAck(),
                0);
    }

    /**
     * This incident with a later alert of it folded in: a newer version replaces it, keeping an
     * earlier acknowledgement and an estimate when the newer alert (a recovery) has none; an older
     * version changes nothing.
     */
    public IncidentView merge(Alert alert) {
        if (alert.version() <= version) {
            return this;
        }
        IncidentView newer = from(alert);
        Optional<Instant> ack =
                officialAckAt.isPresent()
                                && (newer.officialAckAt.isEmpty()
                                        || officialAckAt.get().isBefore(newer.officialAckAt.get()))
                        ? officialAckAt
                        : newer.officialAckAt;
        return new IncidentView(
                newer.incidentId,
                newer.service,
                newer.severity,
                newer.startedAt,
                newer.detectedAt,
                newer.recoveredAt,
                newer.durationSeconds,
                newer.estimate.isPresent() ? newer.estimate : estimate,
                ack,
                newer.leadSecondsOverAck != null ? newer.leadSecondsOverAck : leadSecondsOverAck,
                newer.version);
    }

    private static Optional<Estimate> estimateOf(Alert alert) {
        if (alert.estimatedDurationSeconds() == null) {
            return Optional.empty();
        }
        return Optional.of(
                new Estimate(
                        alert.estimatedDurationSeconds(),
                        alert.estimatedDurationLowSeconds(),
                        alert.estimatedDurationHighSeconds(),
                        alert.estimatedRemainingSeconds(),
                        alert.estimatedRemainingLowSeconds(),
                        alert.estimatedRemainingHighSeconds(),
                        alert.estimateBasis()));
    }
}
