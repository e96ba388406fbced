package io.outagewatch.events;

import java.util.List;

/** Kafka topic names, defined once so producers and consumers cannot drift apart. */
public final class Topics {
    /** {@link ProbeResult}, keyed by service. */
    public static final String PROBE_RESULTS = "probe-results";

    /** {@link SocialReport}, keyed by service when the producer knows it, otherwise unkeyed. */
    public static final String SOCIAL_REPORTS = "social-reports";

    /** {@link StatusUpdate}, keyed by service. */
    public static final String STATUS_UPDATES = "status-updates";

    /** {@link Alert}, keyed by service. */
    public static final String OUTAGE_ALERTS = "outage-alerts";

    /** {@link DeadLetter}, unkeyed. */
    public static final String DEAD_LETTERS = "dead-letters";

    /** Health of each probing vantage point, produced by the detection job. */
    public static final String VANTAGE_HEALTH = "vantage-health";

    /**
     * {@link MinuteSignals}, keyed by service: each service's signals and verdict in every minute
     * the detection job decides, for the status page.
     */
    public static final String SERVICE_SIGNALS = "service-signals";

    /**
     * {@link Maintenance}, keyed by service: maintenances the services announce on their status
     * pages, read by the alert sink only (never by the detection job, so an announcement cannot
     * pass for an acknowledgement).
     */
    public static final String MAINTENANCES = "maintenances";

    public static final List<String> ALL =
            List.of(
                    PROBE_RESULTS,
                    SOCIAL_REPORTS,
                    STATUS_UPDATES,
                    OUTAGE_ALERTS,
                    DEAD_LETTERS,
                    VANTAGE_HEALTH,
                    SERVICE_SIGNALS,
                    MAINTENANCES);

    private Topics() {}
}
