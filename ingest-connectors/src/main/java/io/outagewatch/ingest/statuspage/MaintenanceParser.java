package io.outagewatch.ingest.statuspage;

import com.fasterxml.jackson.databind.JsonNode;
import io.outagewatch.events.Maintenance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the scheduled maintenances of a page document: Statuspage's {@code scheduled_maintenances}
 * (in {@code summary.json} and {@code scheduled-maintenances.json}: {@code scheduled_for}, {@code
 * scheduled_until}, status {@code scheduled|in_progress|verifying|completed}), and incident.io's
 * Widget API {@code in_progress_maintenances} ({@code started_at}, {@code scheduled_end_at}) and
 * {@code scheduled_maintenances} ({@code starts_at}, {@code ends_at}). A maintenance without a
 * readable window is skipped with a warning. They are never read as incidents.
 */
final class MaintenanceParser {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceParser.class);

    static final String STATUSPAGE_ARRAY = "scheduled_maintenances";
    static final String INCIDENTIO_IN_PROGRESS = "in_progress_maintenances";
    static final String INCIDENTIO_SCHEDULED = "scheduled_maintenances";

    /** Statuspage maintenance status to ours. */
    static final Map<String, Maintenance.Status> STATUSPAGE_STATUSES =
            Map.of(
                    "scheduled", Maintenance.Status.SCHEDULED,
                    "in_progress", Maintenance.Status.IN_PROGRESS,
                    "verifying", Maintenance.Status.VERIFYING,
                    "completed", Maintenance.Status.COMPLETED);

    private MaintenanceParser() {}

    /** The maintenances of a Statuspage document; none when it lists none. */
    static List<PageMaintenance> statuspage(byte[] body, PageConfig page)
            throws MalformedPageException {
        JsonNode root = PageJson.read(body);
        List<PageMaintenance> read = new ArrayList<>();
        JsonNode array = root.get(STATUSPAGE_ARRAY);
        if (array == null || !array.isArray()) {
            return read;
        }
        for (JsonNode node : array) {
            String id = PageJson.text(node, "id");
            try {
                if (id == null) {
                    throw new IllegalArgumentException("id is missing");
                }
                String statusText = PageJson.text(node, "status");
                Maintenance.Status status = STATUSPAGE_STATUSES.get(statusText);
                if (status == null) {
                    throw new IllegalArgumentException(
                            "status '" + statusText + "' is not a maintenance's");
                }
                Instant starts =
                        PageJson.time("scheduled_for", PageJson.text(node, "scheduled_for"));
                Instant ends =
                        PageJson.time("scheduled_until", PageJson.text(node, "scheduled_until"));
                String resolved = PageJson.text(node, "resolved_at");
                if (status == Maintenance.Status.COMPLETED && resolved != null) {
                    Instant completed = PageJson.time("resolved_at", resolved);
                    if (completed.isBefore(ends)) {
                        ends = completed.isBefore(starts) ? starts : completed;
                    }
                }
                String updated = PageJson.text(node, "updated_at");
                Set<String> components = new LinkedHashSet<>();
                JsonNode list = node.get("components");
                if (list != null && list.isArray()) {
                    for (JsonNode component : list) {
                        String name = PageJson.text(component, "name");
                        if (name != null) {
                            components.add(name);
                        }
                    }
                }
                String shortlink = PageJson.httpUrl(PageJson.text(node, "shortlink"));
                read.add(
                        new PageMaintenance(
                                id,
                                PageJson.text(node, "name"),
                                status,
                                starts,
                                ends,
                                updated == null ? starts : PageJson.time("updated_at", updated),
                                shortlink != null
                                        ? shortlink
                                        : PageJson.incidentPage(page.baseUrl(), id),
                                List.copyOf(components)));
            } catch (IllegalArgumentException e) {
                LOG.warn("page {}: skipping maintenance {}: {}", page.name(), id, e.getMessage());
            }
        }
        return read;
    }

    /** The maintenances of an incident.io Widget API summary; none when it lists none. */
    static List<PageMaintenance> incidentIo(byte[] body, PageConfig page)
            throws MalformedPageException {
        JsonNode root = PageJson.read(body);
        List<PageMaintenance> read = new ArrayList<>();
        readIncidentIo(
                root.get(INCIDENTIO_IN_PROGRESS),
                Maintenance.Status.IN_PROGRESS,
                "started_at",
                "scheduled_end_at",
                page,
                read);
        readIncidentIo(
                root.get(INCIDENTIO_SCHEDULED),
                Maintenance.Status.SCHEDULED,
                "starts_at",
                "ends_at",
                page,
                read);
        return read;
    }

    private static void readIncidentIo(
            JsonNode array,
            Maintenance.Status status,
            String startField,
            String endField,
            PageConfig page,
            List<PageMaintenance> read) {
        if (array == null || !array.isArray()) {
            return;
        }
        for (JsonNode node : array) {
            String id = PageJson.text(node, "id");
            try {
                if (id == null) {
                    throw new IllegalArgumentException("id is missing");
                }
                Instant starts = PageJson.time(startField, PageJson.text(node, startField));
                Instant ends = PageJson.time(endField, PageJson.text(node, endField));
                String updated = PageJson.text(node, "last_update_at");
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
                read.add(
                        new PageMaintenance(
                                id,
                                PageJson.text(node, "name"),
                                status,
                                starts,
                                ends,
                                updated == null ? starts : PageJson.time("last_update_at", updated),
                                url != null ? url : PageJson.incidentPage(page.baseUrl(), id),
                                List.copyOf(components)));
            } catch (IllegalArgumentException e) {
                LOG.warn("page {}: skipping maintenance {}: {}", page.name(), id, e.getMessage());
            }
        }
    }
}
