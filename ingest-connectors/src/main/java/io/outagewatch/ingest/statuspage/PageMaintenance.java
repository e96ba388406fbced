package io.outagewatch.ingest.statuspage;

import io.outagewatch.events.Maintenance;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One scheduled maintenance as a page lists it, in the same shape for every kind of page.
 *
 * @param id the page's own maintenance id
 * @param title its headline; may be null
 * @param status its stage
 * @param startsAt when the window starts
 * @param endsAt when it ends; for one completed early, when it completed
 * @param updatedAt when the page last changed it
 * @param url its human page; may be null
 * @param components names of the affected components (and incident.io groups)
 */
public record PageMaintenance(
        String id,
        String title,
        Maintenance.Status status,
        Instant startsAt,
        Instant endsAt,
        Instant updatedAt,
        String url,
        List<String> components) {

    public PageMaintenance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        components = List.copyOf(components);
    }
}
