package io.outagewatch.detection.baseline;

import java.io.Serializable;
import java.util.Objects;

/**
 * The usual p95 latency and timeout rate of one service, and whether a minute shows a brownout:
 * much slower, with more timeouts, yet mostly answering.
 *
 * <p>Latency is learned in log space, where "three times slower" is the same step at 80 ms and at 2
 * s: an EWMA of log p95 and an EWMA of the absolute deviation from it, plus an EWMA of the timeout
 * rate, all with half-life {@link #DEFAULT_HALF_LIFE_MINUTES}. The EWMAs are decayed sums divided
 * by the weight their minute count implies, so the first hour is an ordinary average rather than a
 * climb from zero. Minutes during an incident are skipped; others are winsorised to within a few
 * deviations of the mean (and the timeout rate to a margin above its own), so an unconfirmed
 * brownout barely moves the baseline.
 *
 * <p>{@link #isDegraded}: once warm, p95 at least {@code max(latencyFactor × baseline, exp(logMean
 * + logDeviations × deviation), minDegradedLatencyMs)}, and a timeout rate at least {@code
 * minTimeoutRise} above its baseline but under {@code maxBrownoutTimeoutRate}; above that requests
 * mostly fail, which is an outage for {@link ProbeQuorum} to call, not a brownout. The absolute
 * minimum keeps a fast service going from 50 to 200 ms from paging anyone.
 *
 * <p>Logic over data: what it has learned is a {@link LatencyStats}, which the detector keeps in
 * Flink state, while the {@link Settings} come from the operator. Mutable: changed only by {@link
 * #observe}; {@link #stats()} is what to store afterwards.
 */
public final class LatencyBaseline {

    /** One hour of minutes: follows a deploy or a traffic shift within the afternoon. */
    public static final double DEFAULT_HALF_LIFE_MINUTES = 60;

    /** One half-life of minutes before judging, so the deviation has seen some spread. */
    public static final long DEFAULT_WARM_UP_MINUTES = 60;

    /** A brownout's p95 is at least three times the usual. */
    public static final double DEFAULT_LATENCY_FACTOR = 3.0;

    /** ... and at least this many mean absolute deviations above it in log space. */
    public static final double DEFAULT_LOG_DEVIATIONS = 6.0;

    /** ... and at least one second, slow enough for users to notice. */
    public static final double DEFAULT_MIN_DEGRADED_LATENCY_MS = 1000;

    /** Timeouts must be at least this share of probes above their usual share. */
    public static final double DEFAULT_MIN_TIMEOUT_RISE = 0.02;

    /** At or above this timeout share it is an outage, not a brownout. */
    public static final double DEFAULT_MAX_BROWNOUT_TIMEOUT_RATE = 0.5;

    /** How surely a minute must be able to show a timeout rise before its absence counts. */
    static final double TIMEOUT_RISE_POWER = 0.95;

    /** Learning caps log p95 at this many deviations from the mean. */
    public static final double DEFAULT_WINSOR_LOG_DEVIATIONS = 4.0;

    /**
     * The deviation is never read below 0.1 (about 10% in latency), so a very steady service can
     * still learn a change and is not called degraded for a wobble.
     */
    public static final double DEFAULT_MIN_LOG_DEVIATION = 0.1;

    /** Learning caps a minute's timeout rate at this much above the baseline's. */
    public static final double DEFAULT_TIMEOUT_WINSOR_MARGIN = 0.1;

    /** Latencies are read as at least 1 ms, keeping the logarithm finite. */
    public static final double MIN_LATENCY_MS = 1.0;

    /**
     * How the baseline learns and judges; see the class comment for the rule.
     *
     * @param halfLifeMinutes EWMA half-life, in minutes with latency samples
     * @param warmUpMinutes observed minutes before {@link #isDegraded} can say yes
     * @param latencyFactor least multiple of the baseline p95
     * @param logDeviations least deviations above the log mean
     * @param minDegradedLatencyMs least absolute p95
     * @param minTimeoutRise least rise of the timeout rate over its baseline
     * @param maxBrownoutTimeoutRate timeout rate from which it is no longer a brownout
     * @param winsorLogDeviations deviations from the log mean where learning caps
     * @param minLogDeviation least deviation used, in log space
     * @param timeoutWinsorMargin how far above its baseline a learned timeout rate may be
     */
    public record Settings(
            double halfLifeMinutes,
            long warmUpMinutes,
            double latencyFactor,
            double logDeviations,
            double minDegradedLatencyMs,
            double minTimeoutRise,
            double maxBrownoutTimeoutRate,
            double winsorLogDeviations,
            double minLogDeviation,
            double timeoutWinsorMargin)
            implements Serializable {

        public static final Settings DEFAULTS =
                new Settings(
                        DEFAULT_HALF_LIFE_MINUTES,
                        DEFAULT_WARM_UP_MINUTES,
                        DEFAULT_LATENCY_FACTOR,
                        DEFAULT_LOG_DEVIATIONS,
                        DEFAULT_MIN_DEGRADED_LATENCY_MS,
                        DEFAULT_MIN_TIMEOUT_RISE,
                        DEFAULT_MAX_BROWNOUT_TIMEOUT_RATE,
                        DEFAULT_WINSOR_LOG_DEVIATIONS,
                        DEFAULT_MIN_LOG_DEVIATION,
                        DEFAULT_TIMEOUT_WINSOR_MARGIN);

        public Settings {
            Require.positive(halfLifeMinutes, "halfLifeMinutes");
            Require.nonNegative(warmUpMinutes, "warmUpMinutes");
            Require.positive(latencyFactor, "latencyFactor");
            Require.nonNegative(logDeviations, "logDeviations");
            Require.nonNegative(minDegradedLatencyMs, "minDegradedLatencyMs");
            Require.fraction(minTimeoutRise, "minTimeoutRise");
            Require.fraction(maxBrownoutTimeoutRate, "maxBrownoutTimeoutRate");
            Require.positive(winsorLogDeviations, "winsorLogDeviations");
            Require.positive(minLogDeviation, "minLogDeviation");
            Require.fraction(timeoutWinsorMargin, "timeoutWinsorMargin");
        }
    }

