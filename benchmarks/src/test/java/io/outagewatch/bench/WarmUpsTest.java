package io.outagewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarmUpsTest {

    /** The warm-up runs {@code warmUps} asks for when the runs come at these rates, in order. */
    private static int runsMade(WarmUps warmUps, double... rates) {
        List<Double> seen = new ArrayList<>();
        for (double rate : rates) {
            if (!warmUps.another(seen)) {
                break;
            }
            seen.add(rate);
        }
        return seen.size();
    }

    @Test
    void untilLevelGoesOnUntilTwoRunsInARowBeatTheEarlierOnesByThreePercentAtMost() {
        // In-process rates of 2026-12-06: 247,000 and 252,000 each rose by less, but not in a row.
        assertThat(
                        runsMade(
                                WarmUps.UNTIL_LEVEL,
                                110e3,
                                176e3,
                                229e3,
                                243e3,
                                247e3,
                                261e3,
                                262e3,
                                263e3,
                                300e3))
                .isEqualTo(8);
        // Rising, one fall, rising again, then two runs that hold the best: seven runs.
        assertThat(runsMade(WarmUps.UNTIL_LEVEL, 94e3, 92e3, 108e3, 122e3, 147e3, 145e3, 148e3, 1))
                .isEqualTo(7);
    }

    @Test
    void oneStalledRunDoesNotEndTheWarmUp() {
        assertThat(runsMade(WarmUps.UNTIL_LEVEL, 96e3, 142e3, 215e3, 216e3, 259e3, 260e3, 262e3))
                .isEqualTo(7);
    }

    @Test
    void untilLevelMakesItsLeastEvenWhenTheRateIsFlatFromTheStart() {
        assertThat(runsMade(WarmUps.UNTIL_LEVEL, 200e3, 200e3, 200e3, 200e3, 200e3)).isEqualTo(3);
    }

    @Test
    void twoSlowerRunsAfterTheLeastEndTheWarmUp() {
        assertThat(runsMade(WarmUps.UNTIL_LEVEL, 100e3, 150e3, 180e3, 170e3, 175e3, 250e3))
                .isEqualTo(5);
    }

    @Test
    void untilLevelStopsAtItsMostWhileTheRateStillRises() {
        double[] rising = new double[12];
        for (int i = 0; i < rising.length; i++) {
            rising[i] = 100e3 * Math.pow(1.1, i);
        }
        assertThat(runsMade(WarmUps.UNTIL_LEVEL, rising)).isEqualTo(8);
    }

    @Test
    void exactlyMakesThatManyWhateverTheRates() {
        assertThat(runsMade(WarmUps.exactly(2), 100e3, 200e3, 400e3)).isEqualTo(2);
        assertThat(runsMade(WarmUps.exactly(4), 100e3, 100e3, 100e3, 100e3, 100e3)).isEqualTo(4);
    }

    @Test
    void phaseTitlesSayHowManyRunsToExpect() {
        assertThat(WarmUps.exactly(1).phase("pipeline", 1))
                .isEqualTo("bench throughput, pipeline warm-up (run 1 of 1)");
        assertThat(WarmUps.UNTIL_LEVEL.phase("Kafka end to end", 4))
                .isEqualTo(
                        "bench throughput, Kafka end to end warm-up (run 4, until the rate levels,"
                                + " at most 8)");
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> new WarmUps(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WarmUps(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
