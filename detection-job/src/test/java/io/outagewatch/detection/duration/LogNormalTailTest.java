package io.outagewatch.detection.duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogNormalTailTest {

    @ParameterizedTest
    @CsvSource({"30", "33", "36"})
    void asymptoticSeriesAgreesWithTheExactTail(double z) {
        double exact = Math.log(new NormalDistribution(null, 0, 1).cumulativeProbability(-z));

        assertThat(LogNormalTail.logSurvival(z)).isCloseTo(exact, within(Math.abs(exact) * 1e-9));
    }

    @Test
    void logSurvivalFallsAcrossTheSwitchToTheSeries() {
        double below = Math.nextDown(30.0);

        assertThat(LogNormalTail.logSurvival(30)).isLessThan(LogNormalTail.logSurvival(below));
    }
}
