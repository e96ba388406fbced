package io.outagewatch.status;

import static io.outagewatch.status.TestRecords.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.outagewatch.events.MinuteVerdict;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatusJsonTest {

    private final StatusBoard board = new StatusBoard(TestRecords.catalog(), Duration.ofHours(48));

    @Test
    void theOverviewListsEveryServiceWithItsStateAndOpenIncident() {
        board.add(TestRecords.minute(TestRecords.DETECTED, 40, MinuteVerdict.DOWN));
        board.add(TestRecords.started());

        JsonNode json = StatusJson.overview(board.services(), board.now());

        assertThat(json.get("services")).hasSize(TestRecords.catalog().services().size());
        JsonNode chatgpt = json.get("services").get(0);
        assertThat(chatgpt.get("id").asText()).isEqualTo(SERVICE);
        assertThat(chatgpt.get("name").asText()).isEqualTo("ChatGPT");
        assertThat(chatgpt.get("state").asText()).isEqualTo("down");
        JsonNode incident = chatgpt.get("openIncident");
        assertThat(incident.get("incidentId").asText()).isEqualTo(TestRecords.INCIDENT);
        assertThat(incident.get("startedAt").asText()).isEqualTo("2023-11-08T13:42:00Z");
        assertThat(incident.get("elapsedSeconds").asLong())
                .isEqualTo(Duration.ofMinutes(4).toSeconds());
        assertThat(incident.get("estimate").get("lowSeconds").asLong())
                .isEqualTo(TestRecords.ESTIMATE_LOW_SECONDS);
        assertThat(incident.get("estimate").get("highSeconds").asLong())
                .isEqualTo(TestRecords.ESTIMATE_HIGH_SECONDS);
        assertThat(chatgpt.get("last24h")).hasSize(DaySparkline.BUCKETS);
        assertThat(json.get("services").get(1).get("openIncident").isNull()).isTrue();
        assertThat(json.get("services").get(1).get("state").asText()).isEqualTo("ok");
    }

    @Test
    void aServiceHasItsIncidentsMinutesAndStatusUpdates() {
        board.add(TestRecords.minute(TestRecords.DETECTED, 40, MinuteVerdict.DOWN));
        board.add(TestRecords.started());
        board.add(TestRecords.acknowledgement());
        board.add(TestRecords.recovered());

        JsonNode json = StatusJson.service(board.service(SERVICE).orElseThrow());

        assertThat(json.get("id").asText()).isEqualTo(SERVICE);
        assertThat(json.get("name").asText()).isEqualTo("ChatGPT");
        JsonNode incident = json.get("incidents").get(0);
        assertThat(incident.fieldNames())
                .toIterable()
                .contains(
                        "incidentId",
                        "severity",
                        "startedAt",
                        "detectedAt",
                        "recoveredAt",
                        "durationSeconds",
                        "estimate");
        assertThat(incident.get("severity").asText()).isEqualTo("MAJOR");
        assertThat(incident.get("recoveredAt").asText()).isEqualTo("2023-11-08T15:12:00Z");
        assertThat(incident.get("durationSeconds").asLong()).isEqualTo(5400);
        JsonNode minute = json.get("minutes").get(0);
        assertThat(minute.get("minute").asText()).isEqualTo("2023-11-08T13:45:00Z");
        assertThat(minute.get("complaints").asInt()).isEqualTo(40);
        assertThat(minute.get("expectedComplaints").asDouble()).isEqualTo(2.0);
        assertThat(minute.get("probeFailureShare").asDouble()).isEqualTo(0.75);
        assertThat(minute.get("failingVantages")).hasSize(2);
        assertThat(minute.get("verdict").asText()).isEqualTo("down");
        assertThat(json.get("statusUpdates").get(0).get("status").asText())
                .isEqualTo("investigating");
    }
}
