package io.outagewatch.bench.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NabScorerTest {

    /**
     * Three of NAB's own files with their windows, profiles and reference results, and the scores
     * NAB's rules give them, computed independently by {@code nab_score.py}; see {@code
     * nab-fixture/README.md}. The full 48-file reproduction runs in CI ({@code .ci/check-nab.py}).
     */
    static Path fixture() throws URISyntaxException {
        URL expected = NabScorerTest.class.getResource("/nab-fixture/reference/expected.json");
        assertThat(expected).as("nab-fixture on the test classpath").isNotNull();
        return Path.of(expected.toURI()).getParent().getParent();
    }

    /** The fixture's {@code reference/expected.json}: {@code scores}, {@code corpus}. */
    static JsonNode expected() throws Exception {
        return new ObjectMapper().readTree(fixture().resolve("reference/expected.json").toFile());
    }

    /**
     * The Java scorer and {@code nab_score.py} do the same double arithmetic and differ only in the
     * order of some additions.
     */
    static final double SAME_ARITHMETIC = 1e-9;

    static List<NabScorer.Annotated> annotateReference(Path nab, String detector) throws Exception {
        NabWindows windows = NabWindows.read(nab.resolve("labels/combined_windows.json"));
        List<NabScorer.Annotated> files = new ArrayList<>();
        for (String key : windows.files()) {
            Path file = NabResults.resultFile(nab.resolve("reference/" + detector), detector, key);
            NabResults.Series s = NabResults.read(file, "anomaly_score");
            files.add(
                    NabScorer.annotate(
                            key, s.timestamps(), s.anomalyScores(), windows.windowsOf(key)));
        }
        return files;
    }

    @ParameterizedTest
    @ValueSource(strings = {"numenta", "windowedGaussian"})
    void reproducesNabScoresOfTheReferenceDetectorsOnTheFixture(String detector) throws Exception {
        Path nab = fixture();
        JsonNode expected = expected().path("scores");
        NabWindows windows = NabWindows.read(nab.resolve("labels/combined_windows.json"));
        List<NabProfile> profiles = NabProfile.read(nab.resolve("config/profiles.json"));
        assertThat(windows.windowCount())
                .isEqualTo(expected().path("corpus").path("windows").asInt());

        List<NabScorer.ProfileScore> scores =
                NabScorer.score(annotateReference(nab, detector), windows.windowCount(), profiles);

        assertThat(scores)
                .extracting(NabScorer.ProfileScore::profile)
                .containsExactly("standard", "reward_low_FP_rate", "reward_low_FN_rate");
        JsonNode mine = expected.path(detector);
        JsonNode none = expected.path("null");
        for (NabScorer.ProfileScore s : scores) {
            String profile = s.profile();
            assertThat(s.threshold())
                    .as(detector + " threshold " + profile)
                    .isEqualTo(mine.path("threshold").path(profile).asDouble());
            assertThat(s.rawScore())
                    .as(detector + " raw " + profile)
                    .isCloseTo(
                            mine.path("rawScore").path(profile).asDouble(),
                            within(SAME_ARITHMETIC));
            assertThat(s.nullScore())
                    .as("null raw " + profile)
                    .isCloseTo(
                            none.path("rawScore").path(profile).asDouble(),
                            within(SAME_ARITHMETIC));
            // NAB's three profiles all weigh a true positive 1: a perfect detector scores 9.
            assertThat(s.perfectScore()).isEqualTo(windows.windowCount());
            assertThat(s.normalized())
                    .as(detector + " " + profile)
                    .isCloseTo(mine.path(profile).asDouble(), within(SAME_ARITHMETIC));
        }
    }

    @Test
    void scaledSigmoidMatchesNab() {
        assertThat(NabScorer.scaledSigmoid(0)).isCloseTo(0.0, within(1e-12));
        assertThat(NabScorer.scaledSigmoid(-1)).isCloseTo(0.9866142981514305, within(1e-12));
        assertThat(NabScorer.scaledSigmoid(1)).isCloseTo(-0.9866142981514305, within(1e-12));
        assertThat(NabScorer.scaledSigmoid(3)).isCloseTo(2 / (1 + Math.exp(15)) - 1, within(1e-15));
        assertThat(NabScorer.scaledSigmoid(3.0001)).isEqualTo(-1.0);
    }

    @Test
    void probationIsFifteenPercentCappedAt750() {
        assertThat(NabScorer.probationaryLength(100)).isEqualTo(15);
        assertThat(NabScorer.probationaryLength(4032)).isEqualTo(604);
        assertThat(NabScorer.probationaryLength(5000)).isEqualTo(750);
        assertThat(NabScorer.probationaryLength(22695)).isEqualTo(750);
        assertThat(NabScorer.probationaryLength(6)).isZero();
    }

    /** 20 rows (3 probationary), one window over rows 10..13 (width 4). */
    private static NabScorer.Annotated tiny(double... scores) {
        List<LocalDateTime> ts = new ArrayList<>();
        LocalDateTime t0 = LocalDateTime.of(2020, 1, 1, 0, 0);
        for (int i = 0; i < 20; i++) {
            ts.add(t0.plusMinutes(5L * i));
        }
        return NabScorer.annotate(
                "c/tiny.csv", ts, scores, List.of(new NabWindows.Window(ts.get(10), ts.get(13))));
    }

    private static double[] detectAt(int... rows) {
        double[] s = new double[20];
        for (int r : rows) {
            s[r] = 1.0;
        }
        return s;
    }

    private static final NabProfile STANDARD = NabProfile.DEFAULTS.get(0);

    @Test
    void windowScoringTakesTheEarliestDetection() {
        NabScorer.Annotated file = tiny(detectAt(11, 12));
        assertThat(file.window()[0]).isEqualTo(NabScorer.PROBATION);
        assertThat(file.window()[10]).isZero();
        assertThat(file.window()[14]).isEqualTo(NabScorer.OUTSIDE);
        // row 11: y = -(13 - 11 + 1) / 4
        double expected = NabScorer.scaledSigmoid(-0.75) / NabScorer.scaledSigmoid(-1);
        assertThat(NabScorer.rawScore(file, STANDARD, 0.5)).isCloseTo(expected, within(1e-12));
        // The first row of a window earns exactly A_TP.
        assertThat(NabScorer.rawScore(tiny(detectAt(10)), STANDARD, 0.5))
                .isCloseTo(1.0, within(1e-12));
    }

    @Test
    void missedWindowCostsFnAndFalsePositivesAreWeighted() {
        assertThat(NabScorer.rawScore(tiny(new double[20]), STANDARD, 0.5)).isEqualTo(-1.0);
        // Before any window: a full -A_FP. Row 15 after the window: sigmoid(|13-15| / 3).
        double fp = -0.11 + NabScorer.scaledSigmoid(2.0 / 3) * 0.11;
        assertThat(NabScorer.rawScore(tiny(detectAt(5, 15)), STANDARD, 0.5))
                .isCloseTo(-1.0 + fp, within(1e-12));
    }

    @Test
    void probationaryDetectionsAreIgnored() {
        assertThat(NabScorer.rawScore(tiny(detectAt(0, 1, 2)), STANDARD, 0.5)).isEqualTo(-1.0);
    }

    @Test
    void sweepPicksTheBestThresholdAndTheHighestAmongTies() {
        double[] scores = new double[20];
        scores[10] = 0.9; // the window's first row
        scores[5] = 0.7; // a false positive before the window
        scores[2] = 0.8; // probationary: a distinct threshold that changes nothing
        NabScorer.Sweep best = NabScorer.sweep(List.of(tiny(scores)), STANDARD);
        assertThat(best.threshold()).isEqualTo(0.9);
        assertThat(best.rawScore()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void normalisesAgainstNullAndPerfect() {
        List<NabScorer.ProfileScore> s =
                NabScorer.score(List.of(tiny(detectAt(10))), 1, List.of(STANDARD));
        // The null detector (0.5 everywhere) is swept too: here detecting every row beats -A_FN.
        double all = NabScorer.rawScore(tiny(new double[20]), STANDARD, 0.0);
        assertThat(s.get(0).nullScore()).isCloseTo(Math.max(-1.0, all), within(1e-12));
        assertThat(s.get(0).perfectScore()).isEqualTo(1.0);
        assertThat(s.get(0).normalized()).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void resultFilesFollowNabNaming() {
        assertThat(
                        NabResults.resultFile(
                                Path.of("r/numenta"), "numenta", "realTraffic/speed_6005.csv"))
                .isEqualTo(Path.of("r/numenta/realTraffic/numenta_speed_6005.csv"));
        assertThat(Files.exists(Path.of("."))).isTrue();
    }
}
