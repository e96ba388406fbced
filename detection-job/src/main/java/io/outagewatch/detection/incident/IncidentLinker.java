package io.outagewatch.detection.incident;

import io.outagewatch.events.Alert;
import io.outagewatch.events.RelatedIncident;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Links outages that probably share a cause: given the alerts of every service in decision order,
 * names in each alert the other services' incidents that overlap it in time and region ({@link
 * KnownIncident#isRelatedTo}). The incidents stay separate; only their alerts name each other.
 *
 * <p>It remembers each incident from its first alert until {@link #RECOVERED_KEPT_FOR} after its
 * recovery, so the recovery alert of the last service to recover still names the ones that
 * recovered a little earlier. At most {@code capacity} incidents are remembered: past that the
 * recovered ones go first, then the oldest. Plain Java, no Flink types; the same alerts in the same
 * order give the same result.
 */
public final class IncidentLinker {

    /** Far more than ever fail at once; bounds the state if recoveries were lost. */
    public static final int DEFAULT_CAPACITY = 1024;

    /** How long a recovered incident can still be named by overlapping incidents' alerts. */
    public static final Duration RECOVERED_KEPT_FOR = Duration.ofMinutes(30);

    /**
     * The order alerts are linked in, among alerts decided at the same event time: by the minute
     * they speak for, service, type, version and incident, so it never depends on arrival.
     */
    public static final Comparator<Alert> DECISION_ORDER =
            Comparator.comparing(IncidentLinker::speaksFor)
                    .thenComparing(Alert::service)
                    .thenComparing(Alert::type)
                    .thenComparingInt(Alert::version)
                    .thenComparing(Alert::incidentId);

    /** Which incident to forget first when over capacity: recovered ones, then the oldest. */
    private static final Comparator<KnownIncident> EVICTION_ORDER =
            Comparator.comparing(KnownIncident::isOpen)
                    .thenComparing(KnownIncident::startedAt)
                    .thenComparing(KnownIncident::incidentId);

    /** How related incidents are listed: the earliest first. */
    private static final Comparator<KnownIncident> LISTING_ORDER =
            Comparator.comparing(KnownIncident::startedAt)
                    .thenComparing(KnownIncident::service)
                    .thenComparing(KnownIncident::incidentId);

    private final int capacity;
    private final Map<String, KnownIncident> known = new HashMap<>();

    /**
     * @param capacity how many incidents to remember at most
     * @param remembered the incidents remembered so far, as {@link #known()} gave them
     */
    public IncidentLinker(int capacity, Iterable<KnownIncident> remembered) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
        remembered.forEach(incident -> known.put(incident.incidentId(), incident));
    }

    /**
     * {@code alert} naming the other incidents related to its own, earliest first and at most
     * {@link Alert#MAX_RELATED}; then its incident is remembered as the alert describes it.
     */
    public Alert link(Alert alert) {
        KnownIncident incident = KnownIncident.of(alert);
        List<RelatedIncident> related =
                known.values().stream()
                        .filter(other -> !other.incidentId().equals(incident.incidentId()))
                        .filter(incident::isRelatedTo)
                        .sorted(LISTING_ORDER)
                        .limit(Alert.MAX_RELATED)
                        .map(KnownIncident::asRelated)
                        .toList();
        known.put(incident.incidentId(), incident);
        while (known.size() > capacity) {
            known.values().stream()
                    .min(EVICTION_ORDER)
                    .ifPresent(oldest -> known.remove(oldest.incidentId()));
        }
        return related.isEmpty() ? alert : alert.withRelated(related);
    }

    /**
     * Forgets the recovered incidents kept long enough by {@code eventTime}; returns when the next
     * one will be, if any is left.
     */
    public Optional<Instant> forgetRecoveredBy(Instant eventTime) {
        known.values().removeIf(incident -> !forgetAt(incident).isAfter(eventTime));
        return known.values().stream()
                .filter(incident -> !incident.isOpen())
                .map(IncidentLinker::forgetAt)
                .min(Comparator.naturalOrder());
    }

    /** What is remembered, in a stable order, to keep in state. */
    public List<KnownIncident> known() {
        List<KnownIncident> incidents = new ArrayList<>(known.values());
        incidents.sort(LISTING_ORDER);
        return incidents;
    }

    private static Instant forgetAt(KnownIncident incident) {
        return incident.isOpen() ? Instant.MAX : incident.recoveredAt().plus(RECOVERED_KEPT_FOR);
    }

    private static Instant speaksFor(Alert alert) {
        return alert.asOf() != null ? alert.asOf() : alert.detectedAt();
    }
}
