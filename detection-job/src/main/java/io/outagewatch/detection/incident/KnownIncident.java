package io.outagewatch.detection.incident;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.RelatedIncident;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An incident as the linking of related outages sees it: where and when it failed. A Flink POJO, as
 * kept in state.
 *
 * @param incidentId the incident's id
 * @param service its service
 * @param regions its affected regions, as its latest alert named them; empty means all regions (a
 *     MAJOR outage, or one seen only through complaints, whose place is unknown)
 * @param startedAt when it began
 * @param recoveredAt when it ended; null while it is open
 */
public record KnownIncident(
        String incidentId,
        String service,
        List<String> regions,
        Instant startedAt,
        Instant recoveredAt) {

    public KnownIncident {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(service, "service");
        regions = regions == null ? List.of() : List.copyOf(regions);
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** The incident as {@code alert} describes it. */
    public static KnownIncident of(Alert alert) {
        return new KnownIncident(
                alert.incidentId(),
                alert.service(),
                alert.regions(),
                alert.startedAt(),
                alert.type() == AlertType.OUTAGE_RECOVERED ? alert.recoveredAt() : null);
    }

    public boolean isOpen() {
        return recoveredAt == null;
    }

    /**
     * Another service's incident that failed in a region this one failed in, at a time this one was
     * failing too: probably the same cause. Spans are half-open, {@code [startedAt, recoveredAt)},
     * and an open incident's span has no end.
     */
    public boolean isRelatedTo(KnownIncident other) {
        return !service.equals(other.service) && sharesRegionWith(other) && overlapsInTime(other);
    }

    /** An incident without regions failed everywhere as far as anyone knows, so it shares all. */
    boolean sharesRegionWith(KnownIncident other) {
        if (regions.isEmpty() || other.regions.isEmpty()) {
            return true;
        }
        for (String region : regions) {
            if (other.regions.contains(region)) {
                return true;
            }
        }
        return false;
    }

    boolean overlapsInTime(KnownIncident other) {
        return other.startedAt.isBefore(endOrNever()) && startedAt.isBefore(other.endOrNever());
    }

    /** The wire form an alert names it in. */
    public RelatedIncident asRelated() {
        return new RelatedIncident(incidentId, service, regions, startedAt);
    }

    private Instant endOrNever() {
        return recoveredAt == null ? Instant.MAX : recoveredAt;
    }
}
