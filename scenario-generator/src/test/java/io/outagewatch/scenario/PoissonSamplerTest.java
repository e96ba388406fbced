package io.outagewatch.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PoissonSamplerTest {

    @Test
    void meansMatchForSmallAndChunkedLargeRates() {
        for (double mean : new double[] {0.2, 3, 75}) {
            SplittableRandom random = new SplittableRandom(1);
            long total = 0;
            int draws = 20_000;
            for (int i = 0; i < draws; i++) {
                total += PoissonSampler.sample(random, mean);
            }
            assertThat((double) total / draws)
                    .as("mean %s", mean)
                    .isBetween(mean * 0.97, mean * 1.03);
        }
    }

    @Test
    void zeroMeanGivesZeroAndBadMeansAreRejected() {
        assertThat(PoissonSampler.sample(new SplittableRandom(1), 0)).isZero();
        assertThatThrownBy(() -> PoissonSampler.sample(new SplittableRandom(1), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PoissonSampler.sample(new SplittableRandom(1), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
