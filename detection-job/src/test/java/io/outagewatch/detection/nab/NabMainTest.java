package io.outagewatch.detection.nab;

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
        Path nab = NabScorerTest.nabDir();
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
        assertThat(json.path("detector").asText()).isEqualTo("numenta");
        assertThat(json.path("standard").asDouble()).isCloseTo(70.92886633105584, within(0.01));
        assertThat(json.path("reward_low_FP_rate").asDouble())
                .isCloseTo(64.98548661333827, within(0.01));
        assertThat(json.path("reward_low_FN_rate").asDouble())
                .isCloseTo(74.99675426086455, within(0.01));
    }

    @Test
    void scoresOneDetectorFolderWithAProfilesFile() throws Exception {
        Path nab = NabScorerTest.nabDir();
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
        assertThat(json.path("detector").asText()).isEqualTo("windowedGaussian");
        assertThat(json.path("standard").asDouble()).isCloseTo(34.99885829078213, within(0.01));
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
