package io.outagewatch.detection.estimate;

/**
 * Sufficient statistics of one service's log-duration residuals (actual − the model's prediction
 * for an incident of its kind), each older incident weighted down by {@link #MEMORY} per newer one.
 * The weights sum to less than {@code 1 / (1 − MEMORY)}, so old incidents fade as a service
 * changes, and the state never grows.
 *
 * @param weight the decayed number of incidents
 * @param sum the decayed sum of residuals
 * @param squares the decayed sum of squared residuals
 */
public record ResidualStats(double weight, double sum, double squares) {

    /**
     * What each incident's weight keeps per newer incident of the same service: the last hundred or
     * so count.
     */
    public static final double MEMORY = 0.99;

    private static final ResidualStats NONE = new ResidualStats(0, 0, 0);

    public ResidualStats {
        if (!(weight >= 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("weight must be finite and >= 0, got " + weight);
        }
        if (!Double.isFinite(sum)) {
            throw new IllegalArgumentException("sum must be finite, got " + sum);
        }
        if (!(squares >= 0) || !Double.isFinite(squares)) {
            throw new IllegalArgumentException("squares must be finite and >= 0, got " + squares);
        }
    }

    public static ResidualStats none() {
        return NONE;
    }

    /** These statistics with {@code residual} added as the newest. */
    public ResidualStats plus(double residual) {
        if (!Double.isFinite(residual)) {
            throw new IllegalArgumentException("residual must be finite, got " + residual);
        }
        return new ResidualStats(
                MEMORY * weight + 1,
                MEMORY * sum + residual,
                MEMORY * squares + residual * residual);
    }

    /**
     * The service's offset from its kind and the spread to use around it, each shrunk toward the
     * prior: the offset is the residuals' sum over {@code weight + shrinkWeight} (the posterior
     * mean when services' offsets scatter with variance σ² / shrinkWeight); the spread pools {@code
     * scaleWeight} pseudo-incidents at σ with the residuals' own scatter about the offset, and adds
     * the offset's remaining uncertainty, σ² / (weight + shrinkWeight).
     */
    Shrunk shrink(double sigma, double shrinkWeight, double scaleWeight) {
        double offset = sum / (weight + shrinkWeight);
        double scatter = Math.max(0, squares - 2 * offset * sum + offset * offset * weight);
        double variance =
                (scaleWeight * sigma * sigma + scatter) / (scaleWeight + weight)
                        + sigma * sigma / (weight + shrinkWeight);
        return new Shrunk(offset, Math.sqrt(variance));
    }

    /** A service's offset from its kind and the scale of its log durations, in log seconds. */
    record Shrunk(double offset, double scale) {}
}
