package io.outagewatch.detection.incident;

import java.io.Serializable;
import java.time.Duration;

/**
 * How much evidence the incident state machine wants before it opens, updates and closes an
 * incident.
 *
 * @param confirmMinutesOneSignal consecutive anomalous minutes that confirm an outage seen by one
 *     signal alone (probes of an unprobed-by-reports service, or reports of an unprobed service)
 * @param confirmMinutesReportsAgainstHealthyProbes consecutive anomalous report minutes that
 *     confirm an outage the probes do not see; higher, because the probes disagree
 * @param confirmMinutesDegraded consecutive brownout minutes that confirm a DEGRADED incident
 * @param mergeGap continuous health needed before recovery is declared; a relapse inside it
 *     continues the same incident, so flapping never opens a second one
 * @param updateEvery how often an open incident repeats its duration estimate in OUTAGE_UPDATED
 * @param reportAfterglow after a probe-led incident recovers, people keep complaining for tens of
 *     minutes; for this long, complaints against healthy probes do not open a new incident
 * @param estimateChange a new estimate of the total duration whose median differs from the last one
 *     sent by more than this share (0.25: a quarter more, or a fifth less) is sent at once in an
 *     OUTAGE_UPDATED, without waiting for {@code updateEvery}
 * @param onsetRise the rise of the failure share above its baseline that the onset's CUSUM looks
 *     for ({@code FailureRiseCusum}): smaller follows a slow ramp back further, and lets a lone
 *     failure just before a sudden outage move its onset more often
 * @param onsetLookback an incident's onset is moved back to where its probes' failure share began
 *     to rise, at most this far before its first anomalous minute
 */
public record IncidentPolicy(
        int confirmMinutesOneSignal,
        int confirmMinutesReportsAgainstHealthyProbes,
        int confirmMinutesDegraded,
        Duration mergeGap,
        Duration updateEvery,
        Duration reportAfterglow,
        double estimateChange,
        double onsetRise,
        Duration onsetLookback)
        implements Serializable {

    public static final int DEFAULT_CONFIRM_MINUTES_ONE_SIGNAL = 2;
    public static final int DEFAULT_CONFIRM_MINUTES_REPORTS_AGAINST_HEALTHY_PROBES = 4;
    public static final int DEFAULT_CONFIRM_MINUTES_DEGRADED = 3;
    public static final Duration DEFAULT_MERGE_GAP = Duration.ofMinutes(10);
    public static final Duration DEFAULT_UPDATE_EVERY = Duration.ofMinutes(15);
    public static final Duration DEFAULT_REPORT_AFTERGLOW = Duration.ofMinutes(60);
    public static final double DEFAULT_ESTIMATE_CHANGE = 0.25;
    public static final double DEFAULT_ONSET_RISE = 0.2;
    public static final Duration DEFAULT_ONSET_LOOKBACK = Duration.ofMinutes(30);

    public IncidentPolicy {
        requirePositive(confirmMinutesOneSignal, "confirmMinutesOneSignal");
        requirePositive(
                confirmMinutesReportsAgainstHealthyProbes,
                "confirmMinutesReportsAgainstHealthyProbes");
        requirePositive(confirmMinutesDegraded, "confirmMinutesDegraded");
        if (mergeGap.isNegative() || mergeGap.isZero()) {
            throw new IllegalArgumentException("mergeGap must be positive, got " + mergeGap);
        }
        if (updateEvery.isNegative() || updateEvery.isZero()) {
            throw new IllegalArgumentException("updateEvery must be positive, got " + updateEvery);
        }
        if (!(estimateChange > 0)) {
            throw new IllegalArgumentException(
                    "estimateChange must be positive, got " + estimateChange);
        }
        if (reportAfterglow.isNegative()) {
            throw new IllegalArgumentException(
                    "reportAfterglow must not be negative, got " + reportAfterglow);
        }
        if (!(onsetRise > 0 && onsetRise < 1)) {
            throw new IllegalArgumentException("onsetRise must be within (0, 1), got " + onsetRise);
        }
        if (onsetLookback.isNegative()) {
            throw new IllegalArgumentException(
                    "onsetLookback must not be negative, got " + onsetLookback);
        }
    }

    public static IncidentPolicy defaults() {
        return new IncidentPolicy(
                DEFAULT_CONFIRM_MINUTES_ONE_SIGNAL,
                DEFAULT_CONFIRM_MINUTES_REPORTS_AGAINST_HEALTHY_PROBES,
                DEFAULT_CONFIRM_MINUTES_DEGRADED,
                DEFAULT_MERGE_GAP,
                DEFAULT_UPDATE_EVERY,
                DEFAULT_REPORT_AFTERGLOW,
                DEFAULT_ESTIMATE_CHANGE,
                DEFAULT_ONSET_RISE,
                DEFAULT_ONSET_LOOKBACK);
    }

    /**
     * Whether an estimated total median moved materially from the one last sent: by more than
     * {@link #estimateChange} up, or the same ratio down.
     */
    public boolean estimateMoved(long lastSentSeconds, long nowSeconds) {
        double ratio = Math.max(nowSeconds, 1) / (double) Math.max(lastSentSeconds, 1);
        return Math.abs(Math.log(ratio)) > Math.log1p(estimateChange);
    }

    private static void requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}
