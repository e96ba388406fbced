package io.outagewatch.detection.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.PascalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.util.FastMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CountTailTestTest {

    private static final double RELATIVE_TOLERANCE = 1e-9;

    @ParameterizedTest
    @CsvSource({
        "1, 0.5",
        "3, 0.5",
        "8, 2.0",
        "20, 2.0",
        "15, 15.0",
        "25, 15.0",
        "40, 15.0",
        "0, 3.0",
        "5, 40.0",
        "60, 40.0",
    })
    void withoutOverdispersionItIsThePoissonUpperTail(long observed, double expected) {
        PoissonDistribution poisson = new PoissonDistribution(expected);
        double reference = 1.0 - poisson.cumulativeProbability((int) observed - 1);

        assertThat(CountTailTest.upperTailPValue(observed, expected, 0.0))
                .isCloseTo(reference, within(RELATIVE_TOLERANCE * reference + 1e-15));
    }

    /** With φ = 1/r for whole r, the negative binomial is commons-math's Pascal distribution. */
    @ParameterizedTest
    @CsvSource({
        "1.0, 0.5, 1",
        "1.0, 0.5, 4",
        "0.5, 2.0, 6",
        "0.5, 2.0, 15",
        "0.25, 10.0, 25",
        "0.25, 10.0, 40",
        "0.1, 20.0, 45",
        "0.1, 20.0, 8",
    })
    void withWholeShapeItIsThePascalUpperTail(
            double overdispersion, double expected, long observed) {
        int shape = (int) Math.round(1 / overdispersion);
        PascalDistribution pascal = new PascalDistribution(shape, shape / (shape + expected));
        double reference = 1.0 - pascal.cumulativeProbability((int) observed - 1);

        assertThat(CountTailTest.upperTailPValue(observed, expected, overdispersion))
                .isCloseTo(reference, within(RELATIVE_TOLERANCE * reference + 1e-15));
    }

    /** Far tails are summed term by term in log space, where 1 − cdf would give 0. */
    @ParameterizedTest
    @CsvSource({"200, 5.0, 0.0", "120, 3.0, 0.5", "60, 1.0, 0.3"})
    void farTailsStayAccurate(long observed, double expected, double overdispersion) {
        double reference = 0;
        for (long k = observed; k < observed + 2_000; k++) {
            reference += FastMath.exp(logProbability(k, expected, overdispersion));
        }

        double p = CountTailTest.upperTailPValue(observed, expected, overdispersion);

        assertThat(reference).isLessThan(1e-17);
        assertThat(p).isCloseTo(reference, within(1e-8 * reference));
    }

    @Test
    void overdispersionFattensTheUpperTail() {
        assertThat(CountTailTest.upperTailPValue(30, 5.0, 0.3))
                .isGreaterThan(1e3 * CountTailTest.upperTailPValue(30, 5.0, 0.0));
    }

    @ParameterizedTest
    @CsvSource({
        // observed, expected, overdispersion, p-value
        "0, 4.0, 0.3, 1.0",
        "-3, 4.0, 0.3, 1.0",
        "0, 0.0, 0.0, 1.0",
        "1, 0.0, 0.3, 0.0",
        "1, 0.0, 0.0, 0.0",
    })
    void edgeCases(long observed, double expected, double overdispersion, double p) {
        assertThat(CountTailTest.upperTailPValue(observed, expected, overdispersion)).isEqualTo(p);
    }

    @ParameterizedTest
    @CsvSource({
        // observed, expected, overdispersion, score
        "0, 4.0, 0.3, 0.0",
        "1, 0.0, 0.3, 50.0",
        "10000, 1.0, 0.0, 50.0",
        "1000, 1.0, 0.3, 50.0",
    })
    void scoresAreCappedAndNeverNegative(
            long observed, double expected, double overdispersion, double score) {
        assertThat(CountTailTest.score(observed, expected, overdispersion)).isEqualTo(score);
    }

    @Test
    void scoreIsMinusLog10OfThePValueAndGrowsWithTheCount() {
        double previous = -1;
        for (long observed = 0; observed <= 80; observed++) {
            double score = CountTailTest.score(observed, 5.0, 0.3);
            double p = CountTailTest.upperTailPValue(observed, 5.0, 0.3);
            assertThat(score).isCloseTo(Math.min(50, -Math.log10(p)), within(1e-12));
            assertThat(score).isGreaterThanOrEqualTo(previous);
            previous = score;
        }
        assertThat(previous).isGreaterThan(6);
    }

    @ParameterizedTest
    @CsvSource({"-1.0, 0.3", "NaN, 0.3", "Infinity, 0.3", "2.0, -0.1", "2.0, NaN"})
    void rejectsInvalidParameters(double expected, double overdispersion) {
        assertThatThrownBy(() -> CountTailTest.upperTailPValue(3, expected, overdispersion))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** The negative binomial (or Poisson) log pmf written out from its definition. */
    private static double logProbability(long k, double mean, double overdispersion) {
        if (overdispersion == 0) {
            return k * Math.log(mean) - mean - Gamma.logGamma(k + 1);
        }
        double r = 1 / overdispersion;
        return Gamma.logGamma(k + r)
                - Gamma.logGamma(r)
                - Gamma.logGamma(k + 1)
                + r * Math.log(r / (r + mean))
                + k * Math.log(mean / (r + mean));
    }
}
