package io.outagewatch.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.progress.ProgressText;
import io.outagewatch.scenario.Scenario;
import io.outagewatch.scenario.Scenarios;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(60)
class SimulatorMainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK =
            Clock.fixed(Instant.parse("2026-11-23T10:15:30.250Z"), ZoneOffset.UTC);

    @TempDir Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void theSameSeedWritesTheSameBytesAndTheTruthMatchesTheIncidents() throws Exception {
        assertThat(run("--scenario", tiny(), "--seed", "5", "--output", dir("a"))).isZero();
        assertThat(run("--scenario", tiny(), "--seed", "5", "--output", dir("b"))).isZero();
        assertThat(run("--scenario", tiny(), "--seed", "6", "--output", dir("c"))).isZero();

        for (String file : List.of("probes.jsonl", "reports.jsonl", "status.jsonl", "truth.json")) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(file)));
        }
        assertThat(Files.readAllBytes(dir.resolve("c").resolve("reports.jsonl")))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("a").resolve("reports.jsonl")));

        JsonNode truth = JSON.readTree(dir.resolve("a").resolve("truth.json").toFile());
        assertThat(truth.get("scenario").asText()).isEqualTo("tiny");
        assertThat(truth.get("seed").asLong()).isEqualTo(5);
        assertThat(truth.get("incidents")).hasSize(1);
        JsonNode incident = truth.get("incidents").get(0);
        assertThat(incident.get("service").asText()).isEqualTo("chatgpt");
        assertThat(incident.get("kind").asText()).isEqualTo("full");
        assertThat(incident.get("start").asText()).isEqualTo("2024-03-05T13:00:00Z");
        assertThat(incident.get("end").asText()).isEqualTo("2024-03-05T13:20:00Z");
        assertThat(incident.get("officialAckAt").asText()).isEqualTo("2024-03-05T13:12:00Z");
        assertThat(lines(dir.resolve("a").resolve("probes.jsonl")))
                .hasSize(truth.get("probes").asInt());
        assertThat(lines(dir.resolve("a").resolve("status.jsonl"))).hasSize(2);
    }

    @Test
    void theOutageShowsInTheGeneratedProbes() throws Exception {
        assertThat(run("--scenario", tiny(), "--output", dir("a"))).isZero();

        long failedDuring = 0;
        long failedBefore = 0;
        for (String line : lines(dir.resolve("a").resolve("probes.jsonl"))) {
            var probe = ProbeResultSerde.INSTANCE.parse(line).value();
            if (!probe.success() && probe.service().equals("chatgpt")) {
                if (probe.timestamp().isBefore(Instant.parse("2024-03-05T13:00:00Z"))) {
                    failedBefore++;
                } else if (probe.timestamp().isBefore(Instant.parse("2024-03-05T13:20:00Z"))) {
                    failedDuring++;
                }
            }
        }
        assertThat(failedDuring).isGreaterThan(200);
        assertThat(failedBefore).isLessThan(10);
    }

    @Test
    void startMovesEveryEventAndTheTruth() throws Exception {
        assertThat(run("--scenario", tiny(), "--start", "now", "--output", dir("now"))).isZero();

        JsonNode truth = JSON.readTree(dir.resolve("now").resolve("truth.json").toFile());
        assertThat(truth.get("from").asText()).isEqualTo("2026-11-23T10:15:30Z");
        assertThat(truth.get("incidents").get(0).get("start").asText())
                .isEqualTo("2026-11-23T11:15:30Z");
        assertThat(truth.get("incidents").get(0).get("officialAckAt").asText())
                .isEqualTo("2026-11-23T11:27:30Z");
    }

    @Test
    void stdoutGetsEveryEventInTimeOrder() throws Exception {
        Scenario expected = Scenarios.named("chatgpt-2023-11-08");
        assertThat(run("--scenario", tiny(), "--output", "stdout")).isZero();

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        List<Instant> times = new ArrayList<>();
        for (String line : lines) {
            times.add(Instant.parse(JSON.readTree(line).get("timestamp").asText()));
        }
        assertThat(times).isSorted().hasSizeGreaterThan(3000);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("published " + lines.size() + " events")
                .contains("0 failed");
        assertThat(expected.name()).isEqualTo("chatgpt-2023-11-08");
    }

    @Test
    void progressGoesToStderrAsWholeLinesEndingWithTheLastEventBeforeTheSummary() throws Exception {
        assertThat(run("--scenario", tiny(), "--output", "stdout")).isZero();

        List<String> events = out.toString(StandardCharsets.UTF_8).lines().toList();
        Instant last =
                Instant.parse(
                        JSON.readTree(events.get(events.size() - 1)).get("timestamp").asText());
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("\u001b");
        List<String> progress = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(progress.get(progress.size() - 2))
                .startsWith(
                        "simulating tiny: "
                                + ProgressText.eventTime(last)
                                + " · "
                                + ProgressText.ofTotal(
                                        events.size(), events.size(), "events published")
                                + " · ")
                .endsWith(" elapsed");
        assertThat(progress.get(progress.size() - 1)).startsWith("simulate: published ");
    }

    @Test
    void aBundledScenarioIsFoundByName() throws Exception {
        assertThat(run("--scenario", "night-outage", "--output", dir("night"))).isZero();

        assertThat(JSON.readTree(dir.resolve("night").resolve("truth.json").toFile()))
                .isEqualTo(JSON.readTree(Scenarios.named("night-outage").truthJson()));
    }

    @Test
    void aRecordedDirectoryReplaysToStdoutWithItsOwnTimestamps() throws Exception {
        assertThat(run("--scenario", tiny(), "--output", dir("rec"))).isZero();
        out.reset();

        assertThat(run("--from", dir("rec"), "--output", "stdout")).isZero();

        List<String> replayed = out.toString(StandardCharsets.UTF_8).lines().toList();
        List<String> recorded = new ArrayList<>();
        for (String file : List.of("probes.jsonl", "reports.jsonl", "status.jsonl")) {
            recorded.addAll(lines(dir.resolve("rec").resolve(file)));
        }
        assertThat(replayed).containsExactlyInAnyOrderElementsOf(recorded);
    }

    @Test
    void badLinesInARecordingAreSkippedNamedAndFailTheRunAfterTheGoodOnesWent() throws Exception {
        Path rec = dir.resolve("bad");
        Files.createDirectories(rec);
        String good =
                "{\"service\":\"chatgpt\",\"vantage\":\"v1\",\"timestamp\":\"2024-03-05T12:00:00Z\","
                        + "\"success\":true}";
        Files.writeString(
                rec.resolve("probes.jsonl"),
                good + "\n{not json\n" + good.replace("12:00:00", "12:00:30") + "\n");

        assertThat(run("--from", rec.toString(), "--output", "stdout")).isEqualTo(1);

        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("skipped probes.jsonl:2:")
                .contains("1 input lines skipped");
    }

    @Test
    void listNamesTheSuite() {
        assertThat(run("--list")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList())
                .isEqualTo(Scenarios.names());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--output stdout",
                "--scenario x --from y --output stdout",
                "--scenario no-such-scenario --output stdout",
                "--scenario tiny --output stdout --speed 0",
                "--scenario tiny --output DIR --speed 60",
                "--scenario tiny --output stdout --start yesterday",
                "--from DIR --output DIR",
                "--from DIR --output stdout --seed 3",
                "--scenario tiny --output stdout --colour blue",
            })
    void aBadCommandLineExitsTwoWithTheReason(String arguments) throws Exception {
        String[] args = arguments.replace("DIR", dir.toString()).replace("tiny", tiny()).split(" ");

        assertThat(run(args)).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("simulate: ")
                .contains("usage:");
    }

    @Test
    void aBrokenScenarioFileFailsWithItsProblem() throws Exception {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "name: broken\nfrom: 2024-01-01T00:00:00Z\n");

        assertThat(run("--scenario", broken.toString(), "--output", "stdout")).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("until is required");
    }

    private int run(String... args) {
        return SimulatorMain.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                CLOCK);
    }

    private String dir(String name) {
        return dir.resolve(name).toString();
    }

    static String tiny() {
        try {
            return Path.of(SimulatorMainTest.class.getResource("/simulator/tiny.yaml").toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }
}
