package io.outagewatch.detection.baseline;

import java.io.Serializable;

/**
 * When a minute's complaint count is anomalous against its expected value: it must be large in
 * absolute terms, as a multiple, and as improbable all at once.
 *
 * <p>Each condition covers a blind spot of the others: the score alone fires on a handful of
 * complaints against a near-zero expectation, too few people to page anyone for; the ratio alone
 * fires on 2 complaints against 0.4; count and score without the ratio fire on busy minutes that
 * are improbable only because the expected value is slightly off.
 *
 * @param minCount complaints a minute needs at least
 * @param minScore least −log10 p-value under {@link CountTailTest}
 * @param minRatio least multiple of the expected value
 * @param overdispersion φ of the negative binomial the score uses
 */
public record ReportAnomalyRule(
        int minCount, double minScore, double minRatio, double overdispersion)
        implements Serializable {

    public static final int DEFAULT_MIN_COUNT = 8;
    public static final double DEFAULT_MIN_SCORE = 6.0;
    public static final double DEFAULT_MIN_RATIO = 4.0;

    /**
     * Variance {@code μ + 0.3·μ²}: at 20 complaints a minute the standard deviation is about 12
     * rather than the Poisson's 4.5, the spread seen in human reporting.
     */
    public static final double DEFAULT_OVERDISPERSION = 0.3;

    public static final ReportAnomalyRule DEFAULTS =
            new ReportAnomalyRule(
                    DEFAULT_MIN_COUNT,
                    DEFAULT_MIN_SCORE,
                    DEFAULT_MIN_RATIO,
                    DEFAULT_OVERDISPERSION);

    private static final long serialVersionUID = 1L;

    public ReportAnomalyRule {
        Require.nonNegative(minCount, "minCount");
        Require.nonNegative(minScore, "minScore");
        Require.nonNegative(minRatio, "minRatio");
        Require.nonNegative(overdispersion, "overdispersion");
    }

    /** The rule with the default overdispersion. */
    public ReportAnomalyRule(int minCount, double minScore, double minRatio) {
        this(minCount, minScore, minRatio, DEFAULT_OVERDISPERSION);
    }

    public boolean isAnomalous(long observed, double expected) {
        return observed >= minCount
                && observed >= minRatio * expected
                && score(observed, expected) >= minScore;
    }

    /** The evidence figure behind {@link #isAnomalous}: −log10 of the upper-tail p-value. */
    public double score(long observed, double expected) {
        return CountTailTest.score(observed, expected, overdispersion);
    }
}
