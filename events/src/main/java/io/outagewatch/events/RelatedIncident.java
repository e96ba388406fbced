package io.outagewatch.events;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * Another service's incident that overlaps an {@link Alert}'s in time and region, so probably
 * shares its cause (a cloud region failing, say). The incidents stay separate; this only names the
 * other one.
 *
 * @param incidentId the other incident's id
 * @param service the other incident's service
 * @param regions the other incident's affected regions; empty means all regions
 * @param startedAt when the other incident began
 */
public record RelatedIncident(
        String incidentId, String service, List<String> regions, Instant startedAt)
        implements Serializable {

    public RelatedIncident {
        Checks.text("incidentId", incidentId, Alert.INCIDENT_ID_MAX_CHARS);
        Checks.id("service", service);
        regions = Checks.idSet("regions", regions, Alert.MAX_REGIONS);
        Timestamps.requireInRange("startedAt", startedAt);
    }
}
