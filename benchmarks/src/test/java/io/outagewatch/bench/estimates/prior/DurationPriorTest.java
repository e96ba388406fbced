package io.outagewatch.bench.estimates.prior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.outagewatch.detection.duration.DurationEstimate;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurationPriorTest {

    /** The constants are rounded to five decimals when copied into code. */
    private static final double CONSTANT_TOLERANCE = 1e-4;

    @Test
    void constantsAreTheFitOfThePublicIncidents() throws IOException {
        List<Duration> durations = PublicIncidents.durations();

        LogNormalFit fit = LogNormalFit.fit(durations);

        assertThat(durations).hasSize(DurationPrior.INCIDENTS);
        assertThat(fit.mu()).isCloseTo(DurationPrior.MU, within(CONSTANT_TOLERANCE));
        assertThat(fit.sigma()).isCloseTo(DurationPrior.SIGMA, within(CONSTANT_TOLERANCE));
    }

    @Test
    void javadocFiguresMatchTheConstants() {
        LogNormalFit prior = DurationPrior.fit();

        assertThat(roundedMinutes(prior.quantile(DurationEstimate.MEDIAN_QUANTILE))).isEqualTo(146);
        assertThat(roundedMinutes(prior.quantile(DurationEstimate.LOW_QUANTILE))).isEqualTo(44);
        assertThat(roundedMinutes(prior.quantile(DurationEstimate.HIGH_QUANTILE))).isEqualTo(487);
    }

    private static long roundedMinutes(Duration duration) {
        return Math.round(duration.toSeconds() / 60.0);
    }
}
