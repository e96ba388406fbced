package io.outagewatch.status;

import io.outagewatch.events.Alert;
import io.outagewatch.events.CatalogService;
import io.outagewatch.events.MinuteSignals;
import io.outagewatch.events.ServiceCatalog;
import io.outagewatch.events.StatusUpdate;
import io.outagewatch.sink.history.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The page's memory: each catalog service's minute signals, incidents and official status updates
 * over a bounded window. Thread-safe: the Kafka reader writes while HTTP handlers read.
 *
 * <p>The page's "now" is the newest event time it has seen, not the wall clock, so a replayed
 * outage reads as it did live and the window slides with the data. Records of services outside the
 * catalog are ignored; everything kept is bounded by the window and by a count per service.
 */
public final class StatusBoard {

    /** Incidents kept per service; the oldest recovered ones go first. */
    public static final int MAX_INCIDENTS_PER_SERVICE = 200;

    /** Official status updates kept per service; the oldest go first. */
    public static final int MAX_STATUS_UPDATES_PER_SERVICE = 500;

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final ServiceCatalog catalog;
    private final Duration window;
    private final Map<String, TreeMap<Instant, MinuteSignals>> minutes = new HashMap<>();
    private final Map<String, Map<String, IncidentView>> incidents = new HashMap<>();
    private final Map<String, TreeMap<Instant, StatusUpdate>> statusUpdates = new HashMap<>();
    private Instant now;
    private long version;

    public StatusBoard(ServiceCatalog catalog, Duration window) {
        this.catalog = catalog;
        this.window = window;
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        for (CatalogService service : catalog.services()) {
            minutes.put(service.id(), new TreeMap<>());
            incidents.put(service.id(), new HashMap<>());
            statusUpdates.put(service.id(), new TreeMap<>());
        }
    }

    public Duration window() {
        return window;
    }

    /** Counts every change, so readers can tell whether there is anything new. */
    public synchronized long version() {
        return version;
    }

    /** The newest event time seen; absent before the first record. */
    public synchronized Optional<Instant> now() {
        return Optional.ofNullable(now);
    }

    /**
     * @return whether the minute was kept: false for a service outside the catalog or a minute
     *     older than the window
     */
    public synchronized boolean add(MinuteSignals signals) {
        TreeMap<Instant, MinuteSignals> serviceMinutes = minutes.get(signals.service());
        if (serviceMinutes == null || beforeWindow(signals.minuteStart())) {
            return false;
        }
        serviceMinutes.put(signals.minuteStart(), signals);
        changed(signals.minuteStart().plus(MINUTE));
        return true;
    }

    /** Folds the alert into its incident; false for a service outside the catalog. */
    public synchronized boolean add(Alert alert) {
        Map<String, IncidentView> serviceIncidents = incidents.get(alert.service());
        if (serviceIncidents == null) {
            return false;
        }
        serviceIncidents.merge(
                alert.incidentId(), IncidentView.from(alert), (known, newer) -> known.merge(alert));
        dropOldestIncidentsOverTheLimit(serviceIncidents);
        Instant eventTime = alert.asOf() != null ? alert.asOf() : alert.detectedAt();
        if (alert.recoveredAt() != null && alert.recoveredAt().isAfter(eventTime)) {
            eventTime = alert.recoveredAt();
        }
        changed(eventTime);
        return true;
    }

    /**
     * @return whether the update was kept: false for a service outside the catalog or an update
     *     older than the window
     */
    public synchronized boolean add(StatusUpdate update) {
        TreeMap<Instant, StatusUpdate> updates = statusUpdates.get(update.service());
        if (updates == null || beforeWindow(update.timestamp())) {
            return false;
        }
        updates.put(update.timestamp(), update);
        while (updates.size() > MAX_STATUS_UPDATES_PER_SERVICE) {
            updates.pollFirstEntry();
        }
        changed(update.timestamp());
        return true;
    }

    /** An incident from the outage history; an incident known from its alerts is kept as it is. */
    public synchronized boolean add(Incident row) {
        Map<String, IncidentView> serviceIncidents = incidents.get(row.service());
        if (serviceIncidents == null || serviceIncidents.containsKey(row.incidentId())) {
            return false;
        }
        serviceIncidents.put(row.incidentId(), IncidentView.from(row));
        dropOldestIncidentsOverTheLimit(serviceIncidents);
        changed(row.recoveredAt() != null ? row.recoveredAt() : row.detectedAt());
        return true;
    }

    /** Every catalog service, in catalog order, with all its minutes in the window. */
    public synchronized List<ServiceSnapshot> services() {
        return services(window);
    }

    /**
     * Every catalog service, in catalog order, with only its minutes of the last {@code recent}
     * before "now": what the overview needs, without copying the whole window.
     */
    public synchronized List<ServiceSnapshot> services(Duration recent) {
        List<ServiceSnapshot> all = new ArrayList<>();
        for (CatalogService service : catalog.services()) {
            all.add(snapshot(service, recent));
        }
        return all;
    }

    /** One service with all its minutes in the window; empty outside the catalog. */
    public synchronized Optional<ServiceSnapshot> service(String id) {
        return catalog.byId(id).map(service -> snapshot(service, window));
    }

    private ServiceSnapshot snapshot(CatalogService service, Duration recent) {
        List<IncidentView> serviceIncidents = new ArrayList<>(incidents.get(service.id()).values());
        serviceIncidents.sort(Comparator.comparing(IncidentView::startedAt));
        TreeMap<Instant, MinuteSignals> serviceMinutes = minutes.get(service.id());
        return new ServiceSnapshot(
                service.id(),
                service.name(),
                List.copyOf(
                        now == null
                                ? serviceMinutes.values()
                                : serviceMinutes.tailMap(now.minus(recent)).values()),
                List.copyOf(serviceIncidents),
                List.copyOf(statusUpdates.get(service.id()).values()),
                Optional.ofNullable(now));
    }

    private boolean beforeWindow(Instant eventTime) {
        return now != null && eventTime.isBefore(now.minus(window));
    }

    /** Moves "now" forward, and the window with it, when the event time is newer. */
    private void changed(Instant eventTime) {
        if (now == null || eventTime.isAfter(now)) {
            now = eventTime;
            dropWhatLeftTheWindow();
        }
        version++;
    }

    private void dropWhatLeftTheWindow() {
        Instant cutoff = now.minus(window);
        for (TreeMap<Instant, MinuteSignals> serviceMinutes : minutes.values()) {
            serviceMinutes.headMap(cutoff).clear();
        }
        for (TreeMap<Instant, StatusUpdate> updates : statusUpdates.values()) {
            updates.headMap(cutoff).clear();
        }
        for (Map<String, IncidentView> serviceIncidents : incidents.values()) {
            serviceIncidents.values().removeIf(i -> !i.open() && i.recoveredAt().isBefore(cutoff));
        }
    }

    /** Recovered incidents go first, oldest start first; then open ones, oldest first. */
    private static void dropOldestIncidentsOverTheLimit(
            Map<String, IncidentView> serviceIncidents) {
        while (serviceIncidents.size() > MAX_INCIDENTS_PER_SERVICE) {
            serviceIncidents.values().stream()
                    .min(
                            Comparator.comparing(IncidentView::open)
                                    .thenComparing(IncidentView::startedAt))
                    .ifPresent(oldest -> serviceIncidents.remove(oldest.incidentId()));
        }
    }
}
