package io.outagewatch.ingest.statuspage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a page document's list of incidents one by one, so that one unreadable incident is skipped
 * and counted instead of failing the whole page.
 */
final class IncidentList {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentList.class);

    /** Reads one incident; an {@link IllegalArgumentException} says why it is unreadable. */
    @FunctionalInterface
    interface IncidentReader {
        PageIncident read(JsonNode node, String id, PageConfig page);
    }

    private IncidentList() {}

    /**
     * @param arrayField the document's incident list, e.g. {@code incidents}
     * @param ongoingOnly whether the list holds only unresolved incidents, so that one missing from
     *     it has been resolved
     */
    static PageSnapshot read(
            byte[] body,
            String arrayField,
            PageConfig page,
            boolean ongoingOnly,
            IncidentReader reader)
            throws MalformedPageException {
        JsonNode incidents = PageJson.array(PageJson.read(body), arrayField);
        List<PageIncident> read = new ArrayList<>();
        Set<String> skippedIds = new HashSet<>();
        int skipped = 0;
        for (JsonNode node : incidents) {
            String id = PageJson.text(node, "id");
            try {
                read.add(reader.read(node, id, page));
            } catch (IllegalArgumentException e) {
                skipped++;
                if (id != null) {
                    skippedIds.add(id);
                }
                LOG.warn("page {}: skipping incident {}: {}", page.name(), id, e.getMessage());
            }
        }
        return new PageSnapshot(read, skippedIds, skipped, ongoingOnly);
    }
}
