package io.outagewatch.sink.pipeline;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.Severity;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One routing rule: which alerts it matches and the receivers they go to. An empty matcher set
 * matches everything, so a route with no matchers catches all alerts.
 *
 * @param services service catalog ids; empty matches any service
 * @param severities empty matches any severity
 * @param types empty matches any alert type
 * @param receivers receiver names, at least one
 * @param continueMatching whether later routes are still tried after this one matched
 *     (Alertmanager's {@code continue})
 */
public record Route(
        Set<String> services,
        Set<Severity> severities,
        Set<AlertType> types,
        List<String> receivers,
        boolean continueMatching) {

    public Route {
        services = Set.copyOf(Objects.requireNonNull(services, "services"));
        severities = Set.copyOf(Objects.requireNonNull(severities, "severities"));
        types = Set.copyOf(Objects.requireNonNull(types, "types"));
        receivers = List.copyOf(Objects.requireNonNull(receivers, "receivers"));
        if (receivers.isEmpty()) {
            throw new IllegalArgumentException("a route needs at least one receiver");
        }
    }

    /** A route that sends every alert to these receivers and stops. */
    public static Route all(String... receivers) {
        return new Route(Set.of(), Set.of(), Set.of(), List.of(receivers), false);
    }

    public boolean matches(Alert alert) {
        return (services.isEmpty() || services.contains(alert.service()))
                && (severities.isEmpty() || severities.contains(alert.severity()))
                && (types.isEmpty() || types.contains(alert.type()));
    }
}
