package io.outagewatch.ingest.statuspage;

import java.util.List;
import java.util.Set;

/**
 * What one fetched document says about a page's incidents.
 *
 * @param incidents the incidents read
 * @param skippedIds ids of incidents listed but unreadable (bad status or time); they still count
 *     as present, so an ongoing-only page does not declare them resolved
 * @param skipped unreadable incidents, with or without an id
 * @param ongoingOnly whether the document lists ongoing incidents only
 */
public record PageSnapshot(
        List<PageIncident> incidents, Set<String> skippedIds, int skipped, boolean ongoingOnly) {

    public PageSnapshot {
        incidents = List.copyOf(incidents);
        skippedIds = Set.copyOf(skippedIds);
    }
}
