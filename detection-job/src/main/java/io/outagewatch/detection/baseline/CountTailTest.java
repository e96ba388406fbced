package io.outagewatch.detection.baseline;

import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.special.Gamma;

/**
 * Upper-tail test of a count against its expected value under a negative binomial.
 *
 * <p>Why negative binomial: complaints come from people who react to the same news, posts and
 * moods, so their per-minute counts vary more than a Poisson allows (variance above the mean). A
 * Poisson test would call ordinary busy minutes wildly improbable. The negative binomial is the
 * Poisson whose rate is itself Gamma-distributed, with variance {@code μ + φ·μ²} for overdispersion
 * φ; at φ = 0 it is the Poisson.
 *
 * <p>Both tails are computed directly as regularized incomplete beta or gamma functions, never as
 * {@code 1 - cdf}, so p-values far below 1e-16 stay accurate up to the score cap.
 */
public final class CountTailTest {

    /** Scores are capped here: beyond 1e-50 the model, not the data, decides the number. */
    public static final double MAX_SCORE = 50.0;

    private CountTailTest() {}

    /**
     * P(X ≥ observed) for X negative binomial with mean {@code expected} and variance {@code
     * expected + overdispersion·expected²}; Poisson when overdispersion is 0. An expected value of
     * 0 makes any positive count impossible (p = 0), which {@link #score} caps.
     */
    public static double upperTailPValue(long observed, double expected, double overdispersion) {
        Require.nonNegative(expected, "expected");
        Require.nonNegative(overdispersion, "overdispersion");
        if (observed <= 0) {
            return 1.0;
        }
        if (expected == 0) {
            return 0.0;
        }
        if (overdispersion == 0) {
            // P(X >= k) for Poisson(mu) is the lower regularized gamma P(k, mu).
            return Gamma.regularizedGammaP(observed, expected);
        }
        // Gamma-Poisson mixture with shape r = 1/phi: P(X >= k) = I_q(k, r), q = mu / (r + mu).
        double shape = 1.0 / overdispersion;
        double q = expected / (shape + expected);
        return Beta.regularizedBeta(q, observed, shape);
    }

    /** −log10 of {@link #upperTailPValue}, in [0, {@link #MAX_SCORE}]. */
    public static double score(long observed, double expected, double overdispersion) {
        double p = upperTailPValue(observed, expected, overdispersion);
        if (p <= 0) {
            return MAX_SCORE;
        }
        return Math.min(MAX_SCORE, Math.max(0.0, -Math.log10(p)));
    }

    /**
     * Half the Poisson deviance of {@code observed} at {@code mean}: minus the log-likelihood less
     * its best possible value, so never negative; the cost change-point fits minimise.
     *
     * @param mean the expected count, above zero (callers floor it)
     */
    public static double halfPoissonDeviance(double observed, double mean) {
        double cost = mean - observed;
        if (observed > 0) {
            cost += observed * Math.log(observed / mean);
        }
        return cost;
    }
}
