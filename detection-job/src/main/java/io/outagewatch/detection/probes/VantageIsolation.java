package io.outagewatch.detection.probes;

import java.io.Serializable;

/**
 * When a vantage is broken rather than the services it probes. A broken vantage is left out of
 * every service's minute, even when most of a service's vantages are broken: a vantage failing for
 * most of the services it probes says nothing about any one of them, and when the whole fleet fails
 * at once the probes cannot tell the probers losing their network from everything failing, so the
 * service's complaints decide (docs/detection.md, "Broken vantages").
 *
 * @param minServices a vantage must have probed at least this many services in the minute to be
 *     judged: with fewer, "most services fail" is just as likely a shared outage
 * @param brokenFraction the share of its services that must fail from the vantage
 * @param failingProbeFraction the share of a service's probes that must fail for the service to
 *     count as failing at that vantage
 */
public record VantageIsolation(int minServices, double brokenFraction, double failingProbeFraction)
        implements Serializable {

    public static final int DEFAULT_MIN_SERVICES = 3;
    public static final double DEFAULT_BROKEN_FRACTION = 0.8;
    public static final double DEFAULT_FAILING_PROBE_FRACTION = 0.5;

    public VantageIsolation {
        if (minServices < 2) {
            throw new IllegalArgumentException(
                    "minServices must be at least 2, got " + minServices);
        }
        requireFraction(brokenFraction, "brokenFraction");
        requireFraction(failingProbeFraction, "failingProbeFraction");
    }

    public static VantageIsolation defaults() {
        return new VantageIsolation(
                DEFAULT_MIN_SERVICES, DEFAULT_BROKEN_FRACTION, DEFAULT_FAILING_PROBE_FRACTION);
    }

    public boolean isFailing(int probes, int failures) {
        return probes > 0 && failures >= failingProbeFraction * probes;
    }

    public boolean isBroken(int servicesProbed, int servicesFailing) {
        return servicesProbed >= minServices && servicesFailing >= brokenFraction * servicesProbed;
    }

    private static void requireFraction(double value, String name) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], got " + value);
        }
    }
}
