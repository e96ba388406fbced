package io.outagewatch.bench.estimates;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * The median |log error| at one checkpoint of an estimator that knew, in hindsight, each service's
 * median remaining time there, taken over the very incidents scored: a floor for any estimate that
 * tells a service's incidents apart only by the time they have lasted. What is left is the spread
 * of the remaining time among one service's incidents open equally long.
 */
final class HindsightFloor {

    private final Map<String, List<Double>> logRemaining = new TreeMap<>();

    /** One open incident of {@code service} and what actually remained of it. */
    void add(String service, Duration actual) {
        logRemaining
                .computeIfAbsent(service, s -> new ArrayList<>())
                .add(Math.log(actual.toMillis() / 1000.0));
    }

    /** The floor; NaN with no incident. */
    double medianAbsLogError() {
        List<Double> deviations = new ArrayList<>();
        for (List<Double> own : logRemaining.values()) {
            double[] values = own.stream().mapToDouble(Double::doubleValue).toArray();
            double median = new Median().evaluate(values);
            for (double value : values) {
                deviations.add(Math.abs(value - median));
            }
        }
        if (deviations.isEmpty()) {
            return Double.NaN;
        }
        return new Median()
                .evaluate(deviations.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
