package io.outagewatch.ingest.statuspage;

import io.outagewatch.events.InvalidEventException;
import io.outagewatch.events.Maintenance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which maintenances to publish: one per affected service, again only when the page changed
 * it. It remembers what it published in memory, for the maintenances the page still lists; after a
 * restart the current maintenances are published once more, which the alert sink takes as the same
 * silence.
 */
public final class MaintenanceTracker {

    private record Key(String page, String maintenanceId, String service) {}

    private final Map<Key, Maintenance> published = new HashMap<>();

    /** The maintenances of a page's document that are new or changed; unmapped ones are skipped. */
    public synchronized List<Maintenance> changed(PageConfig page, List<PageMaintenance> read) {
        List<Maintenance> changed = new ArrayList<>();
        Set<Key> listed = new HashSet<>();
        for (PageMaintenance maintenance : read) {
            for (String service : page.servicesFor(maintenance.components())) {
                Maintenance event;
                try {
                    event =
                            new Maintenance(
                                    service,
                                    maintenance.updatedAt(),
                                    maintenance.id(),
                                    maintenance.status(),
                                    maintenance.startsAt(),
                                    maintenance.endsAt(),
                                    ChangeDetector.title(maintenance.title()),
                                    ChangeDetector.url(maintenance.url()));
                } catch (InvalidEventException e) {
                    continue;
                }
                Key key = new Key(page.name(), maintenance.id(), service);
                listed.add(key);
                if (!event.equals(published.get(key))) {
                    published.put(key, event);
                    changed.add(event);
                }
            }
        }
        // What the page no longer lists is forgotten, so memory follows the page, not uptime.
        published.keySet().removeIf(key -> key.page().equals(page.name()) && !listed.contains(key));
        return changed;
    }
}
