package io.outagewatch.detection.incident;

/** Where a service stands in the incident lifecycle. */
public enum IncidentPhase {
    NORMAL,
    /** Anomalous minutes seen, not yet enough to page anyone. */
    SUSPECTED,
    OUTAGE,
    /** Healthy again, waiting out the merge gap before declaring recovery. */
    RECOVERING
}
