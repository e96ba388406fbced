package io.outagewatch.ingest.statuspage;

import io.outagewatch.events.StatusUpdate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of comparing one snapshot with the ledger.
 *
 * @param updates the status updates to publish, in page order
 * @param decisions how many incidents got each decision
 * @param stateChanged whether the ledger changed and should be saved
 */
public record Detection(
        List<StatusUpdate> updates, Map<Decision, Integer> decisions, boolean stateChanged) {

    public Detection {
        updates = List.copyOf(updates);
        decisions = decisions.isEmpty() ? Map.of() : new EnumMap<>(decisions);
    }

    public int count(Decision decision) {
        return decisions.getOrDefault(decision, 0);
    }
}
