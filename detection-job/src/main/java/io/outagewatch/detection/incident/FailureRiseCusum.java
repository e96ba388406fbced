package io.outagewatch.detection.incident;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a probe outage really began. The quorum sees an outage only once enough vantages fail
 * together; a failure rate that ramps up over twenty minutes reaches that point more than ten
 * minutes after it started to rise. This follows the rise as it happens, with a one-sided CUSUM
 * (Page's test) of the service's failed probes against its baseline, and places the onset at the
 * CUSUM's last zero: the start of the run of minutes in which it has stayed above zero.
 *
 * <p>Each minute adds the log-likelihood ratio of its n probes, f of them failed, under a failure
 * share raised by {@code rise} against the baseline p0: f·ln(p1/p0) + (n−f)·ln((1−p1)/(1−p0)), p1 =
 * p0 + rise. A sum that would fall below zero is zero: a healthy minute cancels what a lone failure
 * of the minute before added (at 12 probes a minute, a baseline of 0.2 % and a rise of 0.2, one
 * failure adds +2.2 and a minute without any takes off 2.7). Weighing by the number of probes means
 * a minute of few probes moves it little either way. Under a step change the last zero is the
 * maximum-likelihood change point; under a ramp it lags the true start by the minutes the first
 * failures take to show (one or two at 20 minutes to full failure).
 *
 * <p>Pure functions; the tracker keeps the run ({@link IncidentState.FailureRise}) in its state,
 * and only while the sum is above zero.
 */
final class FailureRiseCusum {

    /** Neither share a ratio is taken of is allowed to reach 0 or 1. */
    private static final double MAX_SHARE = 0.999;

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private FailureRiseCusum() {}

    /**
     * The run after one more minute, or null when the sum is back at zero or the minute says
     * nothing (no probes, no baseline). A minute that does not follow the run's last one starts a
     * new run: what happened in between is unknown.
     *
     * @param previous the run so far; null when there is none
     * @param minuteStart start of the minute
     * @param probes probes counted in the minute (broken vantages left out)
     * @param failures how many of them failed
     * @param baseline the service's usual share of failed probes; null when unknown
     * @param rise how far above the baseline the failure share the sum looks for is
     */
    static IncidentState.FailureRise next(
            IncidentState.FailureRise previous,
            Instant minuteStart,
            int probes,
            int failures,
            Double baseline,
            double rise) {
        if (probes <= 0 || baseline == null) {
            return null;
        }
        double p0 = Math.min(baseline, MAX_SHARE);
        double p1 = Math.min(p0 + rise, MAX_SHARE);
        if (!(p0 > 0) || !(p1 > p0)) {
            return null;
        }
        int healthy = probes - Math.min(failures, probes);
        double increment = failures * Math.log(p1 / p0) + healthy * Math.log((1 - p1) / (1 - p0));
        boolean continues =
                previous != null && minuteStart.equals(previous.lastMinute().plus(MINUTE));
        double score = (continues ? previous.score() : 0) + increment;
        if (!(score > 0)) {
            return null;
        }
        Instant since = continues ? previous.since() : minuteStart;
        return new IncidentState.FailureRise(since, minuteStart, score);
    }

    /**
     * The onset of an incident whose first anomalous minute is {@code firstAnomalousMinute}: the
     * start of the failure rise that runs into it, if that is earlier, but never more than {@code
     * lookback} before it.
     *
     * @param rise the run as of the confirming minute; null when there is none
     */
    static Instant onset(
            IncidentState.FailureRise rise, Instant firstAnomalousMinute, Duration lookback) {
        if (rise == null || !rise.since().isBefore(firstAnomalousMinute)) {
            return firstAnomalousMinute;
        }
        Instant earliest = firstAnomalousMinute.minus(lookback);
        return rise.since().isBefore(earliest) ? earliest : rise.since();
    }
}
