package io.outagewatch.events;

import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;

/**
 * A maintenance a service announces on its own status page: a planned window in which it may be
 * unavailable. Topic {@link Topics#MAINTENANCES}, keyed by {@link #service()}. The alert sink
 * silences the incidents that fall inside the window; a maintenance is never an incident update, so
 * it travels apart from {@link StatusUpdate} and never counts as the official acknowledgement of an
 * incident.
 *
 * @param service the service's catalog id
 * @param timestamp when the status page last changed the maintenance
 * @param maintenanceId the status page's own id for the maintenance
 * @param status its stage
 * @param startsAt when the window starts (Statuspage {@code scheduled_for}, incident.io {@code
 *     starts_at} or {@code started_at})
 * @param endsAt when the window ends ({@code scheduled_until}, {@code ends_at} or {@code
 *     scheduled_end_at}); a maintenance completed early ends when it completed
 * @param title the maintenance's headline; may be null
 * @param url the maintenance's page; may be null
 */
public record Maintenance(
        String service,
        Instant timestamp,
        String maintenanceId,
        Status status,
        Instant startsAt,
        Instant endsAt,
        String title,
        String url)
        implements Serializable {

    public static final int MAINTENANCE_ID_MAX_CHARS = StatusUpdate.INCIDENT_ID_MAX_CHARS;
    public static final int TITLE_MAX_CHARS = StatusUpdate.TITLE_MAX_CHARS;
    public static final int URL_MAX_CHARS = StatusUpdate.URL_MAX_CHARS;

    public Maintenance {
        Checks.id("service", service);
        Timestamps.requireInRange("timestamp", timestamp);
        Checks.text("maintenanceId", maintenanceId, MAINTENANCE_ID_MAX_CHARS);
        Checks.required("status", status);
        Timestamps.requireInRange("startsAt", startsAt);
        Timestamps.requireInRange("endsAt", endsAt);
        if (endsAt.isBefore(startsAt)) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE,
                    "endsAt " + endsAt + " is before startsAt " + startsAt);
        }
        Checks.optionalText("title", title, TITLE_MAX_CHARS);
        Checks.optionalHttpUrl("url", url, URL_MAX_CHARS);
    }

    /**
     * Whether the instant falls inside the window: from {@link #startsAt} up to {@link #endsAt}.
     */
    public boolean covers(Instant instant) {
        return !instant.isBefore(startsAt) && instant.isBefore(endsAt);
    }

    /** Maintenance stages as status pages name them; lower case on the wire. */
    public enum Status {
        /** Announced, not begun. */
        SCHEDULED,
        /** Under way. */
        IN_PROGRESS,
        /** Work done, being checked (Statuspage's {@code verifying}). */
        VERIFYING,
        /** Over. */
        COMPLETED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
