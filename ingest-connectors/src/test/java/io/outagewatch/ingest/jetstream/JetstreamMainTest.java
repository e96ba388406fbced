package io.outagewatch.ingest.jetstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.SocialReport;
import io.outagewatch.ingest.jetstream.JetstreamTestServer.Behaviour;
import io.outagewatch.ingest.jetstream.JetstreamTestServer.Connection;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JetstreamMainTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir Path dir;

    private JetstreamTestServer server;

    @AfterEach
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void helpListsTheOptionsAndExitsZero() {
        Run run = run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--url URL", "--cursor-file FILE", "--max-reports N");
    }

    @Test
    void aBadCommandLineExitsTwoWithTheReasonAndUsage() {
        Run run = run("--output", "file");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("jetstream: --output must be stdout or kafka", "usage:");
    }

    @Test
    void aMissingCatalogExitsTwo() {
        Run run = run("--catalog", dir.resolve("absent.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("absent.json");
    }

    @Test
    void aDamagedCursorFileExitsTwo() throws Exception {
        Path cursor = dir.resolve("jetstream.cursor");
        Files.writeString(cursor, "yesterday");

        Run run = run("--cursor-file", cursor.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(cursor.toString(), "fix or delete it");
    }

    @Test
    void restartsFromTheSavedCursorWithNoLostAndNoDuplicatedReport() throws Exception {
        server = new JetstreamTestServer(Fixtures.frames(), i -> Behaviour.replayAll());
        Path cursor = dir.resolve("jetstream.cursor");

        // First run: stops after the Slack/Discord post, the 4th report.
        Run first = runAgainstServer(cursor, "--max-reports", "4");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(new CursorStore(cursor).load().orElseThrow().timeUs())
                .isEqualTo(Fixtures.SLACK_AND_DISCORD_US);

        // Second run: a new process, resuming a rewind before the saved cursor.
        Run second = runAgainstServer(cursor, "--max-reports", "5");
        assertThat(second.exitCode()).as(second.err()).isZero();

        Connection resumed = server.awaitConnection(1, DEADLINE);
        assertThat(resumed.cursor()).hasValue(Fixtures.SLACK_AND_DISCORD_US - Fixtures.REWIND_US);
        List<SocialReport> published = new ArrayList<>(first.reports());
        published.addAll(second.reports());
        assertThat(published).containsExactlyInAnyOrderElementsOf(Fixtures.expectedReports());
        // The ChatGPT post and the Slack/Discord post came round again and were recognised.
        assertThat(second.err()).contains("duplicates=2", "reports=5");
    }

    @Test
    void usesTheGivenCatalog() throws Exception {
        server = new JetstreamTestServer(Fixtures.frames(), i -> Behaviour.replayAll());

        Run run =
                runAgainstServer(
                        dir.resolve("jetstream.cursor"),
                        "--catalog",
                        resource("github-only-catalog.json"),
                        "--max-reports",
                        "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.reports())
                .extracting(SocialReport::service)
                .containsExactly("github", "github");
    }

    private Run runAgainstServer(Path cursor, String... more) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--url", server.url().toString(),
                                "--cursor-file", cursor.toString(),
                                "--rewind", "5s",
                                "--backoff-initial", "10ms",
                                "--backoff-max", "100ms"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    private static String resource(String name) throws URISyntaxException {
        return Path.of(JetstreamMainTest.class.getResource("/jetstream/" + name).toURI())
                .toString();
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode =
                JetstreamMain.run(
                        args,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Map.of(),
                        hook -> {});
        return new Run(
                exitCode,
                out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    /** One finished run: exit code, stdout (JSON lines) and stderr. */
    private record Run(int exitCode, String out, String err) {
        List<SocialReport> reports() {
            return Fixtures.parseReports(
                    Stream.of(out.split("\n")).filter(line -> !line.isBlank()).toList());
        }
    }
}
