package io.outagewatch.bench.estimates.prior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.detection.duration.DurationEstimate;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class EstimateQualityTest {

    private static final int SYNTHETIC_SAMPLES = 400;
    private static final int SEED = 7;

    @Test
    void backtestOverThePublicIncidents() throws IOException {
        List<Duration> actuals = PublicIncidents.durations();

        EstimateQuality.Report report = EstimateQuality.backtest(actuals);

        System.out.println(
                report + String.format(" typicalErrorFactor=%.2f", report.typicalErrorFactor()));
        assertThat(report.n()).isEqualTo(actuals.size());
        assertThat(report.intervalCoverage()).isBetween(0.5, 1.0);
        assertThat(report.medianAbsLogError()).isPositive().isLessThan(Math.log(5));
        assertThat(report.medianAbsErrorMinutes()).isPositive();
    }

    @Test
    void wellSpecifiedDataIsCoveredAboutAsOftenAsTheIntervalClaims() {
        double sigma = 0.7;
        LogNormalDistribution truth =
                new LogNormalDistribution(new Well19937c(SEED), Math.log(1_800), sigma);
        List<Duration> actuals = new ArrayList<>();
        for (int i = 0; i < SYNTHETIC_SAMPLES; i++) {
            actuals.add(Duration.ofMillis(Math.round(truth.sample() * 1000)));
        }

        EstimateQuality.Report report = EstimateQuality.backtest(actuals);

        double claimed = DurationEstimate.HIGH_QUANTILE - DurationEstimate.LOW_QUANTILE;
        assertThat(report.intervalCoverage()).isBetween(claimed - 0.06, claimed + 0.06);
        // For a normal, the median absolute deviation from the centre is 0.674 σ.
        assertThat(report.medianAbsLogError()).isBetween(0.674 * sigma * 0.8, 0.674 * sigma * 1.2);
    }

    @Test
    void rejectsFewerThanTwoDurations() {
        assertThatThrownBy(() -> EstimateQuality.backtest(List.of(Duration.ofMinutes(5))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leave-one-out needs at least 2 durations, got 1");
    }
}
