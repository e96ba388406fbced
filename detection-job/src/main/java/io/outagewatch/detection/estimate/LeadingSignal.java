package io.outagewatch.detection.estimate;

import java.time.Duration;

/**
 * The signal that opened an incident, which says how far ahead of the status page the detector's
 * onset is. The corpus measures durations from the status page's first post, so until that post
 * arrives an estimate assumes it comes this long after the onset.
 */
public enum LeadingSignal {
    /**
     * Probes failed first. Independent probe alerts for cloud providers lead the status post by a
     * median of about 15 minutes (the corpus's caveat 1, in {@code incidents/README.md}).
     */
    PROBES(Duration.ofMinutes(15)),
    /**
     * Complaints rose first. They need users to notice, as a status page's own staff do; with no
     * measurement of either lag, none is assumed.
     */
    COMPLAINTS(Duration.ZERO);

    private final Duration statusPostDelay;

    LeadingSignal(Duration statusPostDelay) {
        this.statusPostDelay = statusPostDelay;
    }

    /** How long after an onset seen by this signal the status page is assumed to post. */
    public Duration statusPostDelay() {
        return statusPostDelay;
    }
}
