package io.outagewatch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outagewatch.sink.history.HistoryStore;
import io.outagewatch.sink.history.IncidentFilter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The whole demo, fast: the ChatGPT outage found, told, and recorded. */
@Timeout(300)
class DemoITCase {

    private static final Instant ONSET = Instant.parse("2023-11-08T13:42:00Z");
    private static final Instant ACKNOWLEDGED = Instant.parse("2023-11-08T14:30:00Z");
    private static final String PROGRESS = "replaying chatgpt-2023-11-08: ";

    @TempDir Path dir;

    @Test
    void theChatgptOutageIsDetectedAheadOfTheStatusPageAndRecorded() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status =
                DemoMain.run(
                        new String[] {
                            "--scenario", "chatgpt-2023-11-08",
                            "--speed", "20000",
                            "--data-dir", dir.toString(),
                            "--timeout", "4m",
                            "--json"
                        },
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        new CountDownLatch(1));

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(stdout + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(stdout)
                .contains("Flink web UI   http://127.0.0.1:")
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
}
