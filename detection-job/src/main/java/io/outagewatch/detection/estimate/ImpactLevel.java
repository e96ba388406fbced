package io.outagewatch.detection.estimate;

import io.outagewatch.events.Severity;
import io.outagewatch.events.StatusUpdate;
import java.util.Locale;

/**
 * How badly an incident hurts, on the scale of the incident corpus: the Statuspage incident impact,
 * plus {@link #UNKNOWN} for sources without one (AWS, Azure, Google Cloud, Stability AI).
 *
 * <p>The detector's {@link Severity} maps one step per level, by Statuspage's own definitions of
 * the component states that set an incident's impact: a major outage (the service is down) makes a
 * {@link #CRITICAL} incident, a partial outage a {@link #MAJOR} one, degraded performance a {@link
 * #MINOR} one. So {@link Severity#MAJOR} (most requests fail everywhere) is {@link #CRITICAL},
 * {@link Severity#PARTIAL} (some regions or vantages) is {@link #MAJOR}, and {@link
 * Severity#DEGRADED} (slow or elevated errors) is {@link #MINOR}. {@link #NONE} (a notice with no
 * declared impact) has no detector counterpart; it is fitted, as vendors file real incidents there
 * too, and reached only through an official status update.
 */
public enum ImpactLevel {
    NONE("minor notices"),
    MINOR("degraded service"),
    MAJOR("partial outages"),
    CRITICAL("major outages"),
    UNKNOWN("outages");

    private final String kind;

    ImpactLevel(String kind) {
        this.kind = kind;
    }

    /** The kind of incident in words, as in "typical of major outages". */
    public String kind() {
        return kind;
    }

    /** The level whose incidents look like the detector's {@code severity}. */
    public static ImpactLevel of(Severity severity) {
        return switch (severity) {
            case MAJOR -> CRITICAL;
            case PARTIAL -> MAJOR;
            case DEGRADED -> MINOR;
        };
    }

    /** The level a status page declared; the same scale, so each maps to its namesake. */
    public static ImpactLevel of(StatusUpdate.Impact impact) {
        return switch (impact) {
            case NONE -> NONE;
            case MINOR -> MINOR;
            case MAJOR -> MAJOR;
            case CRITICAL -> CRITICAL;
        };
    }

    /** The corpus's {@code impact} field: a Statuspage impact in lower case, or null. */
    public static ImpactLevel ofCorpus(String impact) {
        if (impact == null) {
            return UNKNOWN;
        }
        return switch (impact.toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "minor" -> MINOR;
            case "major" -> MAJOR;
            case "critical" -> CRITICAL;
            default -> throw new IllegalArgumentException("unknown impact: " + impact);
        };
    }
}
