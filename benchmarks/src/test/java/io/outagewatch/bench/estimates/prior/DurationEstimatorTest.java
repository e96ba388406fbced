package io.outagewatch.bench.estimates.prior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.outagewatch.detection.duration.DurationEstimate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationEstimatorTest {

    private static final DurationEstimator ESTIMATOR = DurationEstimator.withPublicPrior();
    private static final IncidentDurationHistory NONE = IncidentDurationHistory.empty();
    private static final Duration PRIOR_MEDIAN =
            DurationPrior.fit().quantile(DurationEstimate.MEDIAN_QUANTILE);

    /** Past outages of a service that is always back in about ten minutes. */
    private static final List<Duration> TEN_MINUTE_OUTAGES =
            List.of(
                    Duration.ofMinutes(8),
                    Duration.ofMinutes(9),
                    Duration.ofMinutes(10),
                    Duration.ofMinutes(11),
                    Duration.ofMinutes(12));

    private static final Duration GRID_STEP = Duration.ofMinutes(5);
    private static final Duration GRID_END = Duration.ofDays(8);
    private static final Duration ROUNDING_GRID_STEP = Duration.ofSeconds(9_973);

    @Test
    void withNoHistoryAndNothingElapsedGivesThePrior() {
        DurationEstimate estimate = ESTIMATOR.estimate(NONE, Duration.ZERO);
        LogNormalFit prior = DurationPrior.fit();

        assertThat(estimate.median()).isCloseTo(PRIOR_MEDIAN, Duration.ofSeconds(1));
        assertThat(estimate.low())
                .isCloseTo(prior.quantile(DurationEstimate.LOW_QUANTILE), Duration.ofSeconds(1));
        assertThat(estimate.high())
                .isCloseTo(prior.quantile(DurationEstimate.HIGH_QUANTILE), Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @CsvSource({"PT0S", "PT10M", "PT1H", "PT3H", "PT12H"})
    void conditionalEstimateIsOrderedAndAtLeastElapsed(Duration elapsed) {
        DurationEstimate estimate = ESTIMATOR.estimate(NONE, elapsed);

        assertThat(estimate.low()).isGreaterThanOrEqualTo(elapsed);
        assertThat(estimate.median()).isGreaterThanOrEqualTo(estimate.low());
        assertThat(estimate.high())
                .isGreaterThanOrEqualTo(estimate.median())
                .isLessThanOrEqualTo(DurationEstimator.MAX_TOTAL);
    }

    @Test
    void conditionalMedianGrowsWithElapsedAcrossTheTable() {
        List<Duration> elapsed =
                List.of(
                        Duration.ZERO,
                        Duration.ofMinutes(10),
                        Duration.ofHours(1),
                        Duration.ofHours(3),
                        Duration.ofHours(12));

        List<Duration> medians =
                elapsed.stream().map(e -> ESTIMATOR.estimate(NONE, e).median()).toList();

        assertThat(medians).isSorted().doesNotHaveDuplicates();
        // Three hours in, more than half of the prior's outages are already over.
        assertThat(medians.get(3)).isGreaterThan(PRIOR_MEDIAN.plusHours(1));
    }

    @Test
    void everyBoundIsMonotoneInElapsedOnAFineGrid() {
        for (IncidentDurationHistory history : List.of(NONE, recorded(TEN_MINUTE_OUTAGES, 7))) {
            DurationEstimate previous = ESTIMATOR.estimate(history, Duration.ZERO);
            for (Duration e = GRID_STEP; e.compareTo(GRID_END) <= 0; e = e.plus(GRID_STEP)) {
                DurationEstimate next = ESTIMATOR.estimate(history, e);
                assertThat(next.low()).as("low at %s", e).isGreaterThanOrEqualTo(previous.low());
                assertThat(next.median())
                        .as("median at %s", e)
                        .isGreaterThanOrEqualTo(previous.median());
                assertThat(next.high()).as("high at %s", e).isGreaterThanOrEqualTo(previous.high());
                assertThat(next.low()).as("low at %s", e).isGreaterThanOrEqualTo(e);
                previous = next;
            }
        }
    }

    @Test
    void neverBelowElapsedEvenWhereLogSpaceRoundingBites() {
        // Any finite mu is accepted; this far out, exp(mu + sigma·z) loses whole seconds.
        DurationEstimator absurd = new DurationEstimator(new LogNormalFit(-1e9, 0.1), 5);
        for (Duration e = Duration.ofSeconds(1);
                e.compareTo(DurationEstimator.MAX_TOTAL) < 0;
                e = e.plus(ROUNDING_GRID_STEP)) {
            for (Duration elapsed : List.of(e, e.plusNanos(1))) {
                assertThat(absurd.estimate(NONE, elapsed).low())
                        .as("low at %s", elapsed)
                        .isGreaterThanOrEqualTo(elapsed);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"P7D", "P7DT1S", "P30D"})
    void pastTheCapTheEstimateIsTheElapsedTime(Duration elapsed) {
        DurationEstimate estimate = ESTIMATOR.estimate(NONE, elapsed);

        assertThat(estimate).isEqualTo(new DurationEstimate(elapsed, elapsed, elapsed));
    }

    @Test
    void justBelowTheCapNoBoundExceedsIt() {
        DurationEstimate estimate =
                ESTIMATOR.estimate(NONE, DurationEstimator.MAX_TOTAL.minusMinutes(1));

        assertThat(estimate.high()).isEqualTo(DurationEstimator.MAX_TOTAL);
    }

    @Test
    void aServiceWithTenMinuteOutagesLearnsAShortMedian() {
        IncidentDurationHistory history = recorded(TEN_MINUTE_OUTAGES, 8);

        DurationEstimate estimate = ESTIMATOR.estimate(history, Duration.ZERO);
        DurationEstimate prior = ESTIMATOR.estimate(NONE, Duration.ZERO);

        assertThat(history.size()).isEqualTo(IncidentDurationHistory.CAPACITY);
        assertThat(estimate.median())
                .isBetween(Duration.ofMinutes(10), Duration.ofMinutes(20))
                .isLessThan(PRIOR_MEDIAN.dividedBy(5));
        assertThat(ratio(estimate)).isLessThan(ratio(prior));
    }

    @Test
    void eachShortOutageShortensTheMedianAndOneDoesNotOverrideThePrior() {
        IncidentDurationHistory history = NONE;
        Duration previous = ESTIMATOR.estimate(history, Duration.ZERO).median();
        for (int i = 1; i <= IncidentDurationHistory.CAPACITY; i++) {
            history = history.withRecorded(Duration.ofMinutes(10));
            Duration median = ESTIMATOR.estimate(history, Duration.ZERO).median();
            assertThat(median).as("after %d outages", i).isLessThan(previous);
            if (i == 1) {
                assertThat(median).isGreaterThan(Duration.ofHours(1));
            }
            previous = median;
        }
    }

    @Test
    void predictivePoolsThePriorAndTheHistoryByWeight() {
        LogNormalFit prior = new LogNormalFit(Math.log(3_600), 1.0);
        DurationEstimator estimator = new DurationEstimator(prior, 2);
        IncidentDurationHistory history =
                NONE.withRecorded(Duration.ofSeconds(60)).withRecorded(Duration.ofSeconds(240));

        LogNormalFit predictive = estimator.predictive(history);

        double ownMean = Math.log(120);
        double ownSquares = 2 * Math.pow(Math.log(2), 2);
        assertThat(predictive.mu()).isCloseTo((2 * prior.mu() + 2 * ownMean) / 4, within(1e-12));
        assertThat(predictive.sigma())
                .isCloseTo(Math.sqrt((2 * 1.0 + ownSquares) / 4), within(1e-12));
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(ESTIMATOR);
        }
        DurationEstimator copy;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (DurationEstimator) in.readObject();
        }

        assertThat(copy.estimate(NONE, Duration.ofHours(2)))
                .isEqualTo(ESTIMATOR.estimate(NONE, Duration.ofHours(2)));
    }

    @Test
    void rejectsNegativeElapsed() {
        assertThatThrownBy(() -> ESTIMATOR.estimate(NONE, Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("elapsed must not be negative, got PT-1M");
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "NaN", "Infinity"})
    void rejectsABadPriorWeight(double weight) {
        assertThatThrownBy(() -> new DurationEstimator(DurationPrior.fit(), weight))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** How many times wider the high bound is than the low one. */
    private static double ratio(DurationEstimate estimate) {
        return (double) estimate.highSeconds() / estimate.lowSeconds();
    }

    private static IncidentDurationHistory recorded(List<Duration> cycle, int rounds) {
        IncidentDurationHistory history = NONE;
        for (int round = 0; round < rounds; round++) {
            for (Duration duration : cycle) {
                history = history.withRecorded(duration);
            }
        }
        return history;
    }
}
