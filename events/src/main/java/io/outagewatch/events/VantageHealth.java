package io.outagewatch.events;

import java.io.Serializable;
import java.time.Instant;

/**
 * A vantage with a problem in one minute: it was judged broken (it failed for most of the services
 * it probed at once, which is the prober's problem, not an outage), or its clock runs ahead, or
 * both. Topic {@link Topics#VANTAGE_HEALTH}, key = vantage.
 *
 * @param vantage the vantage
 * @param minuteStart start of the event-time minute judged
 * @param servicesProbed services the vantage probed in the minute
 * @param servicesFailing of those, the ones failing from this vantage
 * @param clockAheadSeconds how far the vantage's clock is estimated to run ahead; absent (null)
 *     when its clock is fine. Added after the first release, so older records lack it.
 */
public record VantageHealth(
        String vantage,
        Instant minuteStart,
        int servicesProbed,
        int servicesFailing,
        Long clockAheadSeconds)
        implements Serializable {

    public VantageHealth {
        Checks.id("vantage", vantage);
        Timestamps.requireInRange("minuteStart", minuteStart);
        if (servicesProbed < 1) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE,
                    "servicesProbed must be at least 1, got " + servicesProbed);
        }
        if (servicesFailing < 0 || servicesFailing > servicesProbed) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE,
                    "servicesFailing must be between 0 and servicesProbed ("
                            + servicesProbed
                            + "), got "
                            + servicesFailing);
        }
        Checks.optionalNonNegative("clockAheadSeconds", clockAheadSeconds);
    }

    /** A vantage judged broken whose clock is fine. */
    public VantageHealth(
            String vantage, Instant minuteStart, int servicesProbed, int servicesFailing) {
        this(vantage, minuteStart, servicesProbed, servicesFailing, null);
    }
}
