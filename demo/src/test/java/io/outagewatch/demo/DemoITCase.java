package io.outagewatch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outagewatch.kafka.Await;
import io.outagewatch.sink.history.HistoryStore;
import io.outagewatch.sink.history.IncidentFilter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The whole demo, fast: the ChatGPT outage found, told, and recorded. */
@Timeout(300)
class DemoITCase {

    private static final Instant ONSET = Instant.parse("2023-11-08T13:42:00Z");
    private static final Instant ACKNOWLEDGED = Instant.parse("2023-11-08T14:30:00Z");
    private static final String PROGRESS = "replaying chatgpt-2023-11-08: ";
    private static final Pattern STATUS_PAGE_LINE =
            Pattern.compile("Status page +(http://127\\.0\\.0\\.1:\\d+)");

    @TempDir Path dir;

    @Test
    void theChatgptOutageIsDetectedAheadOfTheStatusPageAndRecorded() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        CountDownLatch stop = new CountDownLatch(1);

        CompletableFuture<Integer> demo =
                CompletableFuture.supplyAsync(
                        () ->
                                DemoMain.run(
                                        new String[] {
                                            "--scenario",
                                            "chatgpt-2023-11-08",
                                            "--speed",
                                            "20000",
                                            "--data-dir",
                                            dir.toString(),
                                            "--timeout",
                                            "4m",
                                            "--json",
                                            "--keep-running"
                                        },
                                        new PrintStream(out, true, StandardCharsets.UTF_8),
                                        new PrintStream(err, true, StandardCharsets.UTF_8),
                                        stop));
        Await.until(
                "the demo's summary, while it keeps running",
                Duration.ofMinutes(4),
                () ->
                        demo.isDone()
                                || out.toString(StandardCharsets.UTF_8).contains("Still running"));
        JsonNode page = statusPageOf(out.toString(StandardCharsets.UTF_8), "/api/services/chatgpt");
        stop.countDown();
        int status = demo.join();

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(page.get("name").asText()).isEqualTo("ChatGPT");
        assertThat(page.get("state").asText()).as("recovered by the summary").isEqualTo("ok");
        assertThat(page.get("incidents"))
                .singleElement()
                .satisfies(
                        incident -> {
                            assertThat(incident.get("severity").asText()).isEqualTo("MAJOR");
                            assertThat(incident.get("recoveredAt").isNull()).isFalse();
                        });
        assertThat(page.get("minutes").size())
                .as("the detection job's service signals, read back from Kafka")
                .isGreaterThan(100);
        assertThat(status).as(stdout + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stdout)
                .contains("Flink web UI   http://127.0.0.1:")
                .contains("Status page    http://127.0.0.1:")
                .contains("== OUTAGE STARTED == chatgpt is down")
                .as("the estimate says what it rests on: no past ChatGPT incident in the demo")
                .contains(" left — typical of major outages")
                .contains("== OUTAGE RECOVERED == chatgpt has recovered: it was down for")
                .contains("lead 4");
        assertThat(stdout)
                .as("with --json the progress line is on stderr")
                .doesNotContain(PROGRESS);
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .as("the progress, as whole lines since stderr is not a terminal here")
                .filteredOn(line -> line.startsWith(PROGRESS))
                .last()
                .asString()
                .matches(
                        PROGRESS
                                + "event time 2023-11-\\d\\dT\\d\\d:\\d\\dZ · [\\d,]+ / [\\d,]+"
                                + " events published \\(\\d+ %\\) · \\d+ alerts · \\d+:\\d\\d elapsed");
        List<String> lines = stdout.lines().toList();
        JsonNode summary = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(summary.get("incidents")).hasSize(1);
        JsonNode incident = summary.get("incidents").get(0);
        assertThat(incident.get("service").asText()).isEqualTo("chatgpt");
        assertThat(incident.get("severity").asText()).isEqualTo("MAJOR");
        Instant started = Instant.parse(incident.get("startedAt").asText());
        Instant detected = Instant.parse(incident.get("detectedAt").asText());
        assertThat(Duration.between(ONSET, started).abs())
                .isLessThanOrEqualTo(Duration.ofMinutes(2));
        assertThat(detected).isBefore(ONSET.plus(Duration.ofMinutes(5)));
        assertThat(Instant.parse(incident.get("officialAckAt").asText())).isEqualTo(ACKNOWLEDGED);
        assertThat(incident.get("leadSecondsOverAck").asLong())
                .isEqualTo(Duration.between(detected, ACKNOWLEDGED).toSeconds());
        assertThat(incident.get("durationSeconds").asLong()).isBetween(8100L, 8460L);
        String historyDb = summary.get("historyDb").asText();
        assertThat(historyDb)
                .isEqualTo("jdbc:sqlite:" + dir.toAbsolutePath().resolve("history.db"));
        try (HistoryStore history = HistoryStore.open(historyDb)) {
            assertThat(history.incidents(IncidentFilter.ALL))
                    .singleElement()
                    .satisfies(row -> assertThat(row.durationSeconds()).isNotNull());
        }
    }

    /** GETs {@code path} from the status page whose address the demo printed. */
    private static JsonNode statusPageOf(String stdout, String path) throws Exception {
        Matcher address = STATUS_PAGE_LINE.matcher(stdout);
        assertThat(address.find()).as(stdout).isTrue();
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(address.group(1) + path))
                                        .timeout(Duration.ofSeconds(10))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }
}
