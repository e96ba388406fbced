package io.outagewatch.detection.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.outagewatch.detection.StateSerialization;
import io.outagewatch.detection.baseline.LatencyBaseline.Settings;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatencyBaselineTest {

    private static final long SEED = 99L;

    @Test
    void saysNothingUntilWarm() {
        LatencyBaseline baseline = new LatencyBaseline(Settings.DEFAULTS);
        for (long minute = 1; minute < LatencyBaseline.DEFAULT_WARM_UP_MINUTES; minute++) {
            baseline.observe(200, 0.0, false);
        }
        assertThat(baseline.isWarm()).isFalse();
        assertThat(baseline.isDegraded(30_000, 0.2)).isFalse();

        baseline.observe(200, 0.0, false);

        assertThat(baseline.isWarm()).isTrue();
        assertThat(baseline.isDegraded(30_000, 0.2)).isTrue();
    }

    @Test
    void learnsTheTypicalLatencyAndSpread() {
        LatencyBaseline baseline = learned(200, 0.1, 0.005, 6 * 60);

        assertThat(baseline.baselineMs()).isCloseTo(200, within(10.0));
        // The mean absolute deviation of a normal with sigma 0.1 is 0.08; the floor is 0.1.
        assertThat(baseline.logDeviation()).isEqualTo(LatencyBaseline.DEFAULT_MIN_LOG_DEVIATION);
        assertThat(baseline.timeoutRate()).isCloseTo(0.005, within(0.005));
    }

    @ParameterizedTest(name = "{0} ms with {1} timeouts at a 200 ms service: {2} ({3})")
    @CsvSource({
        "2000, 0.10, true, ten times slower with timeouts",
        "2000, 0.00, false, slow without timeouts",
        "2000, 0.02, false, timeouts not above the baseline by the margin",
        "900, 0.10, false, three times slower but under a second",
        "2000, 0.50, false, half timing out is an outage not a brownout",
        "2000, 0.49, true, just under half still answers",
        "150, 0.10, false, fast with timeouts",
        "NaN, 0.10, false, no latency samples",
    })
    void brownoutsOfAFastSteadyService(
            double p95Ms, double timeoutRate, boolean degraded, String why) {
        LatencyBaseline baseline = learned(200, 0.1, 0.005, 6 * 60);
        assertThat(baseline.isDegraded(p95Ms, timeoutRate)).isEqualTo(degraded);
    }

    @ParameterizedTest(name = "{0} ms, {1} timeouts in {2} probes: {3} ({4})")
    @CsvSource({
        "2000, 0.00, 12, true, twelve probes often show none of a brownout's timeouts",
        "2000, 0.00, 500, false, five hundred probes would show them",
        "2000, 0.10, 500, true, and do",
        "900, 0.00, 12, false, still needs a second",
        "500, 0.00, 12, false, and three times the usual latency",
    })
    void fewProbesAMinuteAreJudgedOnLatency(
            double p95Ms, double timeoutRate, long probes, boolean degraded, String why) {
        LatencyBaseline baseline = learned(200, 0.1, 0.005, 6 * 60);
        assertThat(baseline.isDegraded(p95Ms, timeoutRate, probes)).isEqualTo(degraded);
    }

    @Test
    void theProbesNeededToSeeATimeoutRiseFollowTheUsualRate() {
        LatencyBaseline quiet = learned(200, 0.1, 0.0, 6 * 60);
        LatencyBaseline flaky = learned(200, 0.1, 0.2, 6 * 60);
        // 1 - 0.98^n >= 0.95 from n = 149; at a usual 20 %, 1 - 0.78^n from n = 13.
        assertThat(quiet.probesToSeeATimeoutRise()).isBetween(145L, 150L);
        assertThat(flaky.probesToSeeATimeoutRise()).isBetween(12L, 14L);
    }

    @ParameterizedTest(name = "{0} ms at an 800 ms service: {1}")
    @CsvSource({"2300, false", "2500, true"})
    void aSlowServiceNeedsThreeTimesItsUsualLatency(double p95Ms, boolean degraded) {
        LatencyBaseline baseline = new LatencyBaseline(Settings.DEFAULTS);
        for (int minute = 0; minute < 120; minute++) {
            baseline.observe(800, 0.0, false);
        }
        assertThat(baseline.isDegraded(p95Ms, 0.1)).isEqualTo(degraded);
    }

    @Test
    void aNoisyServiceNeedsSixDeviations() {
        LatencyBaseline baseline = learned(300, 0.5, 0.0, 6 * 60);
        double threshold = Math.exp(Math.log(baseline.baselineMs()) + 6 * baseline.logDeviation());

        assertThat(threshold).isGreaterThan(3 * baseline.baselineMs());
        assertThat(baseline.isDegraded(0.95 * threshold, 0.1)).isFalse();
        assertThat(baseline.isDegraded(1.05 * threshold, 0.1)).isTrue();
    }

    @Test
    void anUnflaggedBrownoutIsCappedAndAFlaggedOneIsNotLearned() {
        LatencyBaseline capped = learned(200, 0.1, 0.0, 6 * 60);
        LatencyBaseline skipped = copy(capped);
        double before = capped.baselineMs();

        for (int minute = 0; minute < 30; minute++) {
            capped.observe(5_000, 0.3, false);
            skipped.observe(5_000, 0.3, true);
        }

        // Uncapped, thirty minutes at 25x would raise a one-hour log EWMA to about 1,000 ms.
        assertThat(capped.baselineMs()).isLessThan(1.5 * before);
        assertThat(capped.timeoutRate()).isLessThan(0.1);
        assertThat(capped.isDegraded(5_000, 0.3)).isTrue();
        assertThat(skipped.baselineMs()).isEqualTo(before);
    }

    @Test
    void minutesWithoutLatencyTeachNothing() {
        LatencyBaseline baseline = new LatencyBaseline(Settings.DEFAULTS);
        baseline.observe(Double.NaN, 1.0, false);

        assertThat(baseline.observedMinutes()).isZero();
        assertThat(baseline.baselineMs()).isNaN();
        assertThat(baseline.timeoutRate()).isZero();
    }

    @Test
    void subMillisecondLatenciesAreReadAsOneMillisecond() {
        LatencyBaseline baseline = new LatencyBaseline(Settings.DEFAULTS);
        baseline.observe(0.0, 0.0, false);
        assertThat(baseline.baselineMs()).isCloseTo(LatencyBaseline.MIN_LATENCY_MS, within(1e-12));
    }

    @Test
    void rejectsTimeoutRatesOutsideZeroToOne() {
        assertThatThrownBy(() -> new LatencyBaseline(Settings.DEFAULTS).observe(100, 1.5, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LatencyBaseline(Settings.DEFAULTS).isDegraded(100, -0.1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isSmallInState() {
        LatencyStats stats = learned(200, 0.1, 0.0, 100).stats();

        assertThat(StateSerialization.bytes(stats, LatencyStats.class)).hasSizeLessThan(48);
    }

    /** A baseline that goes on from the other's data after a round trip through Flink state. */
    private static LatencyBaseline copy(LatencyBaseline baseline) {
        return new LatencyBaseline(
                Settings.DEFAULTS, StateSerialization.copy(baseline.stats(), LatencyStats.class));
    }

    /** A baseline fed log-normal p95s around {@code medianMs} and binomial-ish timeouts. */
    private static LatencyBaseline learned(
            double medianMs, double logSigma, double timeoutRate, int minutes) {
        LatencyBaseline baseline = new LatencyBaseline(Settings.DEFAULTS);
        RandomGenerator random = new Well19937c(SEED);
        for (int minute = 0; minute < minutes; minute++) {
            double p95 = medianMs * Math.exp(logSigma * random.nextGaussian());
            int timeouts = 0;
            for (int probe = 0; probe < 12; probe++) {
                timeouts += random.nextDouble() < timeoutRate ? 1 : 0;
            }
            baseline.observe(p95, timeouts / 12.0, false);
        }
        return baseline;
    }
}
