package io.outagewatch.detection.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.outagewatch.detection.baseline.VantageFailureBaseline.Settings;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VantageFailureBaselineTest {

    private static final long SEED = 42L;
    private static final int MINUTES_PER_DAY = 24 * 60;

    @Test
    void startsAtThePriorAndNeverReadsBelowTheFloor() {
        VantageFailureBaseline baseline = new VantageFailureBaseline(Settings.DEFAULTS);
        assertThat(baseline.rate()).isEqualTo(VantageFailureBaseline.DEFAULT_INITIAL_RATE);

        for (int minute = 0; minute < 7 * MINUTES_PER_DAY; minute++) {
            baseline.observe(1, 0, false);
        }

        assertThat(baseline.rate()).isEqualTo(VantageFailureBaseline.DEFAULT_FLOOR_RATE);
    }

    @ParameterizedTest(name = "{0} of {1} failed at the prior rate: {2} ({3})")
    @CsvSource({
        "0, 0, false, no probes",
        "0, 1, false, all fine",
        "1, 1, true, single probe failed at a low-rate vantage",
        "2, 2, true, both of two failed",
        "1, 2, false, one of two is not improbable at 1%",
        "5, 10, true, half of ten is improbable at 1%",
        "4, 10, false, under half",
        "30, 60, true, half of sixty",
        "3, 3, true, few probes but the tail test agrees",
        "2, 3, true, two of three is improbable at 1%",
    })
    void judgesAMinuteAgainstTheInitialRate(
            long failures, long probes, boolean failing, String why) {
        assertThat(new VantageFailureBaseline(Settings.DEFAULTS).isFailing(probes, failures))
                .isEqualTo(failing);
    }

    @ParameterizedTest(name = "{0} of {1} failed at a 30% vantage: {2} ({3})")
    @CsvSource({
        "1, 1, false, a single failure is this vantage's normal",
        "2, 2, false, so are two",
        "6, 10, false, share reaches rate + 0.3 but p = 0.047",
        "10, 10, true, all ten is improbable at 30%",
        "5, 10, false, share under rate + 0.3",
        "45, 60, true, three quarters of sixty",
    })
    void aFlakyVantageNeedsMoreToCountAsFailing(
            long failures, long probes, boolean failing, String why) {
        VantageFailureBaseline flaky = learnedFromSingleProbes(0.3, 3 * MINUTES_PER_DAY);
        assertThat(flaky.rate()).isCloseTo(0.3, within(0.06));

        assertThat(flaky.isFailing(probes, failures)).isEqualTo(failing);
    }

    @Test
    void learnsTheRateOfSingleProbeMinutesWithoutBias() {
        VantageFailureBaseline baseline = new VantageFailureBaseline(Settings.DEFAULTS);
        RandomGenerator random = new Well19937c(SEED);
        double sum = 0;
        int averaged = 0;
        for (int minute = 0; minute < 8 * MINUTES_PER_DAY; minute++) {
            baseline.observe(1, random.nextDouble() < 0.02 ? 1 : 0, false);
            if (minute >= MINUTES_PER_DAY) {
                sum += baseline.rate();
                averaged++;
            }
        }

        // Averaged over a week the estimate's standard error is about 0.0015; capping single
        // failures (no slack in the cap) would pull it down to about 0.012.
        assertThat(sum / averaged).isCloseTo(0.02, within(0.004));
        assertThat(baseline.isFailing(1, 1)).isTrue();
    }

    @Test
    void scatteredSingleFailuresAtOneProbeAMinuteMakeTheVantageFailingOnlyInThoseMinutes() {
        VantageFailureBaseline baseline = new VantageFailureBaseline(Settings.DEFAULTS);
        RandomGenerator random = new Well19937c(SEED);
        int failingMinutes = 0;
        int failedMinutes = 0;
        for (int minute = 0; minute < 7 * MINUTES_PER_DAY; minute++) {
            long failures = random.nextDouble() < 0.005 ? 1 : 0;
            failedMinutes += (int) failures;
            failingMinutes += baseline.isFailing(1, failures) ? 1 : 0;
            baseline.observe(1, failures, false);
        }

        // The tradeoff: each single failure counts at the vantage; ProbeQuorum discards it.
        assertThat(failedMinutes).isPositive();
        assertThat(failingMinutes).isEqualTo(failedMinutes);
        assertThat(baseline.rate()).isLessThan(VantageFailureBaseline.DEFAULT_LOW_BASELINE_RATE);
    }

    @Test
    void anUnflaggedOutageIsCappedAndAFlaggedOneIsNotLearnedAtAll() {
        VantageFailureBaseline capped = learnedFromManyProbes(0.005, 60);
        VantageFailureBaseline skipped =
                new VantageFailureBaseline(Settings.DEFAULTS, capped.ewma());
        double before = capped.rate();

        for (int minute = 0; minute < 30; minute++) {
            capped.observe(60, 60, false);
            skipped.observe(60, 60, true);
        }

        // Uncapped, thirty minutes of total failure would lift a two-hour EWMA to about 0.16.
        assertThat(capped.rate()).isLessThan(0.03);
        assertThat(skipped.rate()).isEqualTo(before);
    }

    @Test
    void minutesWithoutProbesTeachNothing() {
        VantageFailureBaseline baseline = new VantageFailureBaseline(Settings.DEFAULTS);
        baseline.observe(0, 0, false);
        assertThat(baseline.rate()).isEqualTo(VantageFailureBaseline.DEFAULT_INITIAL_RATE);
    }

    @ParameterizedTest
    @CsvSource({"-1, 0", "1, 2", "3, -1"})
    void rejectsImpossibleCounts(long probes, long failures) {
        VantageFailureBaseline baseline = new VantageFailureBaseline(Settings.DEFAULTS);
        assertThatThrownBy(() -> baseline.observe(probes, failures, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> baseline.isFailing(probes, failures))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void goesOnFromItsLearnedEwmaExactly() {
        VantageFailureBaseline original = learnedFromSingleProbes(0.05, MINUTES_PER_DAY);
        VantageFailureBaseline restored =
                new VantageFailureBaseline(Settings.DEFAULTS, original.ewma());

        original.observe(2, 1, false);
        restored.observe(2, 1, false);

        assertThat(restored.ewma()).isEqualTo(original.ewma());
        assertThat(restored.isFailing(2, 2)).isEqualTo(original.isFailing(2, 2));
    }

    private static VantageFailureBaseline learnedFromSingleProbes(double rate, int minutes) {
        VantageFailureBaseline baseline = new VantageFailureBaseline(Settings.DEFAULTS);
        RandomGenerator random = new Well19937c(SEED);
        for (int minute = 0; minute < minutes; minute++) {
            baseline.observe(1, random.nextDouble() < rate ? 1 : 0, false);
        }
        return baseline;
    }

    private static VantageFailureBaseline learnedFromManyProbes(double rate, int probes) {
        VantageFailureBaseline baseline = new VantageFailureBaseline(Settings.DEFAULTS);
        RandomGenerator random = new Well19937c(SEED);
        for (int minute = 0; minute < MINUTES_PER_DAY; minute++) {
            int failures = 0;
            for (int probe = 0; probe < probes; probe++) {
                failures += random.nextDouble() < rate ? 1 : 0;
            }
            baseline.observe(probes, failures, false);
        }
        return baseline;
    }
}
