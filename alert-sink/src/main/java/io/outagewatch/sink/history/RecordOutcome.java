package io.outagewatch.sink.history;

/** What {@link OutageHistory#record} did with an alert: a reason rather than a boolean. */
public enum RecordOutcome {
    /** The incident's first stored alert: a new incident row. */
    NEW_INCIDENT,
    /** A newer version than the row had: the row now describes this alert. */
    UPDATED,
    /**
     * An older version than the row had, arriving late: stored in the alerts table, and it only
     * fills in what older versions own (first estimate, earliest acknowledgement).
     */
    OUT_OF_ORDER,
    /** This incident version was already stored: nothing changed. */
    DUPLICATE
}
