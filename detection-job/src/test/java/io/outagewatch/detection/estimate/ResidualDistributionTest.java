package io.outagewatch.detection.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResidualDistributionTest {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    /** Standard normal residuals: 4,000 evenly spaced quantiles, as a large sample would be. */
    private static final ResidualDistribution NORMAL =
            ResidualDistribution.of(normalQuantiles(4_000));

    /**
     * Right-skewed residuals: exponential quantiles less their mean, so the upper tail is long and
     * the lower one short.
     */
    private static final ResidualDistribution SKEWED =
            ResidualDistribution.of(exponentialQuantiles(4_000));

    @ParameterizedTest(name = "q = {0}")
    @CsvSource({"0.1", "0.25", "0.5", "0.75", "0.9"})
    void normalResidualsGiveNormalQuantilesUpToTheSmoothing(double q) {
        assertThat(NORMAL.conditionalQuantile(q, Double.NEGATIVE_INFINITY))
                .isCloseTo(STANDARD_NORMAL.inverseCumulativeProbability(q), within(0.03));
    }

    @ParameterizedTest(name = "q = {0}: {1}")
    @CsvSource({"0.1, -0.895", "0.5, -0.307", "0.9, 1.303"})
    void skewedResidualsKeepTheirSkew(double q, double exponentialQuantileLessMean) {
        assertThat(SKEWED.conditionalQuantile(q, Double.NEGATIVE_INFINITY))
                .isCloseTo(exponentialQuantileLessMean, within(0.05));
    }

    @ParameterizedTest(name = "given Z > {0}, the median is {1}")
    @CsvSource({"0, 0.674", "1, 1.410", "2, 2.278"})
    void theConditionalMedianLiesBeyondWhatHasElapsed(double elapsed, double expectedMedian) {
        assertThat(NORMAL.conditionalQuantile(0.5, elapsed))
                .isCloseTo(expectedMedian, within(0.05));
    }

    @Test
    void quantilesRiseWithTheTimeElapsedEvenFarPastEveryResidualSeen() {
        double previous = Double.NEGATIVE_INFINITY;
        for (double elapsed = -10; elapsed <= 40; elapsed += 0.25) {
            double median = SKEWED.conditionalQuantile(0.5, elapsed);
            assertThat(median).as("median given Z > %s", elapsed).isGreaterThan(elapsed);
            assertThat(median).isGreaterThanOrEqualTo(previous);
            assertThat(Double.isFinite(median)).isTrue();
            previous = median;
        }
    }

    @Test
    void qMustLieStrictlyBetweenZeroAndOne() {
        assertThatThrownBy(() -> NORMAL.conditionalQuantile(1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("q must lie strictly between 0 and 1, got 1.0");
    }

    private static double[] normalQuantiles(int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = STANDARD_NORMAL.inverseCumulativeProbability((i + 0.5) / n);
        }
        return values;
    }

    private static double[] exponentialQuantiles(int n) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = -Math.log(1 - (i + 0.5) / n) - 1;
        }
        return values;
    }
}
