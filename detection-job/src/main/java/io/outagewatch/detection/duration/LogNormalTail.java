package io.outagewatch.detection.duration;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Quantiles of a log-normal duration given that the outage has already lasted a while.
 *
 * <p>The q-quantile of T given T &gt; e is {@code F⁻¹(F(e) + q·(1 − F(e)))}, i.e. the t with {@code
 * S(t) = (1 − q)·S(e)} for the survival function S = 1 − F. It is solved in that second form, on
 * log S and by bisection, because once an outage runs far past its usual length F(e) rounds to 1
 * and the first form returns infinity. Bisection over a bracket that does not depend on e also
 * keeps the answer monotone in e, which the alerts promise.
 */
public final class LogNormalTail {

    // A null generator: only the CDF is used, and the default generator seeds from the clock.
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    /** Above this z, erfc nears underflow, so the asymptotic series for log S takes over. */
    private static final double ASYMPTOTIC_FROM = 30;

    /** A z so far below the median that S is 1 to double precision, whatever the quantile. */
    private static final double Z_FLOOR = -40;

    /** Enough halvings to narrow any bracket met here down to adjacent doubles. */
    private static final int BISECTIONS = 100;

    private static final double LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private LogNormalTail() {}

    /**
     * The {@code q}-quantile in seconds of a duration drawn from {@code model} and known to exceed
     * {@code elapsedSeconds} (0 for none), or {@code capSeconds} if that quantile lies beyond it.
     */
    static double conditionalQuantileSeconds(
            LogNormalFit model, double q, double elapsedSeconds, double capSeconds) {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("q must lie strictly between 0 and 1, got " + q);
        }
        double zCap = model.standardScore(capSeconds);
        double zElapsed =
                elapsedSeconds > 0 ? model.standardScore(elapsedSeconds) : Double.NEGATIVE_INFINITY;
        double target = Math.log1p(-q) + logSurvival(zElapsed);
        if (logSurvival(zCap) >= target) {
            return capSeconds;
        }
        double below = Z_FLOOR;
        double above = zCap;
        for (int i = 0; i < BISECTIONS; i++) {
            double middle = 0.5 * (below + above);
            if (logSurvival(middle) > target) {
                below = middle;
            } else {
                above = middle;
            }
        }
        return model.seconds(above);
    }

    /** Natural log of the standard normal survival function, accurate far into the upper tail. */
    public static double logSurvival(double z) {
        if (z < ASYMPTOTIC_FROM) {
            return Math.log(STANDARD_NORMAL.cumulativeProbability(-z));
        }
        // log(φ(z)/z · (1 − 1/z² + 3/z⁴ − 15/z⁶)); at z ≥ 30 the next term is below 2e-10.
        double inverseSquare = 1 / (z * z);
        double series = inverseSquare * (-1 + inverseSquare * (3 - 15 * inverseSquare));
        return -0.5 * z * z - Math.log(z) - LOG_SQRT_TWO_PI + Math.log1p(series);
    }
}
