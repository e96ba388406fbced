package io.outagewatch.detection.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.SkewedClocks;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.scenario.Scenario;
import io.outagewatch.scenario.Scenarios;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay against broken clocks and disorder: records dated 2099 or a day ahead, one vantage whose
 * clock runs 50 minutes fast for the whole file, and lines shuffled within the disorder bound. The
 * regional GitHub outage must come out as it does from the clean file, and no good record may be
 * lost as late.
 */
class ReplayEventTimeITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final String SCENARIO = "regional-outage";
    private static final long SEED = 20261205L;

    @TempDir static Path input;
    private static List<String> probeLines;
    private static List<Alert> clean;

    @BeforeAll
    static void replayTheCleanFile() throws IOException {
        Scenario scenario = Scenarios.named(SCENARIO);
        scenario.writeJsonl(input);
        try (var in = ReplayEventTimeITCase.class.getResourceAsStream(Scenarios.CATALOG_RESOURCE)) {
            Files.write(input.resolve("catalog.json"), in.readAllBytes());
        }
        probeLines = Files.readAllLines(input.resolve(Scenario.PROBES_FILE));
        replay(input.resolve(Scenario.PROBES_FILE), input.resolve("clean"));
        clean = alerts(input.resolve("clean"));
        assertThat(clean).extracting(Alert::service).contains("github");
    }

    @Test
    void recordsDatedTo2099OrADayAheadAreDeadLetteredAndChangeNothing(@TempDir Path dir)
            throws IOException {
        List<String> lines = new ArrayList<>(probeLines);
        // First line, early on, mid-file and near the end; each a copy of its neighbour, moved.
        insertMoved(lines, 0, Instant.parse("2099-01-01T00:00:00Z"));
        insertMoved(lines, 100, null);
        insertMoved(lines, lines.size() / 2, Instant.parse("2099-01-01T00:00:00Z"));
        insertMoved(lines, lines.size() - 200, null);

        Path out = dir.resolve("out");
        replay(write(dir, lines), out);

        assertThat(Files.readString(out.resolve("alerts.jsonl")))
                .isEqualTo(Files.readString(input.resolve("clean/alerts.jsonl")));
        assertThat(deadLetters(out)).hasSize(4).allMatch(d -> d.contains("ahead_of_stream"));
        assertThat(deadLetters(out).get(0)).contains("2099-01-01T00:00:00Z").contains(" y ");
    }

    @Test
    void aVantageWhoseClockRuns50MinutesFastLosesNoOtherRecordAndMovesNoOnset(@TempDir Path dir)
            throws IOException {
        String skewed = skewedVantage();
        List<String> lines = new ArrayList<>();
        int moved = 0;
        for (String line : probeLines) {
            ProbeResult probe = ProbeResultSerde.INSTANCE.parse(line).value();
            if (probe.vantage().equals(skewed)) {
                lines.add(lineAt(probe, probe.timestamp().plus(Duration.ofMinutes(50))));
                moved++;
            } else {
                lines.add(line);
            }
        }

        Path out = dir.resolve("out");
        replay(write(dir, lines), out);

        List<String> deadLetters = deadLetters(out);
        assertThat(deadLetters).noneMatch(d -> d.contains("\"reason\":\"late"));
        assertThat(deadLetters).allMatch(d -> d.contains("ahead_of_stream") && d.contains(skewed));
        // Its records are refused, except its last 30 minutes' worth, when the file's front has
        // moved on past the clean records' end.
        assertThat(deadLetters.size()).isGreaterThan(moved / 2);
        assertThat(SkewedClocks.incidents(alerts(out))).isEqualTo(SkewedClocks.incidents(clean));
    }

    @Test
    void linesShuffledWithinTenMinutesGiveTheAlertsOfTheSortedFile(@TempDir Path dir)
            throws IOException {
        Random random = new Random(SEED);
        // Each line is given a random delay of up to 9 minutes, and the file is sorted by
        // time plus delay: no line ends up more than 9 minutes behind any line before it.
        record Delayed(long at, int index) {}
        List<Delayed> order = new ArrayList<>();
        for (int i = 0; i < probeLines.size(); i++) {
            long time =
                    ProbeResultSerde.INSTANCE
                            .parse(probeLines.get(i))
                            .value()
                            .timestamp()
                            .toEpochMilli();
            order.add(new Delayed(time + (long) (random.nextDouble() * 540_000), i));
        }
        order.sort(Comparator.comparingLong(Delayed::at).thenComparingInt(Delayed::index));
        List<String> shuffled = new ArrayList<>();
        for (Delayed d : order) {
            shuffled.add(probeLines.get(d.index()));
        }
        assertThat(shuffled).isNotEqualTo(probeLines);

        Path out = dir.resolve("out");
        replay(write(dir, shuffled), out);

        assertThat(Files.readString(out.resolve("alerts.jsonl")))
                .isEqualTo(Files.readString(input.resolve("clean/alerts.jsonl")));
        assertThat(deadLetters(out)).isEmpty();
    }

    /**
     * Inserts at {@code index} a copy of the line there, dated {@code at}, or a day after the
     * original when {@code at} is null.
     */
    private static void insertMoved(List<String> lines, int index, Instant at) {
        ProbeResult neighbour = ProbeResultSerde.INSTANCE.parse(lines.get(index)).value();
        lines.add(
                index,
                lineAt(
                        neighbour,
                        at != null ? at : neighbour.timestamp().plus(Duration.ofDays(1))));
    }

    /** A vantage outside the failing region, so the outage itself keeps all its evidence. */
    private static String skewedVantage() {
        return SkewedClocks.aVantageOutside(
                "eu",
                probeLines.stream()
                        .map(line -> ProbeResultSerde.INSTANCE.parse(line).value())
                        .toList());
    }

    private static String lineAt(ProbeResult probe, Instant timestamp) {
        return ProbeResultSerde.INSTANCE.toJson(SkewedClocks.stampedAt(probe, timestamp));
    }

    private static Path write(Path dir, List<String> lines) throws IOException {
        return Files.write(dir.resolve("probes.jsonl"), lines, StandardCharsets.UTF_8);
    }

    private static void replay(Path probes, Path out) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code =
                ReplayMain.run(
                        new String[] {
                            "--probes", probes.toString(),
                            "--reports", input.resolve(Scenario.REPORTS_FILE).toString(),
                            "--status", input.resolve(Scenario.STATUS_FILE).toString(),
                            "--catalog", input.resolve("catalog.json").toString(),
                            "--out", out.resolve("alerts.jsonl").toString(),
                            "--dead-letters", out.resolve("dead.jsonl").toString()
                        },
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    private static List<Alert> alerts(Path out) throws IOException {
        return Files.readAllLines(out.resolve("alerts.jsonl")).stream()
                .map(line -> AlertSerde.INSTANCE.parse(line).value())
                .toList();
    }

    private static List<String> deadLetters(Path out) throws IOException {
        return Files.readAllLines(out.resolve("dead.jsonl"));
    }
}
