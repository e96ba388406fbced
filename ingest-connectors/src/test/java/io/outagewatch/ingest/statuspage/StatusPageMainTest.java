package io.outagewatch.ingest.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.StatusUpdate;
import io.outagewatch.events.StatusUpdateSerde;
import io.outagewatch.ingest.statuspage.FixtureServer.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StatusPageMainTest {

    @TempDir Path directory;

    private final FixtureServer server = new FixtureServer(Clock.systemUTC());
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void helpExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("usage: bin/outagewatch statuspage --config FILE");
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).contains("--config is required");

        assertThat(run("--config", "x.yaml", "--output", "file")).isEqualTo(2);
        assertThat(err()).contains("--output must be kafka or stdout, got 'file'");

        assertThat(run("--config", "x.yaml", "--wait")).isEqualTo(2);
        assertThat(err()).contains("unknown option --wait");

        Path config = directory.resolve("pages.yaml");
        Files.writeString(
                config,
                "pages: [{name: a, kind: statuspage, url: 'https://s.test', service: a, colour: red}]\n");
        assertThat(run("--config", config.toString(), "--once")).isEqualTo(2);
        assertThat(err()).contains("pages[0].colour: unknown key");
    }

    @Test
    void onceWritesOneJsonLinePerChangeAndRemembersThemAcrossRuns() throws Exception {
        server.serve(
                PageEndpoint.INCIDENTS.path(), Reply.plain(Fixtures.text(Fixtures.INCIDENTS_1)));
        Path config = config();

        assertThat(run("--config", config.toString(), "--output", "stdout", "--once")).isZero();
        List<String> lines = lines();
        assertThat(lines).hasSize(1);
        StatusUpdate update = StatusUpdateSerde.INSTANCE.parse(lines.get(0)).value();
        assertThat(update.service()).isEqualTo("chatgpt");
        assertThat(update.incidentId()).isEqualTo(Fixtures.INCIDENT_A);
        assertThat(update.status()).isEqualTo(StatusUpdate.Status.INVESTIGATING);
        assertThat(err()).contains("example: read, 1 published");
        assertThat(directory.resolve(StatusPageConfig.DEFAULT_STATE_FILE_NAME)).exists();

        assertThat(run("--config", config.toString(), "--output", "stdout", "--once")).isZero();
        assertThat(lines()).isEmpty();
    }

    @Test
    void onceExitsOneWhenAPageFails() throws Exception {
        server.serve(PageEndpoint.INCIDENTS.path(), Reply.status(503, Map.of()));

        assertThat(run("--config", config().toString(), "--output", "stdout", "--once"))
                .isEqualTo(1);
        assertThat(err()).contains("example: failed, 0 published");
    }

    private Path config() throws Exception {
        Path config = directory.resolve("pages.yaml");
        Files.writeString(
                config,
                "pages:\n"
                        + "  - name: example\n"
                        + "    kind: statuspage\n"
                        + "    url: "
                        + server.baseUrl()
                        + "\n"
                        + "    components: {ChatGPT: chatgpt, API: openai-api}\n");
        return config;
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return StatusPageMain.run(
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

    private List<String> lines() {
        return Arrays.stream(out().split("\n")).filter(line -> !line.isBlank()).toList();
    }
}
