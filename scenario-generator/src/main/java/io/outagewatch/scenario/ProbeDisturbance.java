package io.outagewatch.scenario;

import java.util.List;

/**
 * How an event changes one probe: the chance it fails, how it fails, and how much slower a
 * successful probe answers.
 *
 * @param failureProbability chance that the probe fails because of the event
 * @param latencyFactor multiplier on the latency of a probe that still succeeds
 * @param failureModes the failures the event causes, equally likely
 */
public record ProbeDisturbance(
        double failureProbability, double latencyFactor, List<ProbeFailure> failureModes) {

    public static final ProbeDisturbance NONE = new ProbeDisturbance(0, 1, List.of());

    /** Gateways still answer now and then, but slowly, while the backend is down. */
    private static final double SURVIVOR_LATENCY_FACTOR = 3;

    public ProbeDisturbance {
        if (failureProbability < 0 || failureProbability > 1) {
            throw new IllegalArgumentException(
                    "failure probability must be within [0, 1], got " + failureProbability);
        }
        if (!(latencyFactor >= 1)) {
            throw new IllegalArgumentException(
                    "latency factor must be at least 1, got " + latencyFactor);
        }
        failureModes = List.copyOf(failureModes);
        if (failureProbability > 0 && failureModes.isEmpty()) {
            throw new IllegalArgumentException(
                    "a disturbance that fails probes needs a failure mode");
        }
    }

    public static ProbeDisturbance hardFailure(double failureProbability) {
        return new ProbeDisturbance(
                failureProbability,
                SURVIVOR_LATENCY_FACTOR,
                List.of(ProbeFailure.HTTP_502, ProbeFailure.HTTP_503, ProbeFailure.TIMEOUT));
    }

    public static ProbeDisturbance slowdown(double latencyFactor, double timeoutProbability) {
        return new ProbeDisturbance(
                timeoutProbability, latencyFactor, List.of(ProbeFailure.TIMEOUT));
    }

    /** The vantage's own network is gone, so nothing it probes answers. */
    public static ProbeDisturbance unreachable() {
        return new ProbeDisturbance(
                1, 1, List.of(ProbeFailure.TIMEOUT, ProbeFailure.CONNECT, ProbeFailure.DNS));
    }

    public boolean isNone() {
        return failureProbability == 0 && latencyFactor == 1;
    }

    /** Both disturbances at once: failures from either, the worse slowdown, the likelier modes. */
    public ProbeDisturbance and(ProbeDisturbance other) {
        if (other.isNone()) {
            return this;
        }
        if (isNone()) {
            return other;
        }
        double bothSurvive = (1 - failureProbability) * (1 - other.failureProbability);
        List<ProbeFailure> modes =
                failureProbability >= other.failureProbability ? failureModes : other.failureModes;
        return new ProbeDisturbance(
                1 - bothSurvive, Math.max(latencyFactor, other.latencyFactor), modes);
    }
}
