package io.outagewatch.sink.history;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which incidents a query returns.
 *
 * @param service only this service's incidents, when present
 * @param since only incidents that started at or after this instant, when present
 */
public record IncidentFilter(Optional<String> service, Optional<Instant> since) {

    public static final IncidentFilter ALL = new IncidentFilter(Optional.empty(), Optional.empty());

    public IncidentFilter {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(since, "since");
    }

    public IncidentFilter withService(String value) {
        return new IncidentFilter(Optional.of(value), since);
    }

    public IncidentFilter withSince(Instant value) {
        return new IncidentFilter(service, Optional.of(value));
    }
}