    private final Settings settings;
    private double logSum;
    private double deviationSum;
    private double timeoutSum;
    private long observedMinutes;

    /** A baseline that has learned nothing yet. */
    public LatencyBaseline(Settings settings) {
        this(settings, LatencyStats.EMPTY);
    }

    /** A baseline that goes on from what {@code learned} holds. */
    public LatencyBaseline(Settings settings, LatencyStats learned) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(learned, "learned");
        this.logSum = learned.logSum();
        this.deviationSum = learned.deviationSum();
        this.timeoutSum = learned.timeoutSum();
        this.observedMinutes = learned.observedMinutes();
    }

    /** What the baseline has learned so far, to keep in state. */
    public LatencyStats stats() {
        return new LatencyStats(logSum, deviationSum, timeoutSum, observedMinutes);
    }

    public Settings settings() {
        return settings;
    }

    public boolean isWarm() {
        return observedMinutes >= settings.warmUpMinutes();
    }

    /** Minutes learned from; those without latency samples or during an incident are not. */
    public long observedMinutes() {
        return observedMinutes;
    }

    /** The usual p95 in ms (the exponential of the log mean); NaN before any observation. */
    public double baselineMs() {
        return observedMinutes == 0 ? Double.NaN : Math.exp(logMean());
    }

    /** The mean absolute deviation of log p95, at least the configured minimum. */
    public double logDeviation() {
        double learned = observedMinutes == 0 ? 0.0 : deviationSum / weight();
        return Math.max(settings.minLogDeviation(), learned);
    }

    /** The usual share of probes that time out; 0 before any observation. */
    public double timeoutRate() {
        return observedMinutes == 0 ? 0.0 : timeoutSum / weight();
    }

    /**
     * Learns one minute. A NaN p95 (no successful probe to measure) teaches nothing, as such a
     * minute is an outage's or the probers' and not a latency.
     */
    public void observe(double p95Ms, double timeoutRate, boolean duringIncident) {
        Require.fraction(timeoutRate, "timeoutRate");
        if (Double.isNaN(p95Ms) || duringIncident) {
            return;
        }
        double logP95 = Math.log(Math.max(MIN_LATENCY_MS, p95Ms));
        double deviation = 0.0;
        double timeouts = timeoutRate;
        if (observedMinutes > 0) {
            double mean = logMean();
            double reach = settings.winsorLogDeviations() * logDeviation();
            logP95 = Math.max(mean - reach, Math.min(mean + reach, logP95));
            deviation = Math.abs(logP95 - mean);
            timeouts = Math.min(timeouts, timeoutRate() + settings.timeoutWinsorMargin());
        }
        double decay = HalfLife.decayPerStep(settings.halfLifeMinutes());
        logSum = decay * logSum + (1 - decay) * logP95;
        deviationSum = decay * deviationSum + (1 - decay) * deviation;
        timeoutSum = decay * timeoutSum + (1 - decay) * timeouts;
        observedMinutes++;
    }

    /** Whether this minute looks like a brownout; see the class comment. */
    public boolean isDegraded(double p95Ms, double timeoutRate) {
        return isDegraded(p95Ms, timeoutRate, Long.MAX_VALUE);
    }

    /**
     * {@link #isDegraded(double, double)} for a minute of {@code probes} probes. With few probes a
     * minute, a brownout's timeouts are often absent by chance (at 10 % timeouts, 12 probes show
     * none 28 % of the time), so their absence is no evidence: the timeout rise is asked only when
     * the minute has enough probes that a rise of {@code minTimeoutRise} over the usual rate would
     * show at least one timeout 95 % of the time. A slow minute of fewer probes is judged on
     * latency alone, which already needs three times the usual p95, six deviations and a second.
     */
    public boolean isDegraded(double p95Ms, double timeoutRate, long probes) {
        Require.fraction(timeoutRate, "timeoutRate");
        if (!isWarm() || observedMinutes == 0 || Double.isNaN(p95Ms)) {
            return false;
        }
        double mean = logMean();
        double threshold =
                Math.max(
                        settings.minDegradedLatencyMs(),
                        Math.max(
                                settings.latencyFactor() * Math.exp(mean),
                                Math.exp(mean + settings.logDeviations() * logDeviation())));
        boolean timeoutsRose =
                timeoutRate >= timeoutRate() + settings.minTimeoutRise()
                        || probes < probesToSeeATimeoutRise();
        return p95Ms >= threshold
                && timeoutsRose
                && timeoutRate < settings.maxBrownoutTimeoutRate();
    }

    /**
     * Probes a minute needs for a timeout rate {@code minTimeoutRise} above the usual one to show
     * at least one timeout with probability {@link #TIMEOUT_RISE_POWER}.
     */
    long probesToSeeATimeoutRise() {
        double risen = Math.min(1, timeoutRate() + settings.minTimeoutRise());
        return (long) Math.ceil(Math.log(1 - TIMEOUT_RISE_POWER) / Math.log1p(-risen));
    }

    private double logMean() {
        return logSum / weight();
    }

    /** The total weight of the observed minutes in each decayed sum. */
    private double weight() {
        return 1 - Math.pow(HalfLife.decayPerStep(settings.halfLifeMinutes()), observedMinutes);
    }
}
