package io.outagewatch.sink.history;

import io.outagewatch.events.Alert;
import java.util.List;
import java.util.Optional;

/**
 * The outage history: one row per incident, upserted as its alerts arrive, and an append-only log
 * of every alert. Open one with {@link HistoryStore#open}. Calls are thread-safe; they run one at a
 * time on the store's connection. Every method throws {@link HistoryException} when the database
 * fails.
 */
public interface OutageHistory extends AutoCloseable {

    /**
     * Stores the alert and folds it into its incident's row, in one transaction. Idempotent: the
     * same incident version again changes nothing, and an older version after a newer one never
     * regresses the row.
     */
    RecordOutcome record(Alert alert);

    /**
     * {@link #record(Alert)}, marking the alert (and its incident, unless marked already) silenced
     * by the given silence when one is given.
     */
    RecordOutcome record(Alert alert, Optional<String> silencedBy);

    /**
     * The latest alert of each open incident whose latest alert was silenced, oldest first: what
     * the sink holds back until the silence ends.
     */
    List<HeldAlert> heldAlerts();

    /** One incident's row, if any of its alerts was recorded. */
    Optional<Incident> incident(String incidentId);

    /** The incidents the filter selects, oldest start first. */
    List<Incident> incidents(IncidentFilter filter);

    /** One summary per service over the incidents the filter selects, in service order. */
    default List<ServiceSummary> summaryByService(IncidentFilter filter) {
        return ServiceSummary.byService(incidents(filter));
    }

    /** Every stored alert of one incident, lowest version first. */
    List<Alert> alerts(String incidentId);

    @Override
    void close();
}
