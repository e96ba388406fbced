package io.outagewatch.bench.estimates.prior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionalQuantileTest {

    private static final LogNormalFit MODEL = new LogNormalFit(Math.log(7_200), 0.9);
    private static final LogNormalDistribution SAME =
            new LogNormalDistribution(null, MODEL.mu(), MODEL.sigma());
    private static final double WEEK_SECONDS = 604_800;

    /** Relative agreement expected where the closed form is still accurate. */
    private static final double RELATIVE = 1e-6;

    @ParameterizedTest
    @CsvSource({"0.1", "0.5", "0.9"})
    void withNothingElapsedIsTheUnconditionalQuantile(double q) {
        double expected = SAME.inverseCumulativeProbability(q);

        assertThat(ConditionalQuantile.seconds(MODEL, q, 0, WEEK_SECONDS))
                .isCloseTo(expected, within(expected * RELATIVE));
    }

    @ParameterizedTest
    @CsvSource({
        // q, elapsed seconds
        "0.1, 600",
        "0.5, 3600",
        "0.9, 3600",
        "0.5, 36000",
        "0.9, 86400",
    })
    void matchesTheClosedFormWhereItIsAccurate(double q, double elapsed) {
        double fElapsed = SAME.cumulativeProbability(elapsed);
        double expected = SAME.inverseCumulativeProbability(fElapsed + q * (1 - fElapsed));

        assertThat(ConditionalQuantile.seconds(MODEL, q, elapsed, WEEK_SECONDS))
                .isCloseTo(expected, within(expected * RELATIVE));
    }

    @ParameterizedTest
    @CsvSource({"0.1", "0.5", "0.9"})
    void farInTheTailStaysFiniteAndJustAboveElapsed(double q) {
        LogNormalFit tenMinutes = new LogNormalFit(Math.log(600), 0.3);
        double threeDays = 259_200;

        double seconds = ConditionalQuantile.seconds(tenMinutes, q, threeDays, WEEK_SECONDS);

        // The excess over elapsed is about exponential with rate z/σ in log time (Mills ratio).
        double zElapsed = tenMinutes.standardScore(threeDays);
        double expected = threeDays * Math.exp(tenMinutes.sigma() * -Math.log1p(-q) / zElapsed);
        assertThat(seconds).isGreaterThan(threeDays).isCloseTo(expected, within(expected * 1e-3));
    }

    @Test
    void quantileBeyondTheCapIsTheCap() {
        assertThat(ConditionalQuantile.seconds(MODEL, 0.9, 0, 3_600)).isEqualTo(3_600);
    }
}
