package io.outagewatch.events;

import java.io.Serializable;
import java.time.Instant;

/**
 * A vantage judged broken for one minute: it failed for most of the services it probed at once,
 * which is the prober's problem, not an outage. Topic {@link Topics#VANTAGE_HEALTH}, key = vantage.
 *
 * @param vantage the broken vantage
 * @param minuteStart start of the event-time minute judged
 * @param servicesProbed services the vantage probed in the minute
 * @param servicesFailing of those, the ones failing from this vantage
 */
public record VantageHealth(
        String vantage, Instant minuteStart, int servicesProbed, int servicesFailing)
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
    }
}
