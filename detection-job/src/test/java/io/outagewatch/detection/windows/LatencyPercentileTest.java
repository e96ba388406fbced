package io.outagewatch.detection.windows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;

class LatencyPercentileTest {

    @Test
    void givesWhatCommonsMathsPercentileGivesBitForBit() {
        SplittableRandom random = new SplittableRandom(11);
        double[] percents = {1, 5, 50, 90, 95, 99, 100};
        for (int trial = 0; trial < 2_000; trial++) {
            int length = random.nextInt(0, 60);
            double[] values = new double[length + random.nextInt(0, 5)];
            for (int i = 0; i < values.length; i++) {
                // Few distinct values in some trials, so ties are common; NaN now and then.
                values[i] =
                        random.nextInt(20) == 0
                                ? Double.NaN
                                : trial % 3 == 0
                                        ? random.nextInt(0, 5) * 100.0
                                        : random.nextDouble(1, 5_000);
            }
            for (double percent : percents) {
                double expected = new Percentile().evaluate(values, 0, length, percent);
                double actual =
                        LatencyPercentile.ofFirst(
                                Arrays.copyOf(values, values.length), length, percent);
                // Boxed, so NaN equals NaN and the comparison is of the bits.
                assertThat(Double.valueOf(actual))
                        .as("p%s of %s", percent, Arrays.toString(Arrays.copyOf(values, length)))
                        .isEqualTo(Double.valueOf(expected));
            }
        }
    }

    @Test
    void leavesValuesBeyondTheLengthAlone() {
        double[] values = {30, 10, 20, 5, 1};
        assertThat(LatencyPercentile.ofFirst(values, 3, 50)).isEqualTo(20.0);
        assertThat(values).containsExactly(10, 20, 30, 5, 1);
    }

    @Test
    void refusesAPercentOutsideItsRange() {
        assertThatThrownBy(() -> LatencyPercentile.ofFirst(new double[] {1}, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencyPercentile.ofFirst(new double[] {1}, 1, 101))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
