package io.outagewatch.bench.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabMainTest {

    private static final List<String> PROFILES =
            List.of("standard", "reward_low_FP_rate", "reward_low_FN_rate");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return NabMain.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private JsonNode lastJsonLine() throws Exception {
        List<String> lines = out().lines().toList();
        return new ObjectMapper().readTree(lines.get(lines.size() - 1));
    }

    @Test
    void helpExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("usage: bin/outagewatch nab");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("missing --labels");
        assertThat(run("--labels", "x", "--bogus")).isEqualTo(2);
        assertThat(run("--labels", "x", "--data", "d")).isEqualTo(2);
        assertThat(run("--score-only", "--labels", "x")).isEqualTo(2);
        assertThat(run("--score-only", "--labels", "x", "--results", "r", "--out", "o"))
                .isEqualTo(2);
        assertThat(run("--labels")).isEqualTo(2);
        assertThat(err()).contains("usage:");
    }

    @Test
    void missingFilesExitOne(@TempDir Path tmp) {
        assertThat(
                        run(
                                "--score-only",
                                "--labels",
                                tmp.resolve("none.json").toString(),
                                "--results",
                                tmp.toString()))
                .isEqualTo(1);
    }

    @Test
    void scoresTheReferenceResults() throws Exception {
        Path nab = NabScorerTest.fixture();
        int code =
                run(
                        "--score-only",
                        "--results",
                        nab.resolve("reference").toString(),
                        "--labels",
                        nab.resolve("labels/combined_windows.json").toString(),
                        "--detector",
                        "numenta",
                        "--json");
        assertThat(code).as(err()).isZero();
        JsonNode json = lastJsonLine();
        JsonNode expected = NabScorerTest.expected().path("scores").path("numenta");
        assertThat(json.path("detector").asText()).isEqualTo("numenta");
        assertThat(json.path("files").asInt()).isEqualTo(3);
        assertThat(json.path("windows").asInt()).isEqualTo(9);
        for (String profile : PROFILES) {
            assertThat(json.path(profile).asDouble())
                    .as(profile)
                    .isCloseTo(
                            expected.path(profile).asDouble(),
                            within(NabScorerTest.SAME_ARITHMETIC));
            assertThat(json.path("threshold").path(profile).asDouble())
                    .as("threshold " + profile)
                    .isEqualTo(expected.path("threshold").path(profile).asDouble());
        }
    }

    @Test
    void scoresOneDetectorFolderWithAProfilesFile() throws Exception {
        Path nab = NabScorerTest.fixture();
        int code =
                run(
                        "--score-only",
                        "--results",
                        nab.resolve("reference/windowedGaussian").toString(),
                        "--labels",
                        nab.resolve("labels/combined_windows.json").toString(),
                        "--profiles",
                        nab.resolve("config/profiles.json").toString(),
                        "--json");
        assertThat(code).as(err()).isZero();
        JsonNode json = lastJsonLine();
        JsonNode expected = NabScorerTest.expected().path("scores").path("windowedGaussian");
        assertThat(json.path("detector").asText()).isEqualTo("windowedGaussian");
        for (String profile : PROFILES) {
            assertThat(json.path(profile).asDouble())
                    .as(profile)
                    .isCloseTo(
                            expected.path(profile).asDouble(),
                            within(NabScorerTest.SAME_ARITHMETIC));
        }
    }

    @Test
    void runsTheDetectorOnRealNabSeries(@TempDir Path tmp) throws Exception {
        Path nab = NabScorerTest.fixture();
        int code =
                run(
                        "--data",
                        nab.resolve("data").toString(),
                        "--labels",
                        nab.resolve("labels/combined_windows.json").toString(),
                        "--out",
                        tmp.toString(),
                        "--json");
        assertThat(code).as(err()).isZero();
        assertThat(lastJsonLine().path("files").asInt()).isEqualTo(3);
        // Row counts and rows inside windows as nab_score.py counted them from NAB's own files:
        // every row is written, and the label column marks exactly the rows in windows.
        JsonNode rows = NabScorerTest.expected().path("corpus").path("rows");
        assertThat(rows.size()).isEqualTo(3);
        for (var it = rows.fields(); it.hasNext(); ) {
            var file = it.next();
            Path result =
                    NabResults.resultFile(
                            tmp.resolve(NabDetector.NAME), NabDetector.NAME, file.getKey());
            List<String> lines = Files.readAllLines(result);
            assertThat(lines).as(file.getKey()).hasSize(file.getValue().path("all").asInt() + 1);
            long inWindows = lines.stream().skip(1).filter(l -> l.endsWith(",1")).count();
            assertThat(inWindows)
                    .as(file.getKey())
                    .isEqualTo(file.getValue().path("inWindows").asLong());
        }
    }

    @Test
    void runsTheDetectorAndWritesNabResults(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data/cat");
        Files.createDirectories(data);
        StringBuilder csv = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 400; i++) {
            double v = i == 300 ? 100 : 10 + (i % 7);
            csv.append(
                    String.format(
                            "2020-01-%02d %02d:%02d:00,%s%n",
                            1 + i / 288, (i % 288) / 12, (i % 12) * 5, v));
        }
        Files.writeString(data.resolve("s.csv"), csv);
        Path labels = tmp.resolve("labels.json");
        Files.writeString(
                labels,
                "{\"cat/s.csv\": [[\"2020-01-02 00:30:00.000000\", \"2020-01-02 01:30:00.000000\"]]}");
        int code =
                run(
                        "--data",
                        tmp.resolve("data").toString(),
                        "--labels",
                        labels.toString(),
                        "--out",
                        tmp.resolve("results").toString(),
                        "--json");
        assertThat(code).as(err()).isZero();
        Path result = tmp.resolve("results/outagewatch/cat/outagewatch_s.csv");
        List<String> lines = Files.readAllLines(result);
        assertThat(lines.get(0)).isEqualTo("timestamp,value,anomaly_score,label");
        assertThat(lines).hasSize(401);
        // Row 300 is 2020-01-02 01:00, inside the window; after the 60 probationary rows (the
        // baseline's cold start) the spike should be the top score.
        NabResults.Series s = NabResults.read(result, "anomaly_score");
        double top = 0;
        int at = -1;
        for (int i = NabScorer.probationaryLength(400); i < s.anomalyScores().length; i++) {
            if (s.anomalyScores()[i] > top) {
                top = s.anomalyScores()[i];
                at = i;
            }
        }
        assertThat(at).isEqualTo(300);
        assertThat(lines.get(301)).endsWith(",1");
        JsonNode json = lastJsonLine();
        assertThat(json.path("standard").asDouble()).isGreaterThan(0);
        assertThat(json.has("reward_low_FP_rate")).isTrue();
        assertThat(json.has("reward_low_FN_rate")).isTrue();
    }
}
