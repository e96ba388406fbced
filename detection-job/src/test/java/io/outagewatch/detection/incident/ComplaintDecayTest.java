package io.outagewatch.detection.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ComplaintDecayTest {

    private static final Instant T0 = Instant.parse("2024-05-14T18:00:00Z");

    /**
     * Minutes at {@code level} complaints above baseline until {@code fixMinute}, then decaying
     * with {@code decayMinutes} (0: they stop at once), each minute a Poisson draw of its mean.
     */
    private static List<Double> series(
            double level, int fixMinute, double decayMinutes, int minutes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Double> excess = new ArrayList<>();
        for (int i = 0; i < minutes; i++) {
            double mean;
            if (i < fixMinute) {
                mean = level;
            } else if (decayMinutes == 0) {
                mean = 0;
            } else {
                // The minute's mean of an exponential decay that began at the fix.
                double from = i - fixMinute;
                mean =
                        level
                                * decayMinutes
                                * (Math.exp(-from / decayMinutes)
                                        - Math.exp(-(from + 1) / decayMinutes));
            }
            excess.add((double) poisson(mean, random));
        }
        return excess;
    }

    private static int poisson(double mean, SplittableRandom random) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit && count < 10_000) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /**
     * Each case with the error it is held to over 20 noise draws: the fewer complaints and the
     * slower their decay, the less a minute of noise tells level from tail.
     */
    static Stream<Arguments> decays() {
        return Stream.of(
                Arguments.of("complaints stop at the fix", 20.0, 15, 0.0, 30, 1),
                Arguments.of("an eight-minute tail", 20.0, 15, 8.0, 40, 2),
                Arguments.of("a fix early in the kept minutes", 15.0, 5, 8.0, 35, 3),
                Arguments.of("a short tail at a low level", 6.0, 12, 3.0, 30, 4),
                Arguments.of("a long tail", 30.0, 12, 20.0, 40, 8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decays")
    void placesTheFixWhereComplaintsLeaveTheirLevel(
            String name,
            double level,
            int fixMinute,
            double decayMinutes,
            int minutes,
            int toleranceMinutes) {
        for (long seed = 1; seed <= 20; seed++) {
            List<Double> excess = series(level, fixMinute, decayMinutes, minutes, seed);

            Instant decayStart = ComplaintDecay.decayStart(excess, T0);

            assertThat(decayStart).as("seed %d", seed).isNotNull();
            assertThat(Duration.between(T0.plus(Duration.ofMinutes(fixMinute)), decayStart).abs())
                    .as("seed %d: %s", seed, excess)
                    .isLessThanOrEqualTo(Duration.ofMinutes(toleranceMinutes));
        }
    }

    @Test
    void oneLoudMinuteInTheTailMovesTheFixLittle() {
        int fixMinute = 15;
        for (long seed = 1; seed <= 20; seed++) {
            List<Double> excess = series(20.0, fixMinute, 8.0, 40, seed);
            excess.set(fixMinute + 6, 20.0);

            Instant decayStart = ComplaintDecay.decayStart(excess, T0);

            assertThat(Duration.between(T0.plus(Duration.ofMinutes(fixMinute)), decayStart).abs())
                    .as("seed %d: %s", seed, excess)
                    .isLessThanOrEqualTo(Duration.ofMinutes(2));
        }
    }

    @Test
    void tooFewMinutesForALevelGiveNoAnswer() {
        assertThat(ComplaintDecay.decayStart(List.of(5.0, 4.0, 0.0), T0)).isNull();
        assertThat(ComplaintDecay.decayStart(List.of(0.0, 0.0, 0.0, 0.0, 0.0), T0)).isNull();
    }
}
