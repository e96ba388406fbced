package io.outagewatch.ingest.statuspage;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One status page to poll.
 *
 * @param name the page's id in logs and in the state file
 * @param endpoint which document is polled; it implies the page's kind
 * @param baseUrl the page's root, e.g. {@code https://status.example.com}, without trailing slash
 * @param interval time between polls while the page answers
 * @param components component (or incident.io group) name to service id
 * @param service the service of incidents none of whose components is mapped; null for none, in
 *     which case such incidents are skipped
 */
public record PageConfig(
        String name,
        PageEndpoint endpoint,
        URI baseUrl,
        Duration interval,
        Map<String, String> components,
        String service) {

    public PageConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(interval, "interval");
        components = Map.copyOf(components);
    }

    public PageKind kind() {
        return endpoint.kind();
    }

    /** The URL polled. */
    public URI pollUri() {
        return URI.create(baseUrl + endpoint.path());
    }

    /**
     * The services an incident affects: the mapped ones among its component names, in the order
     * they first appear, else the page's default service, else none.
     */
    public List<String> servicesFor(List<String> componentNames) {
        Map<String, Boolean> services = new LinkedHashMap<>();
        for (String component : componentNames) {
            String service = components.get(component);
            if (service != null) {
                services.put(service, Boolean.TRUE);
            }
        }
        if (services.isEmpty() && service != null) {
            return List.of(service);
        }
        return List.copyOf(new ArrayList<>(services.keySet()));
    }
}
