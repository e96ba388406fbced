package io.outagewatch.detection.records;

import java.time.Instant;
import java.util.Objects;

/**
 * What one vantage saw of one service during one event-time minute, with the vantage's own health
 * across all services it probed in that minute.
 *
 * @param latenciesMs latencies of the successful probes, in arrival order
 * @param vantageBroken the vantage failed for most services at once: a prober problem
 */
public record ProbeMinute(
        String service,
        String vantage,
        String region,
        Instant minuteStart,
        int probes,
        int failures,
        int timeouts,
        double[] latenciesMs,
        boolean vantageBroken) {

    public ProbeMinute {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(vantage, "vantage");
        Objects.requireNonNull(minuteStart, "minuteStart");
        latenciesMs = latenciesMs == null ? new double[0] : latenciesMs.clone();
    }
}
