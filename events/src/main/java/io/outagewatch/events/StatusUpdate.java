package io.outagewatch.events;

import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;

/**
 * One incident update from a service's official status page. Topic {@link Topics#STATUS_UPDATES},
 * keyed by {@link #service()}.
 *
 * @param service the service's catalog id
 * @param timestamp when the status page published this update
 * @param incidentId the status page's own incident id
 * @param status the incident's stage
 * @param impact the impact the status page declares
 * @param title the incident's headline
 * @param url the incident's page
 */
public record StatusUpdate(
        String service,
        Instant timestamp,
        String incidentId,
        Status status,
        Impact impact,
        String title,
        String url)
        implements Serializable {

    public static final int INCIDENT_ID_MAX_CHARS = 128;
    public static final int TITLE_MAX_CHARS = 1024;
    public static final int URL_MAX_CHARS = 2048;

    public StatusUpdate {
        Checks.id("service", service);
        Timestamps.requireInRange("timestamp", timestamp);
        Checks.text("incidentId", incidentId, INCIDENT_ID_MAX_CHARS);
        Checks.required("status", status);
        Checks.optionalText("title", title, TITLE_MAX_CHARS);
        Checks.optionalHttpUrl("url", url, URL_MAX_CHARS);
    }

    /** Incident stages as status pages name them; lower case on the wire. */
    public enum Status {
        INVESTIGATING,
        IDENTIFIED,
        MONITORING,
        RESOLVED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Declared impact; lower case on the wire. */
    public enum Impact {
        NONE,
        MINOR,
        MAJOR,
        CRITICAL;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
