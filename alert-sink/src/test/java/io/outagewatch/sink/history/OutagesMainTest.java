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
INCIDENT               SERVICE  SEVERITY  REGIONS          STARTED               DETECTED              RECOVERED             DURATION  FIRST-ESTIMATE  ACKNOWLEDGED          LEAD    SILENCED
chatgpt-20231108-1342  chatgpt  MAJOR     eu-west,us-east  2023-11-08T13:42:00Z  2023-11-08T13:43:30Z  2023-11-08T15:17:00Z  1h35m     1h30m           2023-11-08T14:30:00Z  46m29s  -
slack-1                slack    PARTIAL   eu-west          2023-11-09T13:42:00Z  2023-11-09T13:43:30Z  open                  -         1h30m           -                     -       -

SERVICE  INCIDENTS  RECOVERED  TOTAL  MEDIAN  P90    MTTR   MEDIAN-LEAD  SILENCED
chatgpt  1          1          1h35m  1h35m   1h35m  1h35m  46m29s       0
slack    1          0          0s     -       -      -      -            0
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
                                + ",\"p90DurationSeconds\":5700,\"silenced\":0}");
    }

    @Test
    void sinceKeepsIncidentsThatStartedFromThen() {
        assertThat(run("--db", db, "--json", "--since", "2023-11-09")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("\"incidentId\":\"slack-1\"")
                .doesNotContain(TestAlerts.INCIDENT);
    }

    @Test
    void byWeekAsCsvGivesOneRowPerServiceAndIsoWeekWithZeroWeeks() {
        String weekly = "jdbc:sqlite:" + directory.resolve("weekly.db");
        try (HistoryStore history = HistoryStore.open(weekly)) {
            // ISO week 45 of 2023 starts on Monday 6 November.
            history.record(
                    TestAlerts.recovered(
                            "chatgpt-a", "chatgpt", Instant.parse("2023-11-06T10:00:00Z"), 3600));
            history.record(TestAlerts.started());
            history.record(TestAlerts.updated());
            history.record(TestAlerts.recovered());
            // Week 46: slack only, still open.
            history.record(
                    TestAlerts.started("slack-b", "slack", Instant.parse("2023-11-14T08:00:00Z")));
            // Week 47: a silenced chatgpt incident of ten minutes.
            history.record(
                    TestAlerts.recovered(
                            "chatgpt-c", "chatgpt", Instant.parse("2023-11-22T09:00:00Z"), 600),
                    java.util.Optional.of("s-failover"));
        }

        assertThat(run("--db", weekly, "--by", "week", "--format", "csv")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo(
                        String.join(
                                "\r\n",
                                "service,period,period_start,incidents,recovered,silenced,"
                                        + "total_seconds,median_seconds,p90_seconds,mttr_seconds,"
                                        + "median_lead_seconds",
                                "chatgpt,2023-W45,2023-11-06,2,2,0,9300,4650,5700,4650,2789",
                                "chatgpt,2023-W46,2023-11-13,0,0,0,0,,,,",
                                "chatgpt,2023-W47,2023-11-20,1,1,1,600,600,600,600,2789",
                                "slack,2023-W45,2023-11-06,0,0,0,0,,,,",
                                "slack,2023-W46,2023-11-13,1,0,0,0,,,,",
                                "slack,2023-W47,2023-11-20,0,0,0,0,,,,",
                                ""));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void servicesRepeatAndUntilBoundsTheStart() throws Exception {
        assertThat(
                        run(
                                "--db",
                                db,
                                "--service",
                                "chatgpt",
                                "--service",
                                "slack",
                                "--until",
                                "2023-11-09",
                                "--format",
                                "json"))
                .isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("\"incidentId\":\"" + TestAlerts.INCIDENT + "\"")
                .doesNotContain("slack-1");
    }

    @Test
    void csvWithoutByListsTheIncidentsQuotedAsRfc4180Says() {
        assertThat(run("--db", db, "--format", "csv", "--service", "chatgpt")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("incident_id,service,severity,regions,started_at,")
                .contains(
                        "\r\nchatgpt-20231108-1342,chatgpt,MAJOR,\"eu-west,us-east\","
                                + "2023-11-08T13:42:00Z,")
                .endsWith(",false,\r\n");
        assertThat(OutagesReport.csvField("say \"hi\", twice"))
                .isEqualTo("\"say \"\"hi\"\", twice\"");
    }

    @Test
    void byMonthAsATableAndJsonGiveTheSameFigures() throws Exception {
        assertThat(run("--db", db, "--by", "month")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("SERVICE  PERIOD   INCIDENTS")
                .contains("chatgpt  2023-11  1")
                .contains("slack    2023-11  1");
        out.reset();

        assertThat(run("--db", db, "--by", "day", "--json")).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(4);
        assertThat(new ObjectMapper().readTree(lines[1]).get("period").asText())
                .isEqualTo("2023-11-09");
        assertThat(new ObjectMapper().readTree(lines[1]).get("incidents").asInt()).isZero();
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
                "--by year                | --by 'year' is not one of day|week|month",
                "--format xml             | --format 'xml' is not one of table|csv|json",
                "--json --format csv      | --json is --format json; it cannot go with --format csv",
                "--since 2023-11-09 --until 2023-11-08 | --until 2023-11-08T00:00:00Z is not after --since",
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
