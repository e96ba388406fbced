package io.outagewatch.bench.nab;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class NabDetectorTest {

    private static List<LocalDateTime> fiveMinuteRows(int n) {
        List<LocalDateTime> ts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ts.add(LocalDateTime.of(2020, 1, 1, 0, 0).plusMinutes(5L * i));
        }
        return ts;
    }

    @Test
    void constantSeriesScoresZero() {
        double[] values = new double[500];
        Arrays.fill(values, 3.0);
        assertThat(NabDetector.score(fiveMinuteRows(500), values)).containsOnly(0.0);
    }

    private static double[] wave(int n, double level) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = level + Math.sin(i / 20.0);
        }
        return values;
    }

    @Test
    void spikeStandsOutAndOpensAnIncident() {
        double[] values = wave(2000, 10);
        values[1200] = 100;
        double[] scores = NabDetector.score(fiveMinuteRows(2000), values);
        double quiet = Arrays.stream(scores, 300, 1200).max().orElseThrow();
        assertThat(scores[1200]).isGreaterThan(quiet).isLessThanOrEqualTo(1.0);
        // The rows right after a detection are inside its incident and report 0.
        assertThat(scores[1201]).isZero();
        assertThat(Arrays.stream(scores).allMatch(s -> s >= 0 && s <= 1)).isTrue();
    }

    @Test
    void dropStandsOut() {
        double[] values = wave(2000, 90);
        values[0] = 100;
        values[1600] = 0;
        double[] scores = NabDetector.score(fiveMinuteRows(2000), values);
        double quiet = Arrays.stream(scores, 300, 1600).max().orElseThrow();
        assertThat(scores[1600]).isGreaterThan(quiet);
    }

    @Test
    void baselineTimeScaleFollowsTheSamplingInterval() {
        var settings = NabDetector.settingsFor(fiveMinuteRows(3));
        assertThat(settings.globalHalfLifeMinutes()).isEqualTo(72.0);
        assertThat(settings.slotTrustMinutes()).isEqualTo(12);
    }
}
