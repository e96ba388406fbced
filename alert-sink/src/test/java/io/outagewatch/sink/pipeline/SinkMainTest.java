package io.outagewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.sink.pipeline.TestReceiverServer.Response;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class SinkMainTest {

    @TempDir Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> openedHistories = new CopyOnWriteArrayList<>();
    private final List<Alert> recorded = new CopyOnWriteArrayList<>();

    @Test
    void helpPrintsUsage() {
        assertThat(run(Map.of(), "--help")).isZero();
        assertThat(out()).startsWith("usage: bin/outagewatch sink --config sink.yaml");
    }

    @Test
    void badUsageExitsWithTwoAndSaysWhy() {
        assertThat(run(Map.of(), "--bogus", "x")).isEqualTo(2);
        assertThat(err()).startsWith("sink: unknown option --bogus");

        assertThat(run(Map.of())).isEqualTo(2);
        assertThat(err()).contains("sink: give --config or at least one receiver flag");

        assertThat(run(Map.of(), "--console")).isEqualTo(2);
        assertThat(err())
                .contains("--bootstrap-servers (or kafka.bootstrapServers, or")
                .contains("is required");

        assertThat(
                        run(
                                Map.of(),
                                "--pagerduty-url",
                                "https://events.pagerduty.com/v2/enqueue",
                                "--bootstrap-servers",
                                "x:1"))
                .isEqualTo(2);
        assertThat(err()).contains("environment variable PAGERDUTY_ROUTING_KEY is not set");

        assertThat(run(Map.of(), "--slack-url", "ftp://x")).isEqualTo(2);
        // The Slack URL is a secret: the message says what is wrong, not what was given.
        assertThat(err())
                .contains("--slack-url: not an http(s) URL (the value is secret and not shown)")
                .doesNotContain("ftp://x");

        assertThat(run(Map.of(), "--console", "--metrics-port", "70000")).isEqualTo(2);
        assertThat(err()).contains("--metrics-port: '70000' is not a port (0-65535)");

        assertThat(run(Map.of(), "--console", "--metrics-host", "0.0.0.0")).isEqualTo(2);
        assertThat(err()).contains("--metrics-host needs --metrics-port");
    }

    @Test
    void metricsPortZeroServesOnAFreeLoopbackPortAndSaysWhere() throws Exception {
        Path alerts = dir.resolve("alerts.jsonl");
        Files.write(alerts, List.of(AlertSerde.INSTANCE.toJson(TestAlerts.alert("inc-1", "x", 1))));
        try (TestReceiverServer server = TestReceiverServer.accepting()) {
            String[] args = {
                "--webhook-url", server.uri().toString(),
                "--from-file", alerts.toString(),
                "--delivery-log", dir.resolve("delivery-log").toString(),
                "--metrics-port", "0"
            };
            assertThat(run(Map.of(), args)).as(err()).isZero();
            assertThat(err())
                    .containsPattern("sink: metrics on http://127\\.0\\.0\\.1:\\d+/metrics");
        }
    }

    @Test
    void fromFileDeliversOnceAcrossRunsAndRecordsHistory() throws Exception {
        Alert first = TestAlerts.alert("inc-1", "chatgpt", 1);
        Alert second = TestAlerts.alert("inc-1", "chatgpt", 2);
        Path alerts = dir.resolve("alerts.jsonl");
        Files.write(
                alerts,
                List.of(
                        AlertSerde.INSTANCE.toJson(first),
                        "oops",
                        AlertSerde.INSTANCE.toJson(second)));

        try (TestReceiverServer server = TestReceiverServer.start((a, n) -> Response.status(202))) {
            String[] args = {
                "--webhook-url", server.uri().toString(),
                "--from-file", alerts.toString(),
                "--delivery-log", dir.resolve("state/delivery-log").toString(),
                "--db", "jdbc:test:history"
            };
            assertThat(run(Map.of(), args)).as(err()).isZero();
            assertThat(out()).contains("2 alerts, 1 invalid lines; deliveries: 2 delivered");
            assertThat(err()).contains("dead letter: ").contains("\"origin\":\"alerts.jsonl:2\"");

            assertThat(run(Map.of(), args)).as(err()).isZero();
            assertThat(out()).contains("0 delivered, 0 rejected, 2 already done");

            assertThat(server.accepted()).containsExactly(first, second);
        }
        assertThat(openedHistories).containsExactly("jdbc:test:history", "jdbc:test:history");
        assertThat(recorded).containsExactly(first, second, first, second);
    }

    private int run(Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        return SinkMain.run(
                args,
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                config ->
                        new HttpTestNotifier(
                                config.name(), config.url().orElseThrow(), Clock.systemUTC()),
                jdbcUrl -> {
                    openedHistories.add(jdbcUrl);
                    return recorded::add;
                },
                new CountDownLatch(1));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
