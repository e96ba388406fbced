package io.outagewatch.scenario;

import io.outagewatch.events.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An incident a correct detector should report for a scenario.
 *
 * @param service the affected service's catalog id
 * @param kind how it failed: full, regional, brownout, flapping, social-only, probe-only or
 *     slow-burn
 * @param severity MAJOR, PARTIAL or DEGRADED, as in {@link Severity}
 * @param regions the affected regions; empty means all regions
 * @param start when the trouble began
 * @param end when the service recovered
 */
public record ExpectedIncident(
        String service,
        IncidentKind kind,
        String severity,
        List<String> regions,
        Instant start,
        Instant end) {

    public ExpectedIncident {
        Vantage.requireId("service", service);
        Objects.requireNonNull(kind, "kind");
        Severity.valueOf(Objects.requireNonNull(severity, "severity"));
        regions = List.copyOf(regions);
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException(
                    "incident of " + service + " must start before it ends: " + start + ", " + end);
        }
    }
}
