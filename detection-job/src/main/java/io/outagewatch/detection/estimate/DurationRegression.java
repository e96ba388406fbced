package io.outagewatch.detection.estimate;

import java.io.Serializable;
import java.util.Collection;

/**
 * Log duration from the status page's first post to the resolution, as predicted for an incident of
 * its kind: {@code predictor + the service's offset + scale · Z}, with Z drawn from {@code
 * residuals}.
 *
 * @param predictor the log duration of an incident of its kind, in log seconds
 * @param sigma the residuals' standard deviation within a service, in log seconds
 * @param shrinkWeight how many incidents of a service's own the kind's prediction is worth: σ² over
 *     the variance of services' offsets, as estimated in the fit
 * @param residuals the residuals' shape, standardised
 */
record DurationRegression(
        LinearPredictor predictor,
        double sigma,
        double shrinkWeight,
        ResidualDistribution residuals)
        implements Serializable {

    /**
     * How many incidents at the kind's own spread a service's spread starts from; a service's own
     * scatter outweighs it after about as many incidents.
     */
    static final double SCALE_WEIGHT = 10;

    DurationRegression {
        requirePositive("sigma", sigma);
        requirePositive("shrinkWeight", shrinkWeight);
    }

    double predict(Collection<String> features) {
        return predictor.predict(features);
    }

    /** The offset and scale of a service whose residuals are {@code stats}. */
    ResidualStats.Shrunk forService(ResidualStats stats) {
        return stats.shrink(sigma, shrinkWeight, SCALE_WEIGHT);
    }

    static void requirePositive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
    }
}
