package io.outagewatch.sink.history;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which incidents a query returns.
 *
 * @param services only these services' incidents; empty means every service
 * @param since only incidents that started at or after this instant, when present
 * @param until only incidents that started before this instant, when present
 */
public record IncidentFilter(
        Set<String> services, Optional<Instant> since, Optional<Instant> until) {

    public static final IncidentFilter ALL =
            new IncidentFilter(Set.of(), Optional.empty(), Optional.empty());

    public IncidentFilter {
        services = Set.copyOf(Objects.requireNonNull(services, "services"));
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
    }

    /** This filter with one more service selected. */
    public IncidentFilter withService(String value) {
        Set<String> more = new LinkedHashSet<>(services);
        more.add(value);
        return new IncidentFilter(more, since, until);
    }

    public IncidentFilter withSince(Instant value) {
        return new IncidentFilter(services, Optional.of(value), until);
    }

    public IncidentFilter withUntil(Instant value) {
        return new IncidentFilter(services, since, Optional.of(value));
    }
}
