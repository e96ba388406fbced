package io.outagewatch.detection.incident;

import io.outagewatch.detection.baseline.CountTailTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Where a complaint-led incident really ended. People keep complaining for a while after a fix, so
 * the minute complaints fall back to their baseline is late by the length of that tail. What the
 * fix does change is the shape: complaints stop holding their level and start to decay. This finds
 * that change point in the incident's recent minutes of complaints above baseline.
 *
 * <p>The model is a level, then an exponential decay from it: for each candidate minute d and decay
 * time τ, minutes before d are expected at L (their mean) and minute i ≥ d at the mean of
 * L·exp(−t/τ) over that minute; the (d, τ) under which the counts are most likely as Poisson counts
 * wins, and the fix is placed at the start of minute d. Using every minute of the tail, not the
 * first one under a threshold, keeps one noisy minute from moving it. Pure functions; the tracker
 * keeps the minutes in its state.
 */
final class ComplaintDecay {

    /** Minutes kept: the level before a fix and a tail of up to half an hour after it. */
    static final int MAX_MINUTES = 40;

    /** A level needs this many minutes before the change point. */
    static final int MIN_LEVEL_MINUTES = 3;

    /**
     * An expectation is never read below this, so a stray complaint is unlikely, not impossible.
     */
    private static final double MIN_EXPECTED = 0.05;

    /** Decay times tried, in minutes: from a cliff to a tail of an hour and more. */
    private static final double[] DECAY_MINUTES = {0.1, 0.5, 1, 2, 4, 8, 16, 32};

    private ComplaintDecay() {}

    /**
     * The start of the first minute of the decay, or null when the minutes show no level followed
     * by a decline.
     *
     * @param excess complaints above the baseline, one per consecutive minute, oldest first
     * @param firstMinute start of the minute of {@code excess.get(0)}
     */
    static Instant decayStart(List<Double> excess, Instant firstMinute) {
        int n = excess.size();
        double bestCost = Double.POSITIVE_INFINITY;
        int bestStart = -1;
        double[] prefixSum = new double[n + 1];
        for (int i = 0; i < n; i++) {
            prefixSum[i + 1] = prefixSum[i] + excess.get(i);
        }
        for (int start = MIN_LEVEL_MINUTES; start < n; start++) {
            double level = prefixSum[start] / start;
            if (level <= 0) {
                continue;
            }
            double levelCost = 0;
            for (int i = 0; i < start; i++) {
                levelCost += poissonCost(excess.get(i), level);
            }
            for (double decayMinutes : DECAY_MINUTES) {
                double cost = levelCost;
                for (int i = start; i < n && cost < bestCost; i++) {
                    cost +=
                            poissonCost(
                                    excess.get(i), level * minuteShare(i - start, decayMinutes));
                }
                if (cost < bestCost) {
                    bestCost = cost;
                    bestStart = start;
                }
            }
        }
        return bestStart < 0 ? null : firstMinute.plus(Duration.ofMinutes(bestStart));
    }

    /** The mean over minute {@code k} after the start of a decay, as a share of the level. */
    private static double minuteShare(int k, double decayMinutes) {
        return decayMinutes * (Math.exp(-k / decayMinutes) - Math.exp(-(k + 1) / decayMinutes));
    }

    /**
     * Half the Poisson deviance of {@code observed} complaints at {@code expected}: minus the
     * log-likelihood less its best possible value, so never negative. Counts are Poisson, so a
     * quiet minute's noise weighs as much as a loud one's.
     */
    private static double poissonCost(double observed, double expected) {
        return CountTailTest.halfPoissonDeviance(observed, Math.max(expected, MIN_EXPECTED));
    }
}
