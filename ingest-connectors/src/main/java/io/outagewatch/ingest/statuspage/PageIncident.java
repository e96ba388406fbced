package io.outagewatch.ingest.statuspage;

import io.outagewatch.events.StatusUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One incident as a page lists it, in the same shape for every kind of page.
 *
 * @param id the page's own incident id
 * @param title the incident's headline; may be null
 * @param status its stage
 * @param impact the declared impact; null when the page declares none we know
 * @param updatedAt when the page last changed the incident
 * @param url the incident's human page; may be null
 * @param components names of the affected components (and incident.io groups)
 */
public record PageIncident(
        String id,
        String title,
        StatusUpdate.Status status,
        StatusUpdate.Impact impact,
        Instant updatedAt,
        String url,
        List<String> components) {

    public PageIncident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
        components = List.copyOf(components);
    }
}
