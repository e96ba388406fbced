package io.outagewatch.sink.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 1, unit = TimeUnit.MINUTES)
class OutagesMainTest {

    private static final Instant NEXT_DAY = TestAlerts.STARTED.plus(Duration.ofDays(1));

    @TempDir Path directory;

    private String db;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void recordHistory() {
        db = "jdbc:sqlite:" + directory.resolve("history.db");
        try (HistoryStore history = HistoryStore.open(db)) {
            history.record(TestAlerts.started());
            history.record(TestAlerts.updated());
            history.record(TestAlerts.recovered());
            history.record(TestAlerts.started("slack-1", "slack", NEXT_DAY));
        }
    }

    @Test
    void printsIncidentsAndAPerServiceSummaryForPeople() {
        assertThat(run("--db", db)).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo(
"""
INCIDENT               SERVICE  SEVERITY  REGIONS          STARTED               DETECTED              RECOVERED             DURATION  FIRST-ESTIMATE  ACKNOWLEDGED          LEAD
chatgpt-20231108-1342  chatgpt  MAJOR     eu-west,us-east  2023-11-08T13:42:00Z  2023-11-08T13:43:30Z  2023-11-08T15:17:00Z  1h35m     1h30m           2023-11-08T14:30:00Z  46m29s
slack-1                slack    PARTIAL   eu-west          2023-11-09T13:42:00Z  2023-11-09T13:43:30Z  open                  -         1h30m           -                     -

SERVICE  INCIDENTS  RECOVERED  TOTAL  MEDIAN  MTTR   MEDIAN-LEAD
chatgpt  1          1          1h35m  1h35m   1h35m  46m29s
slack    1          0          0s     -       -      -
""");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void printsJsonLinesWithJson() throws Exception {
        assertThat(run("--db", db, "--json", "--service", "chatgpt")).isZero();

        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(json.readTree(line));
        }
        assertThat(lines).hasSize(2);
        JsonNode incident = lines.get(0);
        assertThat(incident.get("kind").asText()).isEqualTo("incident");
        assertThat(incident.get("incidentId").asText()).isEqualTo(TestAlerts.INCIDENT);
        assertThat(incident.get("detectedAt").asText()).isEqualTo(TestAlerts.DETECTED.toString());
        assertThat(incident.get("durationSeconds").asLong()).isEqualTo(TestAlerts.DURATION_SECONDS);
        assertThat(incident.get("firstEstimateSeconds").asLong())
                .isEqualTo(TestAlerts.FIRST_ESTIMATE_SECONDS);
        assertThat(incident.get("officialAckAt").asText())
                .isEqualTo(TestAlerts.ACKNOWLEDGED.toString());
        assertThat(incident.get("leadSecondsOverAck").asLong()).isEqualTo(TestAlerts.LEAD_SECONDS);
        JsonNode summary = lines.get(1);
        assertThat(summary.toString())
                .isEqualTo(
                        "{\"kind\":\"summary\",\"service\":\"chatgpt\",\"incidents\":1,"
                                + "\"recovered\":1,\"totalDurationSeconds\":5700,"
                                + "\"medianDurationSeconds\":5700,\"mttrSeconds\":5700,"
                                + "\"medianLeadSecondsOverAck\":"
                                + TestAlerts.LEAD_SECONDS
                                + "}");
    }

    @Test
    void sinceKeepsIncidentsThatStartedFromThen() {
        assertThat(run("--db", db, "--json", "--since", "2023-11-09")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("\"incidentId\":\"slack-1\"")
                .doesNotContain(TestAlerts.INCIDENT);
    }

    @Test
    void helpPrintsUsage() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("usage: bin/outagewatch outages");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "--verbose                | unknown option --verbose",
                "--service                | missing value after --service",
                "--since yesterday        | --since 'yesterday' is not a time",
                "--db jdbc:mysql://h/x    | --db: unsupported history database URL 'jdbc:mysql://h/x'",
                "--db jdbc:sqlite:nope.db | no outage history at nope.db",
            })
    void badArgumentsExitTwoWithTheProblem(String args, String message) {
        assertThat(run(args.trim().split(" "))).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("outages: " + message)
                .contains("usage: bin/outagewatch outages");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aFileThatIsNoDatabaseExitsOne() throws Exception {
        Path garbage =
                Files.writeString(directory.resolve("notes.db"), "not a database, ".repeat(64));

        assertThat(run("--db", "jdbc:sqlite:" + garbage)).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("outages: cannot open the outage history jdbc:sqlite:" + garbage);
    }

    private int run(String... args) {
        return OutagesMain.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
