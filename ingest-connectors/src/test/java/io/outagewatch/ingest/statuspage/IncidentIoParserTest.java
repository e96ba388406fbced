package io.outagewatch.ingest.statuspage;

import static io.outagewatch.ingest.statuspage.Fixtures.INCIDENT_IO;
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

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class IncidentIoParserTest {

    private static final String BASE = "https://status.example-ai.test";
    private static final PageConfig PAGE = Fixtures.incidentio(BASE);

    @Test
    void readsTheWidgetSummary() throws Exception {
        PageSnapshot snapshot =
                new IncidentIoParser().parse(Fixtures.bytes(Fixtures.WIDGET_1), PAGE);

        assertThat(snapshot.ongoingOnly()).isTrue();
        assertThat(snapshot.incidents())
                .containsExactly(
                        new PageIncident(
                                INCIDENT_IO,
                                "Increased error rates in ChatGPT and Sora",
                                Status.INVESTIGATING,
                                Impact.MAJOR,
                                Instant.parse("2026-11-20T14:03:27.915Z"),
                                BASE + "/incidents/" + INCIDENT_IO,
                                List.of("Conversations", "ChatGPT", "Video generation", "Sora")));
    }

    @Test
    void noOngoingIncidentsIsAnEmptySnapshotAndMaintenancesAreIgnored() throws Exception {
        PageSnapshot snapshot =
                new IncidentIoParser().parse(Fixtures.bytes(Fixtures.WIDGET_3), PAGE);

        assertThat(snapshot.incidents()).isEmpty();
        assertThat(snapshot.skipped()).isZero();
    }

    @ParameterizedTest(name = "{0}/{1} -> {2}/{3}")
    @CsvSource({
        "investigating, degraded_performance, INVESTIGATING, MINOR",
        "identified, partial_outage, IDENTIFIED, MAJOR",
        "fixing, full_outage, IDENTIFIED, CRITICAL",
        "monitoring, operational, MONITORING, NONE",
        "monitoring, under_maintenance, MONITORING,"
    })
    void mapsStatusAndImpact(String status, String impact, Status expected, Impact expectedImpact)
            throws Exception {
        String body =
                "{\"ongoing_incidents\":[{\"id\":\"01JD\",\"name\":\"x\",\"status\":\""
                        + status
                        + "\",\"last_update_at\":\"2026-11-20T14:03:27Z\",\"current_worst_impact\":\""
                        + impact
                        + "\",\"url\":\"javascript:alert(1)\",\"affected_components\":[]}]}";

        PageIncident incident =
                new IncidentIoParser()
                        .parse(body.getBytes(StandardCharsets.UTF_8), PAGE)
                        .incidents()
                        .get(0);

        assertThat(incident.status()).isEqualTo(expected);
        assertThat(incident.impact()).isEqualTo(expectedImpact);
        assertThat(incident.url()).as("only http(s) URLs").isEqualTo(BASE + "/incidents/01JD");
    }

    @Test
    void aDocumentWithoutOngoingIncidentsIsMalformedNotAllResolved() {
        byte[] body = "{\"page_title\":\"Example AI\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> new IncidentIoParser().parse(body, PAGE))
                .isInstanceOf(MalformedPageException.class)
                .hasMessageContaining("ongoing_incidents");
    }
}
