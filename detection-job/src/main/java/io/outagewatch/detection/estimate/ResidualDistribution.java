package io.outagewatch.detection.estimate;

import io.outagewatch.detection.duration.LogNormalTail;
import java.io.Serializable;
import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * The shape of a model's standardised log-duration residuals: their empirical distribution,
 * smoothed by a normal kernel so that its survival function is continuous and has a tail past the
 * largest residual seen.
 *
 * <p>Empirical rather than normal because incident durations are not log-normal: their residuals
 * are skewed, and a normal shape put the 10–90 % interval of the time remaining in the wrong place
 * once an incident had outlasted its median. The log survival function is tabulated once on a grid
 * ({@link #GRID_LOW} to {@link #GRID_HIGH}) and evaluated exactly outside it, so a quantile costs a
 * binary search.
 */
final class ResidualDistribution implements Serializable {

    /** Kernel centres: this many evenly spaced quantiles of the residuals. */
    static final int CENTRES = 200;

    static final double GRID_LOW = -8;
    static final double GRID_HIGH = 8;
    static final double GRID_STEP = 1.0 / 32;

    /** Silverman's rule of thumb for a normal kernel: 0.9 · min(sd, IQR / 1.34) · n^(−1/5). */
    private static final double SILVERMAN_FACTOR = 0.9;

    private static final double IQR_PER_SD = 1.34;
    private static final double BANDWIDTH_EXPONENT = -0.2;

    /** Enough halvings to narrow any bracket met here to far below a second of duration. */
    private static final int BISECTIONS = 60;

    private static final long serialVersionUID = 1L;

    private final double[] centres;
    private final double bandwidth;
    private final double[] gridLogSurvival;

    private ResidualDistribution(double[] centres, double bandwidth) {
        this.centres = centres;
        this.bandwidth = bandwidth;
        int points = (int) Math.round((GRID_HIGH - GRID_LOW) / GRID_STEP) + 1;
        this.gridLogSurvival = new double[points];
        for (int i = 0; i < points; i++) {
            gridLogSurvival[i] = exactLogSurvival(GRID_LOW + i * GRID_STEP);
        }
    }

    /** The smoothed distribution of {@code residuals}, standardised (unit standard deviation). */
    static ResidualDistribution of(double[] residuals) {
        if (residuals.length < 2) {
            throw new IllegalArgumentException(
                    "need at least 2 residuals, got " + residuals.length);
        }
        double[] sorted = residuals.clone();
        Arrays.sort(sorted);
        double[] centres = new double[CENTRES];
        for (int i = 0; i < CENTRES; i++) {
            centres[i] = quantileOfSorted(sorted, (i + 0.5) / CENTRES);
        }
        double spread =
                Math.min(
                        new StandardDeviation(false).evaluate(sorted),
                        (quantileOfSorted(sorted, 0.75) - quantileOfSorted(sorted, 0.25))
                                / IQR_PER_SD);
        double bandwidth = SILVERMAN_FACTOR * spread * Math.pow(sorted.length, BANDWIDTH_EXPONENT);
        if (!(bandwidth > 0)) {
            throw new IllegalArgumentException("residuals have no spread");
        }
        return new ResidualDistribution(centres, bandwidth);
    }

    /** Natural log of P(Z > z). */
    double logSurvival(double z) {
        if (z == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        double position = (z - GRID_LOW) / GRID_STEP;
        if (position < 0 || position > gridLogSurvival.length - 1) {
            return exactLogSurvival(z);
        }
        int below = Math.min((int) position, gridLogSurvival.length - 2);
        double fraction = position - below;
        return gridLogSurvival[below] * (1 - fraction) + gridLogSurvival[below + 1] * fraction;
    }

    /**
     * The {@code q}-quantile of Z given Z &gt; {@code zElapsed} ({@code -∞} for none): the z with
     * S(z) = (1 − q) · S(zElapsed), solved on log S so that it holds far in the tail.
     */
    double conditionalQuantile(double q, double zElapsed) {
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("q must lie strictly between 0 and 1, got " + q);
        }
        double target = Math.log1p(-q) + logSurvival(zElapsed);
        int last = gridLogSurvival.length - 1;
        if (target > gridLogSurvival[0]) {
            return bisect(target, GRID_LOW - 1, GRID_LOW);
        }
        if (target < gridLogSurvival[last]) {
            return bisect(target, GRID_HIGH, GRID_HIGH + 1);
        }
        // The last grid index whose log survival is still at or above the target.
        int low = 0;
        int high = last;
        while (high - low > 1) {
            int middle = (low + high) >>> 1;
            if (gridLogSurvival[middle] >= target) {
                low = middle;
            } else {
                high = middle;
            }
        }
        double drop = gridLogSurvival[low] - gridLogSurvival[high];
        double fraction = drop > 0 ? (gridLogSurvival[low] - target) / drop : 0;
        return GRID_LOW + (low + fraction) * GRID_STEP;
    }

    /** Bisects for log S(z) = target, first widening [low, high] until it brackets the root. */
    private double bisect(double target, double low, double high) {
        double width = high - low;
        while (exactLogSurvival(low) < target) {
            width *= 2;
            low -= width;
        }
        while (exactLogSurvival(high) > target) {
            width *= 2;
            high += width;
        }
        for (int i = 0; i < BISECTIONS; i++) {
            double middle = 0.5 * (low + high);
            if (exactLogSurvival(middle) > target) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return 0.5 * (low + high);
    }

    /** log of the mean over kernels of P(N(centre, bandwidth²) > z), summed in log space. */
    private double exactLogSurvival(double z) {
        double[] logs = new double[centres.length];
        double largest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < centres.length; i++) {
            logs[i] = LogNormalTail.logSurvival((z - centres[i]) / bandwidth);
            largest = Math.max(largest, logs[i]);
        }
        double sum = 0;
        for (double log : logs) {
            sum += Math.exp(log - largest);
        }
        return largest + Math.log(sum / centres.length);
    }

    private static double quantileOfSorted(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] * (1 - fraction) + sorted[above] * fraction;
    }
}
