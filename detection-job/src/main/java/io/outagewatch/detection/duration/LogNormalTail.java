package io.outagewatch.detection.duration;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The upper tail of the normal distribution on a log scale, for log-normal durations: the survival
 * of a duration whose log lies z standard deviations above the mean.
 *
 * <p>{@code log(1 − Φ(z))} computed directly rounds to log 0 once z passes about 38, long before an
 * outage that runs far past its usual length stops mattering; past {@link #ASYMPTOTIC_FROM} the
 * asymptotic series takes over, so the log survival stays finite and decreasing.
 */
public final class LogNormalTail {

    // A null generator: only the CDF is used, and the default generator seeds from the clock.
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    /** Above this z, erfc nears underflow, so the asymptotic series for log S takes over. */
    private static final double ASYMPTOTIC_FROM = 30;

    private static final double LOG_SQRT_TWO_PI = 0.5 * Math.log(2 * Math.PI);

    private LogNormalTail() {}

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
