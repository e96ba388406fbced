package io.outagewatch.detection.baseline;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Expected complaints per minute of one service by UTC hour of the week, learned so that outages
 * cannot inflate it.
 *
 * <p>Each of the {@link #SLOTS} slots (UTC weekday × hour) keeps an exponentially weighted mean of
 * its own minutes; a global mean over recent minutes of any slot stands in while a slot has seen
 * too few minutes, blended in proportion to what the slot has seen. Both means are kept as a
 * decayed sum plus a count of minutes, and the sum is divided by the weight {@code 1 - decay^n} the
 * count implies, so the first minutes give an unbiased mean at once instead of creeping up from
 * zero; the count also makes N quiet minutes a closed form ({@link #observeQuiet}).
 *
 * <p>Logic over data: what it has learned is a {@link SeasonalRates}, which the detector keeps in
 * Flink state, while the {@link Settings} come from the operator, so a restored service learns with
 * the settings of the release that restores it. Mutable: changed only through {@link #observe} and
 * {@link #observeQuiet}; {@link #rates()} is what to store afterwards.
 */
public final class SeasonalRateBaseline {

    /** Hours in a week: the slots are (UTC weekday, UTC hour). */
    public static final int SLOTS = 168;

    /**
     * A slot sees 60 minutes a week, so 240 of its own minutes are four weeks: long enough to
     * average away one odd week, short enough to follow a service that grows or shrinks.
     */
    public static final double DEFAULT_SLOT_HALF_LIFE_MINUTES = 4 * 60;

    /** Six hours: the global mean follows the daily cycle loosely while slots are still cold. */
    public static final double DEFAULT_GLOBAL_HALF_LIFE_MINUTES = 6 * 60;

    /** One full hour of its own minutes (one week of history) before a slot is trusted alone. */
    public static final int DEFAULT_SLOT_TRUST_MINUTES = 60;

    /**
     * Six hours of minutes, one global half-life: before that the global mean has seen less than a
     * quarter of a day, and a job started at night would find the morning rise anomalous.
     */
    public static final long DEFAULT_WARM_UP_MINUTES = 6 * 60;

    /**
     * Until warm, tests expect at least this many complaints a minute, so start-up cannot storm.
     */
    public static final double DEFAULT_PRIOR_FLOOR_PER_MINUTE = 1.0;

    /** Observations are capped at {@code expected + k·sqrt(expected) + offset}; this is k. */
    public static final double DEFAULT_WINSOR_SQRT_FACTOR = 4.0;

    /** The offset of the cap, which keeps a near-zero mean able to learn a rise. */
    public static final double DEFAULT_WINSOR_OFFSET = 2.0;

    private static final int MINUTES_PER_HOUR = 60;
    private static final long MINUTES_PER_WEEK = (long) SLOTS * MINUTES_PER_HOUR;
    private static final int SECONDS_PER_MINUTE = 60;

    /** Epoch hour 0 is a Thursday; shifting by three days makes Monday 00:00 UTC slot 0. */
    private static final long EPOCH_HOUR_TO_MONDAY = 3 * 24;

    /**
     * How the baseline learns.
     *
     * @param slotHalfLifeMinutes half-life of a slot's mean, in minutes of that slot
     * @param globalHalfLifeMinutes half-life of the global mean, in observed minutes
     * @param slotTrustMinutes minutes a slot must have seen before the global mean is ignored
     * @param warmUpMinutes observed minutes before {@link #isWarm()}
     * @param priorFloorPerMinute the least expected value tests use until warm
     * @param winsorSqrtFactor k in the cap {@code expected + k·sqrt(expected) + offset}
     * @param winsorOffset offset in that cap
     */
    public record Settings(
            double slotHalfLifeMinutes,
            double globalHalfLifeMinutes,
            int slotTrustMinutes,
            long warmUpMinutes,
            double priorFloorPerMinute,
            double winsorSqrtFactor,
            double winsorOffset)
            implements Serializable {

        public static final Settings DEFAULTS =
                new Settings(
                        DEFAULT_SLOT_HALF_LIFE_MINUTES,
                        DEFAULT_GLOBAL_HALF_LIFE_MINUTES,
                        DEFAULT_SLOT_TRUST_MINUTES,
                        DEFAULT_WARM_UP_MINUTES,
                        DEFAULT_PRIOR_FLOOR_PER_MINUTE,
                        DEFAULT_WINSOR_SQRT_FACTOR,
                        DEFAULT_WINSOR_OFFSET);

        public Settings {
            Require.positive(slotHalfLifeMinutes, "slotHalfLifeMinutes");
            Require.positive(globalHalfLifeMinutes, "globalHalfLifeMinutes");
            Require.positive(slotTrustMinutes, "slotTrustMinutes");
            Require.nonNegative(warmUpMinutes, "warmUpMinutes");
            Require.nonNegative(priorFloorPerMinute, "priorFloorPerMinute");
            Require.nonNegative(winsorSqrtFactor, "winsorSqrtFactor");
            Require.positive(winsorOffset, "winsorOffset");
        }
    }

    private final Settings settings;
    private final double[] slotSums;
    private final int[] slotMinutes;
    private double globalSum;
    private long observedMinutes;

    /** A baseline that has learned nothing yet. */
    public SeasonalRateBaseline(Settings settings) {
        this(settings, SeasonalRates.EMPTY);
    }

    /** A baseline that goes on from what {@code learned} holds. */
    public SeasonalRateBaseline(Settings settings, SeasonalRates learned) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(learned, "learned");
        this.slotSums = learned.allSlotSums();
        this.slotMinutes = learned.allSlotMinutes();
        this.globalSum = learned.globalSum();
        this.observedMinutes = learned.observedMinutes();
    }

    public Settings settings() {
        return settings;
    }

    /** What the baseline has learned so far, to keep in state. */
    public SeasonalRates rates() {
        return SeasonalRates.pack(slotSums, slotMinutes, globalSum, observedMinutes);
    }

    /**
     * The complaints per minute tests should expect at {@code minute}: the learned mean, and until
     * warm at least {@link Settings#priorFloorPerMinute()}.
     */
    public double expectedPerMinute(Instant minute) {
        double learned = learnedPerMinute(minute);
        return isWarm() ? learned : Math.max(learned, settings.priorFloorPerMinute());
    }

    /** The learned mean at {@code minute} without the warm-up floor; 0 before any observation. */
    public double learnedPerMinute(Instant minute) {
        if (observedMinutes == 0) {
            return 0.0;
        }
        int slot = slotOf(minute);
        double global = globalSum / weight(globalDecay(), observedMinutes);
        double trust =
                Math.min(slotMinutes[slot], settings.slotTrustMinutes())
                        / (double) settings.slotTrustMinutes();
        if (trust == 0) {
            return global;
        }
        double local = slotSums[slot] / weight(slotDecay(), slotMinutes[slot]);
        return trust * local + (1 - trust) * global;
    }

    public boolean isWarm() {
        return observedMinutes >= settings.warmUpMinutes();
    }

    /** Minutes learned from, quiet ones included and incident ones not. */
    public long observedMinutes() {
        return observedMinutes;
    }

    /**
     * Learns the complaint count of one minute. Once warm, minutes during an incident are skipped;
     * every learned minute is capped at {@code expected + k·sqrt(expected) + offset}, so a spike
     * the detector has not yet confirmed moves the mean by at most a few standard deviations' worth
     * of one minute.
     *
     * <p>Before warm the incident flag is ignored: the baseline cannot yet tell an incident from
     * its own ignorance, and skipping would deadlock, since a busy service started against the
     * prior floor would look anomalous every minute and never be learned. The cap still applies, so
     * a job started mid-outage absorbs it only gradually; that is the price of not storming.
     *
     * @param duringIncident an incident is open, or this minute was itself judged anomalous: pass
     *     true for both, or the minutes before confirmation are learned (if capped)
     */
    public void observe(Instant minute, long count, boolean duringIncident) {
        Objects.requireNonNull(minute, "minute");
        Require.nonNegative(count, "count");
        if (duringIncident && isWarm()) {
            return;
        }
        double expected = expectedPerMinute(minute);
        double cap =
                expected
                        + settings.winsorSqrtFactor() * Math.sqrt(expected)
                        + settings.winsorOffset();
        double value = Math.min(count, cap);
        int slot = slotOf(minute);
        double slotDecay = slotDecay();
        slotSums[slot] = slotDecay * slotSums[slot] + (1 - slotDecay) * value;
        slotMinutes[slot] = saturatedInt((long) slotMinutes[slot] + 1);
        double globalDecay = globalDecay();
        globalSum = globalDecay * globalSum + (1 - globalDecay) * value;
        observedMinutes = saturatedAdd(observedMinutes, 1);
    }

    /**
     * Learns that every minute starting in {@code [from, toExclusive)} had no complaints, exactly
     * as that many {@code observe(minute, 0, false)} calls would, but in at most {@link #SLOTS} + 1
     * steps however long the gap: a zero is never capped, and zeros only decay a sum, which is a
     * power of the decay factor.
     */
    public void observeQuiet(Instant from, Instant toExclusive) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(toExclusive, "toExclusive");
        long first = ceilEpochMinute(from);
        long minutes = ceilEpochMinute(toExclusive) - first;
        if (minutes <= 0) {
            return;
        }
        long[] zerosPerSlot = new long[SLOTS];
        long wholeWeeks = minutes / MINUTES_PER_WEEK;
        if (wholeWeeks > 0) {
            Arrays.fill(zerosPerSlot, wholeWeeks * MINUTES_PER_HOUR);
        }
        long epochMinute = first;
        long remaining = minutes % MINUTES_PER_WEEK;
        while (remaining > 0) {
            long take =
                    Math.min(
                            remaining,
                            MINUTES_PER_HOUR - Math.floorMod(epochMinute, MINUTES_PER_HOUR));
            zerosPerSlot[slotOfEpochMinute(epochMinute)] += take;
            epochMinute += take;
            remaining -= take;
        }
        double slotDecay = slotDecay();
        for (int slot = 0; slot < SLOTS; slot++) {
            if (zerosPerSlot[slot] > 0) {
                slotSums[slot] *= Math.pow(slotDecay, zerosPerSlot[slot]);
                slotMinutes[slot] = saturatedInt(slotMinutes[slot] + zerosPerSlot[slot]);
            }
        }
        globalSum *= Math.pow(globalDecay(), minutes);
        observedMinutes = saturatedAdd(observedMinutes, minutes);
    }

    /** The slot of the UTC hour of the week containing {@code instant}; Monday 00:00 is 0. */
    static int slotOf(Instant instant) {
        return slotOfEpochMinute(Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_MINUTE));
    }

    private static int slotOfEpochMinute(long epochMinute) {
        long epochHour = Math.floorDiv(epochMinute, MINUTES_PER_HOUR);
        return (int) Math.floorMod(epochHour + EPOCH_HOUR_TO_MONDAY, SLOTS);
    }

    private static long ceilEpochMinute(Instant instant) {
        long seconds = instant.getEpochSecond();
        long floor = Math.floorDiv(seconds, SECONDS_PER_MINUTE);
        boolean aligned = Math.floorMod(seconds, SECONDS_PER_MINUTE) == 0 && instant.getNano() == 0;
        return aligned ? floor : floor + 1;
    }

    private double slotDecay() {
        return HalfLife.decayPerStep(settings.slotHalfLifeMinutes());
    }

    private double globalDecay() {
        return HalfLife.decayPerStep(settings.globalHalfLifeMinutes());
    }

    /** The total weight n observations carry in a decayed sum that started at zero. */
    private static double weight(double decay, long observations) {
        return 1 - Math.pow(decay, observations);
    }

    private static int saturatedInt(long value) {
        return (int) Math.min(Integer.MAX_VALUE, value);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < a ? Long.MAX_VALUE : sum;
    }
}
