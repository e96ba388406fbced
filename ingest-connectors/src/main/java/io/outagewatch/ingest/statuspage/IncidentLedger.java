package io.outagewatch.ingest.statuspage;

import io.outagewatch.events.StatusUpdate;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The last published version of every incident the poller remembers, per page: the dedup state.
 * Thread-safe; pages are polled from several threads.
 */
public final class IncidentLedger {

    /**
     * What was last published for one incident.
     *
     * @param updatedAt the incident's update time then
     * @param status its stage then
     * @param impact its declared impact then
     * @param title its headline then
     * @param url its page
     * @param services the services it was published for; impact, title, url and services are kept
     *     to publish the resolution of an incident that disappears from an ongoing-only page
     */
    public record Entry(
            Instant updatedAt,
            StatusUpdate.Status status,
            StatusUpdate.Impact impact,
            String title,
            String url,
            List<String> services) {

        public Entry {
            Objects.requireNonNull(updatedAt, "updatedAt");
            Objects.requireNonNull(status, "status");
            services = List.copyOf(services);
        }
    }

    private final Map<String, Map<String, Entry>> pages = new HashMap<>();

    public synchronized Entry get(String page, String incidentId) {
        return pages.getOrDefault(page, Map.of()).get(incidentId);
    }

    public synchronized void put(String page, String incidentId, Entry entry) {
        pages.computeIfAbsent(page, name -> new HashMap<>()).put(incidentId, entry);
    }

    public synchronized void remove(String page, String incidentId) {
        Map<String, Entry> incidents = pages.get(page);
        if (incidents != null) {
            incidents.remove(incidentId);
            if (incidents.isEmpty()) {
                pages.remove(page);
            }
        }
    }

    /** A copy of one page's incidents, sorted by id. */
    public synchronized Map<String, Entry> incidents(String page) {
        return new TreeMap<>(pages.getOrDefault(page, Map.of()));
    }

    /** A deep copy, sorted, for saving. */
    public synchronized Map<String, Map<String, Entry>> copy() {
        Map<String, Map<String, Entry>> copy = new TreeMap<>();
        pages.forEach((page, incidents) -> copy.put(page, new TreeMap<>(incidents)));
        return copy;
    }

    /** Forgets pages no longer configured. */
    public synchronized void retainPages(Set<String> names) {
        pages.keySet().retainAll(names);
    }

    public synchronized int size() {
        return pages.values().stream().mapToInt(Map::size).sum();
    }
}
