package io.outagewatch.detection.baseline;

import java.io.Serializable;
import java.util.Objects;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The usual failure rate of one vantage probing one service, and whether a minute's failures at
 * that vantage stand out from it.
 *
 * <p>The rate is an EWMA over minutes with probes (half-life {@link #DEFAULT_HALF_LIFE_MINUTES}),
 * starting at a prior and read with a floor so a long clean run cannot make one failure look
 * impossible. It does not learn during incidents, and each minute's failures are capped at {@code
 * rate·n + k·sqrt(n·rate·(1 − rate)) + slack} so an unconfirmed outage moves it little; the slack
 * of one failure leaves single-probe minutes untouched, so a flaky vantage still learns that it is
 * flaky.
 *
 * <p>The failing rule, {@link #isFailing}: with enough probes the failed share must reach {@code
 * max(minFailingFraction, rate + failingMargin)} and the binomial upper tail at the learned rate
 * must be below {@code maxPValue}. With at most {@code fewProbes} probes a minute (1–2 is normal)
 * no p-value can get that low, so there all probes failing at a vantage whose rate is below {@code
 * lowBaselineRate} is failing. Tradeoff: at one probe a minute a single scattered failure therefore
 * makes the vantage failing for that minute; this is deliberate, because waiting for more evidence
 * here would delay detection by minutes, and {@link ProbeQuorum} discards one vantage's noise by
 * requiring several vantages at once. A vantage that fails often enough to learn a rate above
 * {@code lowBaselineRate} stops counting single failures.
 *
 * <p>Logic over data: what it has learned is one number, {@link #ewma()}, which the detector keeps
 * in Flink state, while the {@link Settings} come from the operator. Mutable: changed only by
 * {@link #observe}.
 */
public final class VantageFailureBaseline {

    /** Two hours of minutes: adapts to a vantage's changed network within an afternoon. */
    public static final double DEFAULT_HALF_LIFE_MINUTES = 2 * 60;

    /** The rate is never read below this, so one failure after a clean week is not 1e-9 likely. */
    public static final double DEFAULT_FLOOR_RATE = 0.001;

    /** The rate a new vantage starts from: pessimistic enough that one failure is not alarming. */
    public static final double DEFAULT_INITIAL_RATE = 0.01;

    /** A failing minute has at least half of its probes failed. */
    public static final double DEFAULT_MIN_FAILING_FRACTION = 0.5;

    /** ... and at least this much above the vantage's usual failure share. */
    public static final double DEFAULT_FAILING_MARGIN = 0.3;

    /** ... and failures this improbable under the binomial at the learned rate. */
    public static final double DEFAULT_MAX_P_VALUE = 1e-3;

    /** Up to this many probes a minute, all failing is enough on a low-rate vantage. */
    public static final int DEFAULT_FEW_PROBES = 2;

    /** The learned rate below which all few probes failing counts as failing. */
    public static final double DEFAULT_LOW_BASELINE_RATE = 0.2;

    /** Standard deviations of the binomial above the expected failures where learning caps. */
    public static final double DEFAULT_WINSOR_SIGMAS = 4.0;

    /** Failures added to that cap, so minutes with one or two probes are learned as they are. */
    public static final double DEFAULT_WINSOR_SLACK_FAILURES = 1.0;

    /**
     * How the baseline learns and judges; see the class comment for the rule.
     *
     * @param halfLifeMinutes EWMA half-life, in minutes with probes
     * @param floorRate least value {@link #rate()} returns
     * @param initialRate rate before any observation
     * @param minFailingFraction least failed share of a failing minute
     * @param failingMargin least excess of the failed share over the rate
     * @param maxPValue binomial upper-tail p-value a failing minute must be below
     * @param fewProbes at most this many probes count as few
     * @param lowBaselineRate with few probes, all failing counts only below this rate
     * @param winsorSigmas binomial standard deviations in the learning cap
     * @param winsorSlackFailures failures added to the learning cap
     */
    public record Settings(
            double halfLifeMinutes,
            double floorRate,
            double initialRate,
            double minFailingFraction,
            double failingMargin,
            double maxPValue,
            int fewProbes,
            double lowBaselineRate,
            double winsorSigmas,
            double winsorSlackFailures)
            implements Serializable {

        public static final Settings DEFAULTS =
                new Settings(
                        DEFAULT_HALF_LIFE_MINUTES,
                        DEFAULT_FLOOR_RATE,
                        DEFAULT_INITIAL_RATE,
                        DEFAULT_MIN_FAILING_FRACTION,
                        DEFAULT_FAILING_MARGIN,
                        DEFAULT_MAX_P_VALUE,
                        DEFAULT_FEW_PROBES,
                        DEFAULT_LOW_BASELINE_RATE,
                        DEFAULT_WINSOR_SIGMAS,
                        DEFAULT_WINSOR_SLACK_FAILURES);

        public Settings {
            Require.positive(halfLifeMinutes, "halfLifeMinutes");
            Require.fraction(floorRate, "floorRate");
            Require.fraction(initialRate, "initialRate");
            Require.fraction(minFailingFraction, "minFailingFraction");
            Require.fraction(failingMargin, "failingMargin");
            Require.fraction(maxPValue, "maxPValue");
            Require.nonNegative(fewProbes, "fewProbes");
            Require.fraction(lowBaselineRate, "lowBaselineRate");
            Require.nonNegative(winsorSigmas, "winsorSigmas");
            Require.nonNegative(winsorSlackFailures, "winsorSlackFailures");
        }
    }

    private final Settings settings;
    private double ewma;

    /** A baseline for a vantage not seen before: it starts at the initial rate. */
    public VantageFailureBaseline(Settings settings) {
        this(settings, settings.initialRate());
    }

    /** A baseline that goes on from a learned {@link #ewma()}. */
    public VantageFailureBaseline(Settings settings, double ewma) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Require.fraction(ewma, "ewma");
        this.ewma = ewma;
    }

    public Settings settings() {
        return settings;
    }

    /** The learned share of failed probes before the floor applies: what to keep in state. */
    public double ewma() {
        return ewma;
    }

    /** The vantage's usual share of failed probes, never below the floor. */
    public double rate() {
        return Math.max(settings.floorRate(), ewma);
    }

    /** Learns one minute; minutes without probes or during an incident teach nothing. */
    public void observe(long probes, long failures, boolean duringIncident) {
        requireCounts(probes, failures);
        if (probes == 0 || duringIncident) {
            return;
        }
        double rate = rate();
        double expected = rate * probes;
        double cap =
                expected
                        + settings.winsorSigmas() * Math.sqrt(expected * (1 - rate))
                        + settings.winsorSlackFailures();
        double share = Math.min(failures, cap) / probes;
        double decay = HalfLife.decayPerStep(settings.halfLifeMinutes());
        ewma = decay * ewma + (1 - decay) * share;
    }

    /** Whether this minute's failures at the vantage stand out; see the class comment. */
    public boolean isFailing(long probes, long failures) {
        requireCounts(probes, failures);
        if (probes == 0) {
            return false;
        }
        double rate = rate();
        if (probes <= settings.fewProbes()
                && failures == probes
                && rate < settings.lowBaselineRate()) {
            return true;
        }
        double share = (double) failures / probes;
        if (share < Math.max(settings.minFailingFraction(), rate + settings.failingMargin())) {
            return false;
        }
        return upperTailPValue(probes, failures, rate) < settings.maxPValue();
    }

    /** P(X ≥ failures) for X binomial over the probes at the given failure rate. */
    static double upperTailPValue(long probes, long failures, double rate) {
        if (failures <= 0) {
            return 1.0;
        }
        // The random generator is only used for sampling, which this never does.
        BinomialDistribution binomial =
                new BinomialDistribution(null, Math.toIntExact(probes), rate);
        return 1.0 - binomial.cumulativeProbability(Math.toIntExact(failures) - 1);
    }

    private static void requireCounts(long probes, long failures) {
        if (probes < 0 || failures < 0 || failures > probes) {
            throw new IllegalArgumentException(
                    "need 0 <= failures <= probes, got " + failures + " of " + probes);
        }
    }
}
