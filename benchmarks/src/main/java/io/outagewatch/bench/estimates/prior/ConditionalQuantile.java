package io.outagewatch.bench.estimates.prior;

import io.outagewatch.detection.duration.LogNormalTail;

/**
 * Quantiles of a log-normal duration given that the outage has already lasted a while.
 *
 * <p>The q-quantile of T given T &gt; e is {@code F⁻¹(F(e) + q·(1 − F(e)))}, i.e. the t with {@code
 * S(t) = (1 − q)·S(e)} for the survival function S = 1 − F. It is solved in that second form, on
 * log S ({@link LogNormalTail#logSurvival}) and by bisection, because once an outage runs far past
 * its usual length F(e) rounds to 1 and the first form returns infinity. Bisection over a bracket
 * that does not depend on e also keeps the answer monotone in e, which the estimates promise.
 */
final class ConditionalQuantile {

    /** A z so far below the median that S is 1 to double precision, whatever the quantile. */
    private static final double Z_FLOOR = -40;

    /** Enough halvings to narrow any bracket met here down to adjacent doubles. */
    private static final int BISECTIONS = 100;

    private ConditionalQuantile() {}

    /**
     * The {@code q}-quantile in seconds of a duration drawn from {@code model} and known to exceed
     * {@code elapsedSeconds} (0 for none), or {@code capSeconds} if that quantile lies beyond it.
     */
    static double seconds(LogNormalFit model, double q, double elapsedSeconds, double capSeconds) {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("q must lie strictly between 0 and 1, got " + q);
        }
        double zCap = model.standardScore(capSeconds);
        double zElapsed =
                elapsedSeconds > 0 ? model.standardScore(elapsedSeconds) : Double.NEGATIVE_INFINITY;
        double target = Math.log1p(-q) + LogNormalTail.logSurvival(zElapsed);
        if (LogNormalTail.logSurvival(zCap) >= target) {
            return capSeconds;
        }
        double below = Z_FLOOR;
        double above = zCap;
        for (int i = 0; i < BISECTIONS; i++) {
            double middle = 0.5 * (below + above);
            if (LogNormalTail.logSurvival(middle) > target) {
                below = middle;
            } else {
                above = middle;
            }
        }
        return model.seconds(above);
    }
}
