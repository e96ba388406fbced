package io.outagewatch.events;

import java.io.Serializable;
import java.util.List;

/**
 * The measurements behind an {@link Alert}, so a reader can judge it without the raw streams. Probe
 * fields are absent when the service has no probes, report fields when it gets no reports.
 *
 * @param probeFailureRate share of failed probes in the detection window, 0 to 1
 * @param probeFailureBaseline the usual share of failed probes, 0 to 1
 * @param failingVantages vantages whose probes failed
 * @param healthyVantages vantages whose probes succeeded
 * @param reportRate error reports per minute in the detection window
 * @param reportBaseline the usual error reports per minute
 * @param score the detector's combined anomaly score
 */
public record Evidence(
        Double probeFailureRate,
        Double probeFailureBaseline,
        List<String> failingVantages,
        List<String> healthyVantages,
        Double reportRate,
        Double reportBaseline,
        double score)
        implements Serializable {

    public static final int MAX_VANTAGES = 256;

    public Evidence {
        Checks.optionalFraction("probeFailureRate", probeFailureRate);
        Checks.optionalFraction("probeFailureBaseline", probeFailureBaseline);
        failingVantages = Checks.idSet("failingVantages", failingVantages, MAX_VANTAGES);
        healthyVantages = Checks.idSet("healthyVantages", healthyVantages, MAX_VANTAGES);
        for (String vantage : failingVantages) {
            if (healthyVantages.contains(vantage)) {
                throw new InvalidEventException(
                        InvalidReason.INVALID_VALUE,
                        "healthyVantages "
                                + Checks.quote(vantage)
                                + " is also listed in failingVantages");
            }
        }
        Checks.optionalNonNegative("reportRate", reportRate);
        Checks.optionalNonNegative("reportBaseline", reportBaseline);
        Checks.finite("score", score);
    }
}
