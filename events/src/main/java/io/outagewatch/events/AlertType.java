package io.outagewatch.events;

/** What an {@link Alert} announces. The wire name is the constant's name. */
public enum AlertType {
    OUTAGE_STARTED,
    OUTAGE_UPDATED,
    OUTAGE_RECOVERED
}
