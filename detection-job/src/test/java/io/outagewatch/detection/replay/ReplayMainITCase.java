package io.outagewatch.detection.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.MinuteSignals;
import io.outagewatch.events.MinuteSignalsSerde;
import io.outagewatch.events.MinuteVerdict;
import io.outagewatch.progress.ProgressText;
import io.outagewatch.scenario.Scenario;
import io.outagewatch.scenario.Scenarios;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/outagewatch replay}: deterministic output, gzip input, summary, exit codes. */
class ReplayMainITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir static Path input;

    @BeforeAll
    static void writeScenario() throws IOException {
        Scenario scenario = Scenarios.named("night-outage");
        scenario.writeJsonl(input);
        try (var in = ReplayMainITCase.class.getResourceAsStream(Scenarios.CATALOG_RESOURCE)) {
            Files.write(input.resolve("catalog.json"), in.readAllBytes());
        }
        Files.writeString(
                input.resolve(Scenario.PROBES_FILE),
                "not json\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        try (OutputStream gz =
                new GZIPOutputStream(Files.newOutputStream(input.resolve("probes.jsonl.gz")))) {
            Files.copy(input.resolve(Scenario.PROBES_FILE), gz);
        }
    }

    private record Result(int exitCode, String out, String err) {}

    private static Result replay(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code =
                ReplayMain.run(
                        args,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(
                code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Result replayInto(Path outDir, String probes) {
        return replay(
                "--probes", input.resolve(probes).toString(),
                "--reports", input.resolve(Scenario.REPORTS_FILE).toString(),
                "--status", input.resolve(Scenario.STATUS_FILE).toString(),
                "--catalog", input.resolve("catalog.json").toString(),
                "--out", outDir.resolve("alerts.jsonl").toString(),
                "--dead-letters", outDir.resolve("dead.jsonl").toString(),
                "--signals", outDir.resolve("signals.jsonl").toString());
    }

    @Test
    void sameInputGivesByteIdenticalOutputAndGzipReadsTheSame(@TempDir Path out)
            throws IOException {
        Result first = replayInto(out.resolve("first"), Scenario.PROBES_FILE);
        Result second = replayInto(out.resolve("second"), Scenario.PROBES_FILE);
        Result gzip = replayInto(out.resolve("gzip"), "probes.jsonl.gz");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).isZero();
        assertThat(gzip.exitCode()).isZero();
        byte[] alerts = Files.readAllBytes(out.resolve("first/alerts.jsonl"));
        assertThat(alerts).isNotEmpty();
        assertThat(Files.readAllBytes(out.resolve("second/alerts.jsonl"))).isEqualTo(alerts);
        assertThat(Files.readAllBytes(out.resolve("gzip/alerts.jsonl"))).isEqualTo(alerts);
        assertThat(Files.readAllBytes(out.resolve("second/dead.jsonl")))
                .isEqualTo(Files.readAllBytes(out.resolve("first/dead.jsonl")));
        assertThat(Files.readString(out.resolve("first/dead.jsonl")))
                .contains("malformed_json")
                .contains("probes.jsonl:");
        assertThat(first.out())
                .contains("OUTAGE_STARTED")
                .contains("OUTAGE_RECOVERED")
                .contains("malformed_json");
        byte[] signals = Files.readAllBytes(out.resolve("first/signals.jsonl"));
        assertThat(Files.readAllBytes(out.resolve("second/signals.jsonl"))).isEqualTo(signals);
    }

    @Test
    void signalsHaveOneLinePerDecidedServiceMinuteWithTheOutageInIt(@TempDir Path out)
            throws IOException {
        Result run = replayInto(out, Scenario.PROBES_FILE);

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<MinuteSignals> signals =
                Files.readAllLines(out.resolve("signals.jsonl"), StandardCharsets.UTF_8).stream()
                        .map(line -> MinuteSignalsSerde.INSTANCE.parse(line).value())
                        .toList();
        assertThat(signals).isNotEmpty();
        assertThat(signals)
                .extracting(s -> s.service() + "@" + s.minuteStart())
                .doesNotHaveDuplicates();
        assertThat(signals)
                .extracting(MinuteSignals::minuteStart)
                .isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(signals).extracting(MinuteSignals::verdict).contains(MinuteVerdict.OK);
        assertThat(signals).filteredOn(s -> s.verdict() != MinuteVerdict.OK).isNotEmpty();
    }

    @Test
    void progressGoesToStderrAsWholeLinesEndingWithEverythingCounted(@TempDir Path out)
            throws IOException {
        Result plain = replayInto(out.resolve("plain"), Scenario.PROBES_FILE);
        Result gzip = replayInto(out.resolve("gzip"), "probes.jsonl.gz");

        assertThat(plain.exitCode()).as(plain.err()).isZero();
        long records = 0;
        for (String file :
                List.of(Scenario.PROBES_FILE, Scenario.REPORTS_FILE, Scenario.STATUS_FILE)) {
            records += Files.readAllLines(input.resolve(file)).size();
        }
        String counted =
                ProgressText.counted(
                                Files.readAllLines(out.resolve("plain/alerts.jsonl")).size(),
                                "alert")
                        + " · "
                        + ProgressText.counted(
                                Files.readAllLines(out.resolve("plain/dead.jsonl")).size(),
                                "dead letter")
                        + " · ";
        assertThat(plain.err()).doesNotContain("\u001b");
        assertThat(plain.err().lines().toList())
                .last()
                .asString()
                .startsWith(
                        "replaying probes.jsonl, reports.jsonl, status.jsonl: "
                                + ProgressText.counted(records, "record")
                                + " read (100 %) · "
                                + counted)
                .endsWith(" elapsed");
        assertThat(gzip.err().lines().toList())
                .as("a compressed input's size says nothing of its records: no share")
                .last()
                .asString()
                .startsWith(
                        "replaying probes.jsonl.gz, reports.jsonl, status.jsonl: "
                                + ProgressText.counted(records, "record")
                                + " read · "
                                + counted);
    }

    @Test
    void reportsAloneAreEnough(@TempDir Path out) {
        Result result =
                replay(
                        "--reports", input.resolve(Scenario.REPORTS_FILE).toString(),
                        "--catalog", input.resolve("catalog.json").toString(),
                        "--out", out.resolve("alerts.jsonl").toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(out.resolve("alerts.jsonl")).exists();
    }

    @Test
    void badUsageAndUnreadableFilesExitWithTwo(@TempDir Path out) {
        Result noInputs =
                replay(
                        "--catalog", input.resolve("catalog.json").toString(),
                        "--out", out.resolve("a.jsonl").toString());
        Result unknownFlag = replay("--frobnicate", "x");
        Result missingFile =
                replay(
                        "--probes", out.resolve("nope.jsonl").toString(),
                        "--catalog", input.resolve("catalog.json").toString(),
                        "--out", out.resolve("a.jsonl").toString());

        assertThat(noInputs.exitCode()).isEqualTo(2);
        assertThat(noInputs.err()).contains("give --probes, --reports or both");
        assertThat(unknownFlag.exitCode()).isEqualTo(2);
        assertThat(unknownFlag.err()).contains("unknown option --frobnicate");
        assertThat(missingFile.exitCode()).isEqualTo(2);
        assertThat(missingFile.err()).contains("cannot read").contains("nope.jsonl");
    }
}
