package io.outagewatch.bench.estimates.prior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogNormalFitTest {

    private static final int SAMPLES = 5_000;

    /** Three standard errors: a correct fit of a fixed-seed sample lands well inside. */
    private static final double STANDARD_ERRORS = 3;

    @ParameterizedTest
    @CsvSource({
        "6.4, 0.3, 1", // ten-minute blips
        "9.08, 0.94, 2", // like the public prior
        "11.0, 1.5, 3", // long and erratic
    })
    void recoversParametersOfASyntheticSample(double mu, double sigma, int seed) {
        LogNormalDistribution truth = new LogNormalDistribution(new Well19937c(seed), mu, sigma);
        List<Duration> durations = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            durations.add(Duration.ofMillis(Math.round(truth.sample() * 1000)));
        }

        LogNormalFit fit = LogNormalFit.fit(durations);

        assertThat(fit.mu()).isCloseTo(mu, within(STANDARD_ERRORS * sigma / Math.sqrt(SAMPLES)));
        assertThat(fit.sigma())
                .isCloseTo(sigma, within(STANDARD_ERRORS * sigma / Math.sqrt(2.0 * SAMPLES)));
    }

    @Test
    void identicalDurationsGetTheMinimumSigma() {
        LogNormalFit fit = LogNormalFit.fit(Collections.nCopies(4, Duration.ofMinutes(10)));

        assertThat(fit.mu()).isCloseTo(Math.log(600), within(1e-12));
        assertThat(fit.sigma()).isEqualTo(LogNormalFit.MIN_SIGMA);
    }

    @Test
    void medianQuantileIsExpMu() {
        LogNormalFit fit = new LogNormalFit(Math.log(3600), 0.8);

        assertThat(fit.quantile(0.5)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void rejectsNoDurations() {
        assertThatThrownBy(() -> LogNormalFit.fit(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot fit a duration model to no durations");
    }

    @ParameterizedTest
    @CsvSource({"PT0S", "PT-1M"})
    void rejectsNonPositiveDurations(Duration bad) {
        assertThatThrownBy(() -> LogNormalFit.fit(List.of(Duration.ofMinutes(5), bad)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("durations must be positive, got " + bad + " at index 1");
    }

    @ParameterizedTest
    @CsvSource({"NaN, 1", "1, 0.05", "1, Infinity"})
    void rejectsInvalidParameters(double mu, double sigma) {
        assertThatThrownBy(() -> new LogNormalFit(mu, sigma))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
