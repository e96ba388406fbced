package io.outagewatch.detection.baseline;

import java.io.Serializable;

/**
 * When the complaints of the last few minutes, pooled, are anomalous: the distinct authors who
 * complained in the pool against the seasonal expectation summed over the same minutes. It sees an
 * outage of a service whose users are few or asleep, who post one to three complaints a minute,
 * never the eight a minute {@link ReportAnomalyRule} needs.
 *
 * <p>Authors are counted once over the whole pool, not once a minute: one account posting every
 * minute is one author, however long it goes on. Like the per-minute rule it asks for a least
 * number of people, a least multiple of the expectation and a least negative-binomial score ({@link
 * CountTailTest}), each covering a blind spot of the others. The score treats the pool's total as
 * one negative-binomial count with the per-minute rule's overdispersion, as if the whole pool
 * shared one rate shock; independent minutes would spread the total less, so this is the cautious
 * side.
 *
 * @param poolMinutes the minutes pooled: the minute being decided and those just before it
 * @param minCount distinct authors the pool needs at least
 * @param minScore least −log10 p-value of the pool's distinct authors under {@link CountTailTest}
 * @param minRatio least multiple of the expectation summed over the pool
 * @param overdispersion φ of the negative binomial the score uses
 */
public record PooledComplaintRule(
        int poolMinutes, int minCount, double minScore, double minRatio, double overdispersion)
        implements Serializable {

    /**
     * Ten minutes: at one complaint a minute a pool gathers ten people, enough for the least count,
     * and the onset it finds lies within it, so the incident is backdated at most nine minutes.
     * Five would gather too few people at one a minute; fifteen would keep more in state and let
     * the quiet minutes before an onset water the pool down.
     */
    public static final int DEFAULT_POOL_MINUTES = 10;

    /** As many people as the per-minute rule asks of one minute. */
    public static final int DEFAULT_MIN_COUNT = 8;

    /**
     * p ≤ 1e-6 per pool: tested every minute, at most 1.4e-3 false alarms a day per service if the
     * baseline is right (pools overlap, so fewer), and confirmation wants two such minutes.
     */
    public static final double DEFAULT_MIN_SCORE = 6.0;

    public static final double DEFAULT_MIN_RATIO = 4.0;

    public static final PooledComplaintRule DEFAULTS =
            new PooledComplaintRule(
                    DEFAULT_POOL_MINUTES,
                    DEFAULT_MIN_COUNT,
                    DEFAULT_MIN_SCORE,
                    DEFAULT_MIN_RATIO,
                    ReportAnomalyRule.DEFAULT_OVERDISPERSION);

    private static final long serialVersionUID = 1L;

    /**
     * An expectation is never read below this, so a stray complaint is unlikely, not impossible.
     */
    private static final double MIN_EXPECTED = 0.01;

    public PooledComplaintRule {
        if (poolMinutes < 1) {
            throw new IllegalArgumentException(
                    "poolMinutes must be at least 1, got " + poolMinutes);
        }
        Require.nonNegative(minCount, "minCount");
        Require.nonNegative(minScore, "minScore");
        Require.nonNegative(minRatio, "minRatio");
        Require.nonNegative(overdispersion, "overdispersion");
    }

    /** The rule with the default overdispersion. */
    public PooledComplaintRule(int poolMinutes, int minCount, double minScore, double minRatio) {
        this(poolMinutes, minCount, minScore, minRatio, ReportAnomalyRule.DEFAULT_OVERDISPERSION);
    }

    /**
     * @param distinctAuthors authors who complained in the pool, each counted once
     * @param expectedTotal complaints expected over the pool's minutes, summed
     */
    public boolean isAnomalous(long distinctAuthors, double expectedTotal) {
        return distinctAuthors >= minCount
                && distinctAuthors >= minRatio * expectedTotal
                && score(distinctAuthors, expectedTotal) >= minScore;
    }

    /** −log10 of the upper-tail p-value of the pool's distinct authors. */
    public double score(long distinctAuthors, double expectedTotal) {
        return CountTailTest.score(distinctAuthors, expectedTotal, overdispersion);
    }

    /**
     * Whether a pool could be anomalous at all when a minute is expected to bring {@code
     * expectedPerMinute} complaints and each minute's sample holds at most {@code samplePerMinute}
     * authors: if not, the pool's authors need not be kept. A busy service in the day needs more
     * authors than a pool of samples can hold, and its outages are the per-minute rule's.
     */
    public boolean canFire(double expectedPerMinute, int samplePerMinute) {
        return minRatio * expectedPerMinute <= samplePerMinute;
    }

    /**
     * The index of the first minute of the pool's excess: the change point under which the pool's
     * counts are most likely as Poisson counts, the minutes before it at their expectation and
     * those from it at one raised level (their mean), moved on to the first minute with a
     * complaint. A stray complaint a few minutes before an outage's first ones stays before the
     * change point: a raised level over the quiet minutes between would expect complaints there.
     *
     * @param complaints distinct complaining authors of each minute of the pool, oldest first
     * @param expected complaints expected in each of those minutes
     */
    public static int excessStart(int[] complaints, double[] expected) {
        int n = complaints.length;
        if (expected.length != n) {
            throw new IllegalArgumentException("one expectation per minute");
        }
        double[] suffixSum = new double[n + 1];
        for (int i = n - 1; i >= 0; i--) {
            suffixSum[i] = suffixSum[i + 1] + complaints[i];
        }
        double baseCost = 0;
        double bestCost = Double.POSITIVE_INFINITY;
        int best = n - 1;
        for (int start = 0; start < n; start++) {
            double level = suffixSum[start] / (n - start);
            double cost = baseCost;
            for (int i = start; i < n; i++) {
                cost += poissonCost(complaints[i], level);
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = start;
            }
            baseCost += poissonCost(complaints[start], expected[start]);
        }
        while (best < n - 1 && complaints[best] == 0) {
            best++;
        }
        return best;
    }

    /** Half the Poisson deviance of {@code observed} at {@code expected}; never negative. */
    private static double poissonCost(double observed, double expected) {
        return CountTailTest.halfPoissonDeviance(observed, Math.max(expected, MIN_EXPECTED));
    }
}
