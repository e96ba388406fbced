package io.outagewatch.detection.probes;

import java.io.Serializable;

/**
 * When a vantage is broken rather than the services it probes.
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

    /**
     * Broken vantages are left out of a service's minute only while most of its vantages are fine;
     * when most of them look broken, the failures are the service's (or the internet's), not the
     * probers'.
     */
    public boolean excludesBroken(int vantages, int brokenVantages) {
        return brokenVantages * 2 < vantages;
    }

    private static void requireFraction(double value, String name) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], got " + value);
        }
    }
}
