package io.outagewatch.detection.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportAnomalyRuleTest {

    @ParameterizedTest(name = "{0} against {1}: {2} ({3})")
    @CsvSource({
        "80, 2.0, true, far above on every count",
        "150, 15.0, true, tenfold at a busy hour",
        "8, 0.1, true, exactly the minimum count",
        "7, 0.01, false, below the minimum count however improbable",
        "97, 15.0, false, 6.5-fold at a busy hour is just short of score 6 under overdispersion",
        "98, 15.0, true, one more and it is not",
        "15, 1.5, false, tenfold at night is not improbable enough under overdispersion",
        "20, 1.5, true, thirteenfold at night is",
        "0, 0.0, false, nothing at all",
    })
    void defaultRule(long observed, double expected, boolean anomalous, String why) {
        assertThat(ReportAnomalyRule.DEFAULTS.isAnomalous(observed, expected)).isEqualTo(anomalous);
    }

    /** Each threshold alone decides when the others are satisfied. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "count decides, 10, 0.0, 1.0, 10, 1.0, true",
        "count decides, 10, 0.0, 1.0, 9, 1.0, false",
        "ratio decides, 0, 0.0, 3.0, 30, 10.0, true",
        "ratio decides, 0, 0.0, 3.0, 29, 10.0, false",
        "score decides, 0, 4.0, 1.0, 50, 10.0, true",
        "score decides, 0, 4.0, 1.0, 49, 10.0, false",
    })
    void eachConditionIsRequired(
            String condition,
            int minCount,
            double minScore,
            double minRatio,
            long observed,
            double expected,
            boolean anomalous) {
        ReportAnomalyRule rule = new ReportAnomalyRule(minCount, minScore, minRatio, 0.3);
        assertThat(rule.isAnomalous(observed, expected)).isEqualTo(anomalous);
    }

    @Test
    void threeArgumentRuleUsesTheDefaultOverdispersion() {
        ReportAnomalyRule rule =
                new ReportAnomalyRule(
                        ReportAnomalyRule.DEFAULT_MIN_COUNT,
                        ReportAnomalyRule.DEFAULT_MIN_SCORE,
                        ReportAnomalyRule.DEFAULT_MIN_RATIO);

        assertThat(rule).isEqualTo(ReportAnomalyRule.DEFAULTS);
        assertThat(rule.score(30, 5.0)).isEqualTo(CountTailTest.score(30, 5.0, 0.3));
    }

    @Test
    void rejectsNegativeThresholds() {
        assertThatThrownBy(() -> new ReportAnomalyRule(-1, 6, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
