package io.outagewatch.ingest.statuspage;

import com.fasterxml.jackson.databind.JsonNode;
import io.outagewatch.events.StatusUpdate;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Atlassian Statuspage v2 {@code incidents.json} and {@code summary.json}: both hold an
 * {@code incidents} array of the same incident objects.
 */
public final class StatuspageParser implements PageParser {

    /** Statuspage incident status to ours; {@code postmortem} follows resolution. */
    static final Map<String, StatusUpdate.Status> STATUSES =
            Map.of(
                    "investigating", StatusUpdate.Status.INVESTIGATING,
                    "identified", StatusUpdate.Status.IDENTIFIED,
                    "monitoring", StatusUpdate.Status.MONITORING,
                    "resolved", StatusUpdate.Status.RESOLVED,
                    "postmortem", StatusUpdate.Status.RESOLVED);

    /** Statuspage impact to ours; anything else ({@code maintenance}) is no declared impact. */
    static final Map<String, StatusUpdate.Impact> IMPACTS =
            Map.of(
                    "none", StatusUpdate.Impact.NONE,
                    "minor", StatusUpdate.Impact.MINOR,
                    "major", StatusUpdate.Impact.MAJOR,
                    "critical", StatusUpdate.Impact.CRITICAL);

    private final boolean ongoingOnly;

    /**
     * @param ongoingOnly true for {@code summary.json}, which lists unresolved incidents only
     */
    public StatuspageParser(boolean ongoingOnly) {
        this.ongoingOnly = ongoingOnly;
    }

    @Override
    public PageSnapshot parse(byte[] body, PageConfig page) throws MalformedPageException {
        return IncidentList.read(body, "incidents", page, ongoingOnly, StatuspageParser::incident);
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
        String updated = PageJson.text(node, "updated_at");
        Instant updatedAt =
                updated != null
                        ? PageJson.time("updated_at", updated)
                        : PageJson.time("created_at", PageJson.text(node, "created_at"));
        Set<String> components = new LinkedHashSet<>();
        addNames(node.get("components"), components);
        JsonNode updates = node.get("incident_updates");
        if (updates != null && updates.isArray()) {
            for (JsonNode update : updates) {
                addNames(update.get("affected_components"), components);
            }
        }
        return new PageIncident(
                id,
                PageJson.text(node, "name"),
                status,
                IMPACTS.get(PageJson.text(node, "impact")),
                updatedAt,
                PageJson.incidentPage(page.baseUrl(), id),
                List.copyOf(components));
    }

    private static void addNames(JsonNode array, Set<String> names) {
        if (array == null || !array.isArray()) {
            return;
        }
        for (JsonNode component : array) {
            String name = PageJson.text(component, "name");
            if (name != null) {
                names.add(name);
            }
        }
    }
}
