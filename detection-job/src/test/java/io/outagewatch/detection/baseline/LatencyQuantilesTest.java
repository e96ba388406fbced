package io.outagewatch.detection.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LatencyQuantilesTest {

    /** The documented bound: half a bucket in log scale, sqrt(1.2) - 1. */
    private static final double RELATIVE_ERROR = 0.096;

    @ParameterizedTest(name = "q = {0}")
    @ValueSource(doubles = {0.0, 0.01, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999, 1.0})
    void quantilesOfALogNormalSampleAreWithinHalfABucket(double q) {
        double[] sample = logNormalSample(11L, 10_000, 300, 1.0);
        LatencyQuantiles sketch = new LatencyQuantiles();
        Arrays.stream(sample).forEach(sketch::add);

        double exact = exactQuantile(sample, q);

        assertThat(sketch.quantile(q)).isCloseTo(exact, within(RELATIVE_ERROR * exact));
    }

    @Test
    void everyQuantileOfManySamplesIsWithinHalfABucket() {
        for (long seed = 1; seed <= 20; seed++) {
            double[] sample = logNormalSample(seed, 97, 50 * seed, 1.5);
            LatencyQuantiles sketch = new LatencyQuantiles();
            Arrays.stream(sample).forEach(sketch::add);
            for (int percent = 0; percent <= 100; percent++) {
                double q = percent / 100.0;
                double exact = exactQuantile(sample, q);
                assertThat(sketch.quantile(q))
                        .as("seed %d q %.2f", seed, q)
                        .isCloseTo(exact, within(RELATIVE_ERROR * exact));
            }
        }
    }

    @Test
    void mergingEqualsAddingEverythingToOneSketch() {
        double[] sample = logNormalSample(5L, 1_000, 200, 0.8);
        LatencyQuantiles whole = new LatencyQuantiles();
        LatencyQuantiles left = new LatencyQuantiles();
        LatencyQuantiles right = new LatencyQuantiles();
        for (int i = 0; i < sample.length; i++) {
            whole.add(sample[i]);
            (i % 3 == 0 ? left : right).add(sample[i]);
        }

        left.merge(right);

        assertThat(left).isEqualTo(whole);
        assertThat(left.count()).isEqualTo(sample.length);
        assertThat(left.quantile(0.95)).isEqualTo(whole.quantile(0.95));
    }

    @Test
    void mergingAnEmptySketchChangesNothing() {
        LatencyQuantiles sketch = new LatencyQuantiles();
        sketch.add(120);
        LatencyQuantiles before = Serialization.copy(sketch);

        sketch.merge(new LatencyQuantiles());

        assertThat(sketch).isEqualTo(before);
    }

    @ParameterizedTest(name = "single sample {0} ms")
    @ValueSource(doubles = {0.0, 0.4, 1.0, 37.5, 1234.0, 119_999.0, 500_000.0})
    void aSingleSampleIsReturnedExactly(double ms) {
        LatencyQuantiles sketch = new LatencyQuantiles();
        sketch.add(ms);
        assertThat(sketch.quantile(0.5)).isEqualTo(ms);
        assertThat(sketch.quantile(0.0)).isEqualTo(ms);
        assertThat(sketch.quantile(1.0)).isEqualTo(ms);
    }

    @Test
    void samplesOutsideTheRangeAreClampedToTheEndBuckets() {
        LatencyQuantiles sketch = new LatencyQuantiles();
        for (int i = 0; i < 10; i++) {
            sketch.add(0.2);
            sketch.add(300_000);
        }
        assertThat(sketch.quantile(0.0)).isEqualTo(0.2);
        assertThat(sketch.quantile(1.0)).isEqualTo(300_000);
        // Medians inside the range come from the end buckets' middles.
        assertThat(sketch.quantile(0.5)).isBetween(0.2, LatencyQuantiles.MIN_MS * 1.2);
        assertThat(sketch.quantile(0.55)).isBetween(LatencyQuantiles.MAX_MS / 1.2, 300_000.0);
    }

    @Test
    void anEmptySketchHasNoQuantiles() {
        assertThat(new LatencyQuantiles().quantile(0.5)).isNaN();
        assertThat(new LatencyQuantiles().count()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"-1.0", "NaN", "Infinity"})
    void rejectsImpossibleLatencies(double ms) {
        assertThatThrownBy(() -> new LatencyQuantiles().add(ms))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.1, Double.NaN})
    void rejectsImpossibleQuantiles(double q) {
        assertThatThrownBy(() -> new LatencyQuantiles().quantile(q))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void staysUnderEightHundredBytesSerialized() {
        LatencyQuantiles sketch = new LatencyQuantiles();
        Arrays.stream(logNormalSample(3L, 5_000, 300, 1.0)).forEach(sketch::add);
        assertThat(Serialization.bytes(sketch)).hasSizeLessThan(800);
    }

    private static double[] logNormalSample(long seed, int size, double medianMs, double sigma) {
        RandomGenerator random = new Well19937c(seed);
        double[] sample = new double[size];
        for (int i = 0; i < size; i++) {
            sample[i] = medianMs * Math.exp(sigma * random.nextGaussian());
        }
        return sample;
    }

    /** The nearest-rank quantile: the ⌈q·n⌉-th smallest, the smallest for q = 0. */
    private static double exactQuantile(double[] sample, double q) {
        double[] sorted = sample.clone();
        Arrays.sort(sorted);
        int rank = Math.max(1, (int) Math.ceil(q * sorted.length));
        return sorted[rank - 1];
    }
}
