package io.outagewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StatsTest {

    private static final double[] ONE_TO_TWENTY =
            IntStream.rangeClosed(1, 20).asDoubleStream().toArray();

    @Test
    void medianIsTheMiddleValueOrTheMeanOfTheMiddleTwo() {
        assertThat(Stats.median(new double[] {4})).isEqualTo(4);
        assertThat(Stats.median(new double[] {1, 2, 9})).isEqualTo(2);
        assertThat(Stats.median(new double[] {1, 2, 4, 9})).isEqualTo(3);
    }

    @Test
    void nearestRankPercentileOfTwentyRuns() {
        assertThat(Stats.percentile(ONE_TO_TWENTY, 50)).isEqualTo(10);
        assertThat(Stats.percentile(ONE_TO_TWENTY, 95)).isEqualTo(19);
        assertThat(Stats.percentile(ONE_TO_TWENTY, 99)).isEqualTo(20);
        assertThat(Stats.percentile(ONE_TO_TWENTY, 100)).isEqualTo(20);
    }

    @Test
    void refusesNoValuesUnsortedValuesAndPercentsOutOfRange() {
        assertThatThrownBy(() -> Stats.median(new double[0])).hasMessage("no values");
        assertThatThrownBy(() -> Stats.median(new double[] {2, 1}))
                .hasMessage("values must be sorted");
        assertThatThrownBy(() -> Stats.percentile(ONE_TO_TWENTY, 0))
                .hasMessage("percent must be in (0, 100]: 0.0");
    }
}
