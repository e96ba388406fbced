package io.outagewatch.ingest.statuspage;

import com.fasterxml.jackson.databind.JsonNode;
import io.outagewatch.events.StatusUpdate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an incident.io status page's Widget API summary ({@code /api/v1/summary}). It lists ongoing
 * incidents only; its maintenances are read by {@link MaintenanceParser}, never as incidents.
 */
public final class IncidentIoParser implements PageParser {

    /**
     * incident.io status to ours; some clients see {@code fixing}, the same stage as identified.
     */
    static final Map<String, StatusUpdate.Status> STATUSES =
            Map.of(
                    "investigating", StatusUpdate.Status.INVESTIGATING,
                    "identified", StatusUpdate.Status.IDENTIFIED,
                    "fixing", StatusUpdate.Status.IDENTIFIED,
                    "monitoring", StatusUpdate.Status.MONITORING,
                    "resolved", StatusUpdate.Status.RESOLVED);

    /** incident.io worst component impact to ours. */
    static final Map<String, StatusUpdate.Impact> IMPACTS =
            Map.of(
                    "operational", StatusUpdate.Impact.NONE,
                    "degraded_performance", StatusUpdate.Impact.MINOR,
                    "partial_outage", StatusUpdate.Impact.MAJOR,
                    "full_outage", StatusUpdate.Impact.CRITICAL);

    @Override
    public PageSnapshot parse(byte[] body, PageConfig page) throws MalformedPageException {
        return IncidentList.read(body, "ongoing_incidents", page, true, IncidentIoParser::incident);
    }

    private static PageIncident incident(JsonNode node, String id, PageConfig page) {
        if (id == null) {
            throw new IllegalArgumentException("id is missing");
        }
        String statusText = PageJson.text(node, "status");
        StatusUpdate.Status status = STATUSES.get(statusText);
        if (status == null) {
            throw new IllegalArgumentException("status '" + statusText + "' is not an incident's");
        }
        Set<String> components = new LinkedHashSet<>();
        JsonNode affected = node.get("affected_components");
        if (affected != null && affected.isArray()) {
            for (JsonNode component : affected) {
                String name = PageJson.text(component, "name");
                if (name != null) {
                    components.add(name);
                }
                String group = PageJson.text(component, "group_name");
                if (group != null) {
                    components.add(group);
                }
            }
        }
        String url = PageJson.httpUrl(PageJson.text(node, "url"));
        return new PageIncident(
                id,
                PageJson.text(node, "name"),
                status,
                IMPACTS.get(PageJson.text(node, "current_worst_impact")),
                PageJson.time("last_update_at", PageJson.text(node, "last_update_at")),
                url != null ? url : PageJson.incidentPage(page.baseUrl(), id),
                List.copyOf(components));
    }
}
