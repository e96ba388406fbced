package io.outagewatch.ingest.statuspage;

import static io.outagewatch.ingest.statuspage.Fixtures.INCIDENT_A;
import static io.outagewatch.ingest.statuspage.Fixtures.INCIDENT_OLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.events.StatusUpdate.Impact;
import io.outagewatch.events.StatusUpdate.Status;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StatuspageParserTest {

    private static final String BASE = "https://status.example-ai.test";
    private static final PageConfig PAGE = Fixtures.statuspage(BASE);

    @Test
    void readsIncidentsJson() throws Exception {
        PageSnapshot snapshot =
                new StatuspageParser(false).parse(Fixtures.bytes(Fixtures.INCIDENTS_2), PAGE);

        assertThat(snapshot.ongoingOnly()).isFalse();
        assertThat(snapshot.skipped()).isZero();
        assertThat(snapshot.incidents())
                .containsExactly(
                        new PageIncident(
                                INCIDENT_A,
                                "Elevated error rates for ChatGPT",
                                Status.IDENTIFIED,
                                Impact.MAJOR,
                                Instant.parse("2026-11-20T14:20:45.201Z"),
                                BASE + "/incidents/" + INCIDENT_A,
                                List.of("ChatGPT")),
                        new PageIncident(
                                INCIDENT_OLD,
                                "Increased latency on the API",
                                Status.RESOLVED,
                                Impact.MINOR,
                                Instant.parse("2026-09-04T14:12:40.004Z"),
                                BASE + "/incidents/" + INCIDENT_OLD,
                                List.of("API")));
    }

    @Test
    void readsSummaryJsonAsOngoingOnly() throws Exception {
        PageSnapshot snapshot =
                new StatuspageParser(true).parse(Fixtures.bytes(Fixtures.SUMMARY), PAGE);

        assertThat(snapshot.ongoingOnly()).isTrue();
        assertThat(snapshot.incidents()).extracting(PageIncident::id).containsExactly(INCIDENT_A);
    }

    @Test
    void skipsUnreadableIncidentsButKeepsTheirIds() throws Exception {
        PageSnapshot snapshot =
                new StatuspageParser(false).parse(Fixtures.bytes(Fixtures.INCIDENTS_EDGE), PAGE);

        assertThat(snapshot.skipped()).isEqualTo(2);
        assertThat(snapshot.skippedIds()).containsExactlyInAnyOrder("badtime00001", "maint0000001");
        assertThat(snapshot.incidents())
                .extracting(PageIncident::id)
                .containsExactly("notime000001", "nocomp000001");
        assertThat(snapshot.incidents().get(0).updatedAt())
                .as("created_at when updated_at is null")
                .isEqualTo(Instant.parse("2026-11-20T14:02:11.418Z"));
        assertThat(snapshot.incidents().get(1).components()).isEmpty();
        assertThat(snapshot.incidents().get(1).impact()).isEqualTo(Impact.CRITICAL);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "investigating, INVESTIGATING",
        "identified, IDENTIFIED",
        "monitoring, MONITORING",
        "resolved, RESOLVED",
        "postmortem, RESOLVED"
    })
    void mapsStatuses(String statuspage, Status expected) {
        assertThat(StatuspageParser.STATUSES.get(statuspage)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"none, NONE", "minor, MINOR", "major, MAJOR", "critical, CRITICAL", "maintenance,"})
    void mapsImpacts(String statuspage, Impact expected) {
        assertThat(StatuspageParser.IMPACTS.get(statuspage)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<html>502 Bad Gateway</html>",
                "[]",
                "{\"page\":{}}",
                "{\"incidents\":{}}",
                "{\"incidents\":[{\"id\":\"a\"}"
            })
    void rejectsMalformedDocuments(String body) {
        assertThatThrownBy(
                        () ->
                                new StatuspageParser(false)
                                        .parse(body.getBytes(StandardCharsets.UTF_8), PAGE))
                .isInstanceOf(MalformedPageException.class);
    }
}
