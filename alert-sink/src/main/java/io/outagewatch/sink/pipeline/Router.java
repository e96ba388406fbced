package io.outagewatch.sink.pipeline;

import io.outagewatch.events.Alert;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Picks an alert's receivers. Routes are tried in order and the first match wins, unless it says
 * {@link Route#continueMatching()}, in which case later matching routes add their receivers too (as
 * in Alertmanager). An alert no route matches goes to the default receivers. A receiver named by
 * several matching routes gets the alert once.
 */
public final class Router {

    private final List<Route> routes;
    private final List<String> defaultReceivers;

    public Router(List<Route> routes, List<String> defaultReceivers) {
        this.routes = List.copyOf(Objects.requireNonNull(routes, "routes"));
        this.defaultReceivers =
                List.copyOf(new LinkedHashSet<>(Objects.requireNonNull(defaultReceivers)));
    }

    /** Every alert to these receivers. */
    public static Router toAll(List<String> receivers) {
        return new Router(List.of(), receivers);
    }

    /** The receiver names for the alert, in route order, without repeats; may be empty. */
    public List<String> receiversFor(Alert alert) {
        Set<String> receivers = new LinkedHashSet<>();
        boolean matched = false;
        for (Route route : routes) {
            if (route.matches(alert)) {
                matched = true;
                receivers.addAll(route.receivers());
                if (!route.continueMatching()) {
                    break;
                }
            }
        }
        return matched ? List.copyOf(receivers) : defaultReceivers;
    }

    /** Every receiver name any route or the default mentions. */
    public Set<String> referencedReceivers() {
        Set<String> names = new LinkedHashSet<>(defaultReceivers);
        routes.forEach(route -> names.addAll(route.receivers()));
        return names;
    }
}
