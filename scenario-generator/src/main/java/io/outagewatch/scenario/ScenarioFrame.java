package io.outagewatch.scenario;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What every generator and event needs to know about a scenario: its time span, services and
 * vantages.
 *
 * @param name the scenario's name
 * @param from the first instant generated, inclusive
 * @param until the end of generation, exclusive
 * @param services the services, in a fixed order
 * @param vantages the probing locations, in a fixed order
 * @param traffic the normal-day traffic
 */
public record ScenarioFrame(
        String name,
        Instant from,
        Instant until,
        List<ServiceSpec> services,
        List<Vantage> vantages,
        TrafficShape traffic) {

    public ScenarioFrame {
        Objects.requireNonNull(traffic, "traffic");
        Vantage.requireId("scenario name", name);
        if (from == null || until == null || !from.isBefore(until)) {
            throw new IllegalArgumentException(
                    "scenario " + name + " needs from before until, got " + from + ", " + until);
        }
        services = List.copyOf(services);
        vantages = List.copyOf(vantages);
        if (services.isEmpty()) {
            throw new IllegalArgumentException("scenario " + name + " has no services");
        }
        requireUnique("service", services.stream().map(ServiceSpec::id).toList());
        requireUnique("vantage", vantages.stream().map(Vantage::id).toList());
        if (vantages.isEmpty() && services.stream().anyMatch(ServiceSpec::probed)) {
            throw new IllegalArgumentException(
                    "scenario " + name + " probes services but has no vantages");
        }
    }

    /**
     * @throws IllegalArgumentException naming the event when the service is not in the scenario
     */
    public ServiceSpec service(String id, Object usedBy) {
        return services.stream()
                .filter(service -> service.id().equals(id))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        usedBy
                                                + " names service "
                                                + id
                                                + ", which is not in "
                                                + name));
    }

    /**
     * @throws IllegalArgumentException naming the event when the vantage is not in the scenario
     */
    public Vantage vantage(String id, Object usedBy) {
        return vantages.stream()
                .filter(vantage -> vantage.id().equals(id))
                .findFirst()
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        usedBy
                                                + " names vantage "
                                                + id
                                                + ", which is not in "
                                                + name));
    }

    /** The vantages' regions, sorted. */
    public Set<String> regions() {
        Set<String> regions = new TreeSet<>();
        vantages.forEach(vantage -> regions.add(vantage.region()));
        return regions;
    }

    /**
     * @throws IllegalArgumentException naming the event when the interval leaves the scenario
     */
    public void requireWithin(Instant start, Instant end, Object usedBy) {
        if (start.isBefore(from) || end.isAfter(until)) {
            throw new IllegalArgumentException(
                    usedBy + " runs outside " + name + " (" + from + " to " + until + ")");
        }
    }

    private void requireUnique(String what, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new IllegalArgumentException(
                        "scenario " + name + " lists " + what + " " + id + " twice");
            }
        }
    }
}
