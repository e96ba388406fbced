package io.outagewatch.detection.estimate;

import java.io.Serializable;
import java.util.Collection;
import java.util.Map;

/**
 * A predicted log duration: the intercept plus the coefficient of every present feature. Features
 * the fit never saw count zero.
 *
 * @param intercept the prediction with no features present, in log seconds
 * @param coefficients what each feature adds, in log seconds
 */
record LinearPredictor(double intercept, Map<String, Double> coefficients) implements Serializable {

    LinearPredictor {
        coefficients = Map.copyOf(coefficients);
    }

    double predict(Collection<String> features) {
        double prediction = intercept;
        for (String feature : features) {
            prediction += coefficients.getOrDefault(feature, 0.0);
        }
        return prediction;
    }
}
