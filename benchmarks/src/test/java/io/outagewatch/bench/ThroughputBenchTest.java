package io.outagewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ThroughputBenchTest {

    @Test
    void aRatioIsTheMedianOfEachRunOverTheFloorPassJustBeforeIt() {
        // The second run met a slow machine, and so did its floor pass: its ratio is as good as
        // the others', though its rate is not.
        ThroughputBench.Measured measured =
                ThroughputBench.Measured.of(
                        new double[] {200_000, 120_000, 210_000},
                        new double[] {400_000, 240_000, 500_000});

        assertThat(measured.rate()).isEqualTo(200_000);
        assertThat(measured.ratio()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void theRateAndTheRatioAreEachTheirOwnMedian() {
        ThroughputBench.Measured measured =
                ThroughputBench.Measured.of(
                        new double[] {300, 100, 200}, new double[] {1_000, 100, 1_000});

        assertThat(measured.rate()).isEqualTo(200);
        assertThat(measured.ratio()).isCloseTo(0.3, within(1e-9));
    }
}
