package io.outagewatch.scenario;

import java.time.Duration;
import java.util.Objects;

/**
 * The normal-day traffic of a scenario, before any event: how often each vantage probes, and how
 * the social chatter around the complaints is shaped.
 *
 * @param probeInterval time between two probes of one service from one vantage
 * @param chatterPerComplaint ordinary posts naming a service per complaint about it; most posts
 *     that name a service are not complaints, and a classifier has to tell them apart
 * @param weekendFactor the weekday volume multiplied by this on Saturdays and Sundays, when fewer
 *     people work with these services and so fewer notice trouble
 */
public record TrafficShape(
        Duration probeInterval, double chatterPerComplaint, double weekendFactor) {

    public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofSeconds(30);
    public static final double DEFAULT_CHATTER_PER_COMPLAINT = 3;
    public static final double DEFAULT_WEEKEND_FACTOR = 0.75;

    /** Probes are jittered by up to 400 ms inside their slot and need room between slots. */
    static final Duration MIN_PROBE_INTERVAL = Duration.ofSeconds(10);

    public TrafficShape {
        Objects.requireNonNull(probeInterval, "probeInterval");
        if (probeInterval.compareTo(MIN_PROBE_INTERVAL) < 0
                || probeInterval.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException(
                    "probe interval must be between 10 s and 1 h, got " + probeInterval);
        }
        if (!(chatterPerComplaint >= 0) || chatterPerComplaint > 1000) {
            throw new IllegalArgumentException(
                    "chatter per complaint must be between 0 and 1000, got " + chatterPerComplaint);
        }
        if (!(weekendFactor > 0) || weekendFactor > 10) {
            throw new IllegalArgumentException(
                    "weekend factor must be above 0 and at most 10, got " + weekendFactor);
        }
    }

    public static TrafficShape defaults() {
        return new TrafficShape(
                DEFAULT_PROBE_INTERVAL, DEFAULT_CHATTER_PER_COMPLAINT, DEFAULT_WEEKEND_FACTOR);
    }
}
