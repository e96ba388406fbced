package io.outagewatch.detection.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FailureRiseCusumTest {

    private static final Instant T0 = Instant.parse("2024-07-09T13:40:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final int PROBES = 12;
    private static final double BASELINE = 0.002;
    private static final double RISE = IncidentPolicy.DEFAULT_ONSET_RISE;
    private static final Duration LOOKBACK = IncidentPolicy.DEFAULT_ONSET_LOOKBACK;

    private static Instant at(int minute) {
        return T0.plus(MINUTE.multipliedBy(minute));
    }

    /**
     * Runs the CUSUM over one minute per entry, 12 probes each, and gives the run after the last.
     */
    private static IncidentState.FailureRise run(int... failures) {
        IncidentState.FailureRise rise = null;
        for (int m = 0; m < failures.length; m++) {
            rise = FailureRiseCusum.next(rise, at(m), PROBES, failures[m], BASELINE, RISE);
        }
        return rise;
    }

    /**
     * Failures per minute as a table: where the run that is on after the last minute began (minutes
     * from T0), or -1 when none is.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "'healthy minutes hold nothing',                  '0 0 0 0 0 0',          -1",
        "'a lone failure is cancelled by the next minute', '0 0 1 0',              -1",
        "'a lone failure still counts in its own minute',  '0 0 0 1',               3",
        "'a sudden outage starts its own minute',          '0 0 0 0 11 12',         4",
        "'failures that keep coming hold the run',         '0 1 1 1 2 3',           1",
        "'a ramp from minute 2 (12 probes, (m + 0.5)/20 fail): a minute late', '0 0 0 1 2 2 3 3 4', 3",
        "'a healthy minute mid-ramp restarts it',          '0 1 0 0 2 2 3 4',       4",
    })
    void theRunStartsWhereTheSumLastLeftZero(String label, String failures, int since) {
        int[] counts = Stream.of(failures.split(" ")).mapToInt(Integer::parseInt).toArray();

        IncidentState.FailureRise rise = run(counts);

        if (since < 0) {
            assertThat(rise).isNull();
        } else {
            assertThat(rise.since()).isEqualTo(at(since));
            assertThat(rise.lastMinute()).isEqualTo(at(counts.length - 1));
            assertThat(rise.score()).isPositive();
        }
    }

    @Test
    void aMinuteOfFewProbesMovesTheSumLittle() {
        IncidentState.FailureRise rise = run(0, 2);
        double before = rise.score();

        IncidentState.FailureRise afterOne =
                FailureRiseCusum.next(rise, at(2), 1, 0, BASELINE, RISE);
        IncidentState.FailureRise afterTwelve =
                FailureRiseCusum.next(rise, at(2), PROBES, 0, BASELINE, RISE);

        assertThat(afterOne.score()).isLessThan(before).isGreaterThan(before - 0.5);
        assertThat(afterTwelve == null ? 0 : afterTwelve.score()).isLessThan(afterOne.score() - 2);
    }

    @Test
    void aGapOrAMinuteWithoutProbesEndsTheRun() {
        IncidentState.FailureRise rise = run(0, 2, 3);

        IncidentState.FailureRise afterGap =
                FailureRiseCusum.next(rise, at(5), PROBES, 3, BASELINE, RISE);
        assertThat(afterGap.since()).isEqualTo(at(5));
        assertThat(FailureRiseCusum.next(rise, at(3), 0, 0, BASELINE, RISE)).isNull();
        assertThat(FailureRiseCusum.next(rise, at(3), PROBES, 3, null, RISE)).isNull();
    }

    @Test
    void aFlakyBaselineNeedsMoreFailuresToRise() {
        IncidentState.FailureRise quiet =
                FailureRiseCusum.next(null, at(0), PROBES, 2, BASELINE, RISE);
        IncidentState.FailureRise flaky = FailureRiseCusum.next(null, at(0), PROBES, 2, 0.2, RISE);

        assertThat(quiet).isNotNull();
        assertThat(flaky).isNull();
    }

    static Stream<Arguments> onsets() {
        Instant first = at(20);
        return Stream.of(
                Arguments.of("no rise: the first anomalous minute", null, first),
                Arguments.of("a rise that began later changes nothing", at(21), first),
                Arguments.of("a rise that began with it changes nothing", first, first),
                Arguments.of("a rise that began before: its start", at(8), at(8)),
                Arguments.of(
                        "never further back than the lookback",
                        first.minus(LOOKBACK).minus(MINUTE),
                        first.minus(LOOKBACK)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onsets")
    void theOnsetIsTheRiseStartWhenItLeadsIntoTheIncident(
            String label, Instant since, Instant expected) {
        IncidentState.FailureRise rise =
                since == null ? null : new IncidentState.FailureRise(since, at(21), 5.0);

        assertThat(FailureRiseCusum.onset(rise, at(20), LOOKBACK)).isEqualTo(expected);
    }
}
