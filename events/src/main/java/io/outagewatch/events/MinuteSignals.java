package io.outagewatch.events;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One service's signals in one event-time minute the detector has decided, and its verdict on that
 * minute: what a status page draws against the baselines. Topic {@link Topics#SERVICE_SIGNALS}, key
 * = service.
 *
 * @param service the service's catalog id
 * @param minuteStart start of the event-time minute
 * @param complaints distinct authors complaining about the service in the minute (the detector
 *     counts an author once per minute, however many posts they write)
 * @param expectedComplaints the complaints the seasonal baseline expects for this minute
 * @param probes probe results in the minute, from the vantages that count (broken vantages left
 *     out)
 * @param probeFailureShare share of those probes that failed, 0 to 1; absent without probes
 * @param failingVantages vantages the detector judged failing in the minute
 * @param reportingVantages vantages whose probes counted in the minute
 * @param latencyP95Ms 95th percentile latency of successful probes; absent without any
 * @param latencyBaselineP95Ms the usual p95 latency; absent until the baseline has warmed up
 * @param verdict the minute's verdict
 */
public record MinuteSignals(
        String service,
        Instant minuteStart,
        int complaints,
        double expectedComplaints,
        int probes,
        Double probeFailureShare,
        List<String> failingVantages,
        int reportingVantages,
        Double latencyP95Ms,
        Double latencyBaselineP95Ms,
        MinuteVerdict verdict)
        implements Serializable {

    public MinuteSignals {
        Checks.id("service", service);
        Timestamps.requireInRange("minuteStart", minuteStart);
        nonNegative("complaints", complaints);
        Checks.optionalNonNegative("expectedComplaints", expectedComplaints);
        nonNegative("probes", probes);
        Checks.optionalFraction("probeFailureShare", probeFailureShare);
        if (probes == 0 && probeFailureShare != null) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE, "probeFailureShare must be absent without probes");
        }
        failingVantages = Checks.idSet("failingVantages", failingVantages, Evidence.MAX_VANTAGES);
        nonNegative("reportingVantages", reportingVantages);
        if (failingVantages.size() > reportingVantages) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE,
                    "failingVantages has "
                            + failingVantages.size()
                            + " vantages, more than reportingVantages ("
                            + reportingVantages
                            + ")");
        }
        Checks.optionalNonNegative("latencyP95Ms", latencyP95Ms);
        Checks.optionalNonNegative("latencyBaselineP95Ms", latencyBaselineP95Ms);
        Checks.required("verdict", verdict);
    }

    private static void nonNegative(String field, int value) {
        if (value < 0) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE, field + " must be >= 0, got " + value);
        }
    }
}
