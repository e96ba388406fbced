package io.outagewatch.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir Path dir;

    @Test
    void listPrintsEveryScenarioName() {
        assertThat(run("--list")).isEqualTo(ScenarioMain.OK);

        assertThat(text(out).lines()).containsExactlyElementsOf(Scenarios.names());
    }

    @Test
    void writesTheNamedScenario() throws IOException {
        Path target = dir.resolve("night");

        assertThat(run("--scenario", "night-outage", "--out", target.toString()))
                .isEqualTo(ScenarioMain.OK);

        Scenario expected = SuiteCache.get("night-outage");
        assertThat(Files.readAllLines(target.resolve(Scenario.PROBES_FILE)))
                .hasSize(expected.probes().size());
        assertThat(Files.readAllLines(target.resolve(Scenario.REPORTS_FILE)))
                .hasSize(expected.reports().size());
        assertThat(Files.readString(target.resolve(Scenario.STATUS_FILE))).isEmpty();
        assertThat(Files.readString(target.resolve(Scenario.EXPECTED_FILE)))
                .isEqualTo(expected.expectedJson());
        assertThat(text(out))
                .contains("night-outage")
                .contains(expected.probes().size() + " probes");
    }

    @Test
    void seedChangesTheStreams() throws IOException {
        run("--scenario", "night-outage", "--out", dir.resolve("a").toString(), "--seed", "1");
        run("--scenario", "night-outage", "--out", dir.resolve("b").toString(), "--seed", "2");

        assertThat(Files.readString(dir.resolve("a").resolve(Scenario.REPORTS_FILE)))
                .isNotEqualTo(Files.readString(dir.resolve("b").resolve(Scenario.REPORTS_FILE)));
    }

    @Test
    void badUsageExitsWith2AndExplains() {
        String target = dir.toString();
        assertUsage(new String[] {});
        assertUsage("--scenario", "night-outage");
        assertUsage("--scenario", "no-such-scenario", "--out", target);
        assertUsage("--scenario", "night-outage", "--out", target, "--seed", "many");
        assertUsage("--scenario");
        assertUsage("--verbose");
        assertUsage("--list", "--scenario", "night-outage");
    }

    @Test
    void unwritableOutputExitsWith1() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "not a directory");

        assertThat(run("--scenario", "night-outage", "--out", file.toString()))
                .isEqualTo(ScenarioMain.FAILED);
        assertThat(text(err)).contains("could not write night-outage");
    }

    private void assertUsage(String... args) {
        err.reset();
        assertThat(run(args)).as(String.join(" ", args)).isEqualTo(ScenarioMain.USAGE);
        assertThat(text(err)).contains("usage:");
    }

    private int run(String... args) {
        return ScenarioMain.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
