package io.outagewatch.detection.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.outagewatch.detection.StateSerialization;
import io.outagewatch.detection.baseline.SeasonalRateBaseline.Settings;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeasonalRateBaselineTest {

    /** A Monday, so slot arithmetic in the tests is easy to read. */
    private static final Instant MONDAY = Instant.parse("2024-01-01T00:00:00Z");

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final long SEED = 20231108L;

    @ParameterizedTest
    @CsvSource({
        "2024-01-01T00:00:00Z, 0",
        "2024-01-01T00:59:59Z, 0",
        "2024-01-01T23:30:00Z, 23",
        "2024-01-02T00:00:00Z, 24",
        "2024-01-07T23:59:00Z, 167",
        "2024-01-08T00:00:00Z, 0",
        "1970-01-01T00:00:00Z, 72",
        "1969-12-31T23:00:00Z, 71",
    })
    void slotIsUtcHourOfTheWeekFromMonday(String instant, int slot) {
        assertThat(SeasonalRateBaseline.slotOf(Instant.parse(instant))).isEqualTo(slot);
    }

    @Test
    void warmsUpAfterSixHoursOfMinutesAndFloorsExpectationUntilThen() {
        SeasonalRateBaseline baseline = new SeasonalRateBaseline(Settings.DEFAULTS);
        Instant minute = MONDAY;
        for (long i = 0; i < SeasonalRateBaseline.DEFAULT_WARM_UP_MINUTES - 1; i++) {
            baseline.observe(minute, 0, false);
            minute = minute.plus(MINUTE);
        }
        assertThat(baseline.isWarm()).isFalse();
        assertThat(baseline.learnedPerMinute(minute)).isZero();
        assertThat(baseline.expectedPerMinute(minute))
                .isEqualTo(SeasonalRateBaseline.DEFAULT_PRIOR_FLOOR_PER_MINUTE);

        baseline.observe(minute, 0, false);

        assertThat(baseline.isWarm()).isTrue();
        assertThat(baseline.expectedPerMinute(minute)).isZero();
    }

    @Test
    void aFreshBaselineExpectsThePriorFloor() {
        SeasonalRateBaseline baseline = new SeasonalRateBaseline(Settings.DEFAULTS);

        assertThat(baseline.expectedPerMinute(MONDAY))
                .isEqualTo(SeasonalRateBaseline.DEFAULT_PRIOR_FLOOR_PER_MINUTE);
        assertThat(baseline.learnedPerMinute(MONDAY)).isZero();
    }

    @Test
    void firstMinutesGiveAnUnbiasedMeanAtOnce() {
        SeasonalRateBaseline baseline = new SeasonalRateBaseline(Settings.DEFAULTS);
        baseline.observe(MONDAY, 5, false);
        baseline.observe(MONDAY.plus(MINUTE), 5, false);

        assertThat(baseline.learnedPerMinute(MONDAY.plus(MINUTE.multipliedBy(2))))
                .isCloseTo(5.0, within(1e-12));
    }

    @Test
    void minutesDuringAnIncidentTeachNothing() {
        SeasonalRateBaseline baseline = trainedOn(Duration.ofDays(2));
        SeasonalRateBaseline before = copy(baseline);

        baseline.observe(MONDAY.plus(Duration.ofDays(2)), 500, true);

        assertThat(baseline.observedMinutes()).isEqualTo(before.observedMinutes());
        assertSameExpectations(baseline, before, 0.0);
    }

    @Test
    void incidentFlagsAreIgnoredOnlyUntilWarm() {
        SeasonalRateBaseline cold = new SeasonalRateBaseline(Settings.DEFAULTS);
        cold.observe(MONDAY, 5, true);
        assertThat(cold.observedMinutes()).isEqualTo(1);

        SeasonalRateBaseline warm = trainedOn(Duration.ofDays(1));
        long before = warm.observedMinutes();
        warm.observe(MONDAY.plus(Duration.ofDays(1)), 5, true);
        assertThat(warm.observedMinutes()).isEqualTo(before);
    }

    @Test
    void learnsARoundedDiurnalPatternWithinFivePercent() {
        SeasonalRateBaseline baseline = new SeasonalRateBaseline(Settings.DEFAULTS);
        Instant end = MONDAY.plus(Duration.ofDays(28));
        for (Instant minute = MONDAY; minute.isBefore(end); minute = minute.plus(MINUTE)) {
            baseline.observe(minute, Math.round(OrdinaryComplaints.rate(minute)), false);
        }

        for (int slot = 0; slot < SeasonalRateBaseline.SLOTS; slot++) {
            Instant hour = end.plus(Duration.ofHours(slot));
            double truth =
                    meanOfHour(
                            hour, minute -> (double) Math.round(OrdinaryComplaints.rate(minute)));
            assertThat(baseline.expectedPerMinute(hour))
                    .as("slot %d", slot)
                    .isCloseTo(truth, within(0.05 * truth));
        }
    }

    @Test
    void learnsTheNoisyDailyAndWeeklyCycleWithinFourStandardErrors() {
        SeasonalRateBaseline baseline = trainedOn(Duration.ofDays(28));
        Instant after = MONDAY.plus(Duration.ofDays(28));

        for (int slot = 0; slot < SeasonalRateBaseline.SLOTS; slot++) {
            Instant hour = after.plus(Duration.ofHours(slot));
            double rate = meanOfHour(hour, OrdinaryComplaints::rate);
            // A slot has seen 240 minutes in four weeks; its mean is about as good as their
            // average.
            double standardError =
                    Math.sqrt((rate + OrdinaryComplaints.OVERDISPERSION * rate * rate) / 240);
            assertThat(baseline.expectedPerMinute(hour))
                    .as("slot %d", slot)
                    .isCloseTo(rate, within(4 * standardError));
        }
        double weekdayPeak = baseline.expectedPerMinute(after.plus(Duration.ofHours(15)));
        double weekdayNight = baseline.expectedPerMinute(after.plus(Duration.ofHours(3)));
        double saturdayPeak =
                baseline.expectedPerMinute(after.plus(Duration.ofDays(5).plusHours(15)));
        assertThat(weekdayPeak).isGreaterThan(5 * weekdayNight);
        assertThat(saturdayPeak).isLessThan(0.75 * weekdayPeak);
    }

    @Test
    void aBusyServiceStartedAtItsPeakLearnsItsLevelWithoutAStorm() {
        SeasonalRateBaseline baseline = new SeasonalRateBaseline(Settings.DEFAULTS);
        ReportAnomalyRule rule = ReportAnomalyRule.DEFAULTS;
        OrdinaryComplaints complaints = new OrdinaryComplaints(SEED);
        Instant start = MONDAY.plus(Duration.ofHours(15));

        int anomalous = 0;
        for (int i = 0; i < 30; i++) {
            Instant minute = start.plus(MINUTE.multipliedBy(i));
            long count = complaints.next(minute);
            boolean flagged = rule.isAnomalous(count, baseline.expectedPerMinute(minute));
            anomalous += flagged ? 1 : 0;
            baseline.observe(minute, count, flagged);
        }

        assertThat(anomalous).isLessThanOrEqualTo(1);
        double peak = OrdinaryComplaints.rate(start);
        assertThat(baseline.expectedPerMinute(start)).isCloseTo(peak, within(0.3 * peak));
    }

    @Test
    void quietMinutesPullTheMeanDown() {
        SeasonalRateBaseline baseline = trainedOn(Duration.ofDays(7));
        Instant start = MONDAY.plus(Duration.ofDays(7));
        double before = baseline.expectedPerMinute(start);

        baseline.observeQuiet(start, start.plus(Duration.ofDays(7)));

        assertThat(baseline.expectedPerMinute(start)).isLessThan(0.9 * before);
    }

    @ParameterizedTest
    @CsvSource({
        // from offset (s), gap length (s): aligned, unaligned, sub-minute, over a week, empty
        "0, 60",
        "0, 3600",
        "90, 7200",
        "30, 20",
        "1234, 259200",
        "61, 705600",
        "0, 0",
        "120, -60",
    })
    void quietGapEqualsObservingZeroMinutesOneByOne(long fromOffsetSeconds, long gapSeconds) {
        SeasonalRateBaseline closedForm = trainedOn(Duration.ofDays(3));
        SeasonalRateBaseline oneByOne = copy(closedForm);
        Instant from = MONDAY.plus(Duration.ofDays(3)).plusSeconds(fromOffsetSeconds);
        Instant to = from.plusSeconds(gapSeconds);

        closedForm.observeQuiet(from, to);
        forEachMinuteStart(from, to, minute -> oneByOne.observe(minute, 0, false));

        assertThat(closedForm.observedMinutes()).isEqualTo(oneByOne.observedMinutes());
        assertSameExpectations(closedForm, oneByOne, 1e-9);
    }

    @Test
    void thirtyDayQuietGapEqualsOneByOneAndTakesBoundedWork() {
        SeasonalRateBaseline closedForm = trainedOn(Duration.ofDays(3));
        SeasonalRateBaseline oneByOne = copy(closedForm);
        Instant from = MONDAY.plus(Duration.ofDays(3)).plusSeconds(17 * 60);
        Instant to = from.plus(Duration.ofDays(30));

        closedForm.observeQuiet(from, to);
        forEachMinuteStart(from, to, minute -> oneByOne.observe(minute, 0, false));

        assertThat(closedForm.observedMinutes()).isEqualTo(Duration.ofDays(33).toMinutes());
        assertSameExpectations(closedForm, oneByOne, 1e-9);
        // A thousand ten-year gaps would be five billion minutes one by one; in closed form they
        // take at most 169 steps each.
        SeasonalRateBaseline longGaps = new SeasonalRateBaseline(Settings.DEFAULTS);
        assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> {
                    Instant start = MONDAY;
                    for (int gap = 0; gap < 1_000; gap++) {
                        Instant end = start.plus(Duration.ofDays(3653)).plusSeconds(gap * 60L);
                        longGaps.observeQuiet(start, end);
                        start = end;
                    }
                });
        assertThat(longGaps.observedMinutes()).isGreaterThan(5_000_000_000L);
    }

    @Test
    void aSingleHugeUnflaggedMinuteMovesTheMeanByUnderOnePercent() {
        SeasonalRateBaseline baseline = trainedOn(Duration.ofDays(21));
        Instant noon = MONDAY.plus(Duration.ofDays(21).plusHours(15));
        double before = baseline.expectedPerMinute(noon);

        baseline.observe(noon, 100_000, false);

        assertThat(baseline.expectedPerMinute(noon.plus(MINUTE))).isLessThan(1.01 * before);
    }

    @Test
    void aTwoHourOutageSpikeMovesTheBaselineByUnderTenPercent() {
        SeasonalRateBaseline baseline = trainedOn(Duration.ofDays(21));
        SeasonalRateBaseline before = copy(baseline);
        ReportAnomalyRule rule = ReportAnomalyRule.DEFAULTS;
        Instant start = MONDAY.plus(Duration.ofDays(21).plusHours(14));
        Instant end = start.plus(Duration.ofHours(2));

        int flagged = 0;
        for (Instant minute = start; minute.isBefore(end); minute = minute.plus(MINUTE)) {
            long count = Math.round(10 * OrdinaryComplaints.rate(minute));
            // The detector flags the minutes it finds anomalous; those are not learned.
            boolean anomalous = rule.isAnomalous(count, baseline.expectedPerMinute(minute));
            flagged += anomalous ? 1 : 0;
            baseline.observe(minute, count, anomalous);
        }

        assertThat(flagged).isEqualTo(120);
        assertSameExpectations(baseline, before, 0.1);
    }

    @Test
    void evenAnUnflaggedTwoHourSpikeIsHeldBackByTheCap() {
        SeasonalRateBaseline baseline = trainedOn(Duration.ofDays(21));
        Instant start = MONDAY.plus(Duration.ofDays(21).plusHours(14));
        double before = baseline.expectedPerMinute(start);

        for (int i = 0; i < 120; i++) {
            Instant minute = start.plus(MINUTE.multipliedBy(i));
            baseline.observe(minute, Math.round(100 * OrdinaryComplaints.rate(minute)), false);
        }

        // Uncapped, two hours at 100x would lift this slot's four-week mean about 30-fold.
        assertThat(baseline.expectedPerMinute(start)).isLessThan(1.5 * before);
    }

    @Test
    void sevenOrdinaryDaysFromAColdStartRaiseNoAnomalyWhileATenfoldSpikeIsFlaggedAtOnce() {
        SeasonalRateBaseline baseline = new SeasonalRateBaseline(Settings.DEFAULTS);
        ReportAnomalyRule rule = ReportAnomalyRule.DEFAULTS;
        OrdinaryComplaints complaints = new OrdinaryComplaints(SEED);
        Instant end = MONDAY.plus(Duration.ofDays(7));

        int anomalous = 0;
        for (Instant minute = MONDAY; minute.isBefore(end); minute = minute.plus(MINUTE)) {
            long count = complaints.next(minute);
            boolean flagged = rule.isAnomalous(count, baseline.expectedPerMinute(minute));
            anomalous += flagged ? 1 : 0;
            baseline.observe(minute, count, flagged);
        }
        assertThat(anomalous).isZero();

        // At the quietest hours (1.5 a minute) a tenfold spike is 15 people, which the default
        // overdispersion finds only 1e-5.6 unlikely; elsewhere one minute is enough.
        for (int hour = 0; hour < 24; hour++) {
            Instant outage = end.plus(Duration.ofHours(hour));
            if (OrdinaryComplaints.rate(outage) < 2) {
                continue;
            }
            long count = Math.round(10 * OrdinaryComplaints.rate(outage));
            assertThat(rule.isAnomalous(count, baseline.expectedPerMinute(outage)))
                    .as("10x spike of %d at %s", count, outage)
                    .isTrue();
        }
    }

    @Test
    void keepsOnlyTheSlotsItHasSeenInState() {
        SeasonalRates day = trainedOn(Duration.ofDays(1)).rates();
        SeasonalRates week = trainedOn(Duration.ofDays(7)).rates();

        assertThat(day.occupiedSlots()).isEqualTo(24);
        assertThat(StateSerialization.bytes(day, SeasonalRates.class)).hasSizeLessThan(400);
        assertThat(week.occupiedSlots()).isEqualTo(SeasonalRateBaseline.SLOTS);
        assertThat(StateSerialization.bytes(week, SeasonalRates.class)).hasSizeLessThan(2_100);
    }

    @Test
    void goesOnFromWhatItKeptInStateExactly() {
        SeasonalRateBaseline original = trainedOn(Duration.ofDays(3));
        SeasonalRateBaseline restored = copy(original);
        Instant next = MONDAY.plus(Duration.ofDays(3));

        original.observe(next, 7, false);
        restored.observe(next, 7, false);

        assertThat(restored.rates()).isEqualTo(original.rates());
        assertSameExpectations(restored, original, 0.0);
    }

    @Test
    void rejectsNegativeCounts() {
        assertThatThrownBy(
                        () ->
                                new SeasonalRateBaseline(Settings.DEFAULTS)
                                        .observe(MONDAY, -1, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SeasonalRateBaseline trainedOn(Duration span) {
        SeasonalRateBaseline baseline = new SeasonalRateBaseline(Settings.DEFAULTS);
        OrdinaryComplaints complaints = new OrdinaryComplaints(SEED);
        Instant end = MONDAY.plus(span);
        for (Instant minute = MONDAY; minute.isBefore(end); minute = minute.plus(MINUTE)) {
            baseline.observe(minute, complaints.next(minute), false);
        }
        return baseline;
    }

    /** A baseline that goes on from the other's data after a round trip through Flink state. */
    private static SeasonalRateBaseline copy(SeasonalRateBaseline baseline) {
        return new SeasonalRateBaseline(
                Settings.DEFAULTS, StateSerialization.copy(baseline.rates(), SeasonalRates.class));
    }

    private static double meanOfHour(Instant hourStart, ToDoubleFunction<Instant> value) {
        double sum = 0;
        for (int i = 0; i < 60; i++) {
            sum += value.applyAsDouble(hourStart.plus(MINUTE.multipliedBy(i)));
        }
        return sum / 60;
    }

    private static void forEachMinuteStart(
            Instant from, Instant toExclusive, Consumer<Instant> action) {
        Instant minute = Instant.ofEpochSecond(Math.floorDiv(from.getEpochSecond() + 59, 60) * 60);
        for (; minute.isBefore(toExclusive); minute = minute.plus(MINUTE)) {
            action.accept(minute);
        }
    }

    /** Every slot's expectation agrees, relative to the larger, within {@code tolerance}. */
    private static void assertSameExpectations(
            SeasonalRateBaseline actual, SeasonalRateBaseline expected, double tolerance) {
        for (int slot = 0; slot < SeasonalRateBaseline.SLOTS; slot++) {
            Instant hour = MONDAY.plus(Duration.ofHours(slot));
            double a = actual.expectedPerMinute(hour);
            double e = expected.expectedPerMinute(hour);
            assertThat(Math.abs(a - e))
                    .as("slot %d: %s vs %s", slot, a, e)
                    .isLessThanOrEqualTo(tolerance * Math.max(Math.abs(a), Math.abs(e)));
        }
    }
}
