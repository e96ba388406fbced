package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The related incidents (issue 19): written and read by the serde, bounded, and optional, so alerts
 * written before they existed still parse and are written back byte for byte.
 */
class AlertRelatedTest {

    private static final Instant API_START = Instant.parse("2023-11-08T13:40:00Z");

    private static final String RELATED_JSON =
            "\"related\":[{\"incidentId\":\"api-20231108-1340\",\"service\":\"api\","
                    + "\"regions\":[\"us-east\"],\"startedAt\":\"2023-11-08T13:40:00Z\"},"
                    + "{\"incidentId\":\"storage-20231108-1343\",\"service\":\"storage\","
                    + "\"regions\":[],\"startedAt\":\"2023-11-08T13:43:00Z\"}]";

    @Test
    void anAlertOfTheOlderShapeHasNoRelatedIncidentsAndIsWrittenBackUnchanged() {
        Alert alert = AlertSerde.INSTANCE.parse(AlertEstimatesTest.OLDER_STARTED_ALERT).value();

        assertThat(alert.related()).isEmpty();
        assertThat(AlertSerde.INSTANCE.toJson(alert))
                .isEqualTo(AlertEstimatesTest.OLDER_STARTED_ALERT);
    }

    @Test
    void anAlertWithoutRelatedIncidentsDoesNotWriteTheField() {
        Alert alert = Samples.updatedAlertWithTimeLeft().withRelated(List.of());

        assertThat(AlertSerde.INSTANCE.toJson(alert))
                .isEqualTo(AlertSerde.INSTANCE.toJson(Samples.updatedAlertWithTimeLeft()))
                .doesNotContain("related");
    }

    @Test
    void writesRelatedIncidentsLastInTheOrderGiven() {
        String json = AlertSerde.INSTANCE.toJson(Samples.updatedAlertWithRelated());

        assertThat(json).endsWith(",\"version\":4," + RELATED_JSON + "}");
    }

    @Test
    void readsRelatedIncidentsAndNullOrAbsentMeansNone() {
        Alert linked =
                AlertSerde.INSTANCE
                        .parse(JsonDoc.startedAlert().with("related", relatedArray()).json())
                        .value();
        Alert withNull =
                AlertSerde.INSTANCE
                        .parse(JsonDoc.startedAlert().with("related", "null").json())
                        .value();

        assertThat(linked.related())
                .containsExactly(
                        new RelatedIncident(
                                "api-20231108-1340", "api", List.of("us-east"), API_START),
                        new RelatedIncident(
                                "storage-20231108-1343",
                                "storage",
                                List.of(),
                                Instant.parse("2023-11-08T13:43:00Z")));
        assertThat(withNull)
                .isEqualTo(AlertSerde.INSTANCE.parse(JsonDoc.startedAlert().json()).value());
    }

    @Test
    void holdsAtMostTheMaximumOfRelatedIncidents() {
        Alert alert = Samples.minimalStartedAlert();

        assertThat(alert.withRelated(relatedIncidents(Alert.MAX_RELATED)).related())
                .hasSize(Alert.MAX_RELATED);
        assertThatThrownBy(() -> alert.withRelated(relatedIncidents(Alert.MAX_RELATED + 1)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("related has 33 entries; the maximum is " + Alert.MAX_RELATED);
    }

    @Test
    void aParsedAlertWithTooManyRelatedIncidentsIsRefusedBeforeTheyAreRead() {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i <= Alert.MAX_RELATED; i++) {
            entries.add("{}");
        }
        Parsed<Alert> parsed =
                AlertSerde.INSTANCE.parse(
                        JsonDoc.startedAlert()
                                .with("related", "[" + String.join(",", entries) + "]")
                                .json());

        assertThat(parsed.isOk()).isFalse();
        assertThat(String.valueOf(parsed)).contains("related has 33 entries");
    }

    @Test
    void namesNeitherItsOwnIncidentNorAnotherTwice() {
        Alert alert = Samples.minimalStartedAlert();
        RelatedIncident api =
                new RelatedIncident("api-20231108-1340", "api", List.of("us-east"), API_START);
        RelatedIncident itself =
                new RelatedIncident(alert.incidentId(), "api", List.of(), API_START);

        assertThatThrownBy(() -> alert.withRelated(List.of(api, api)))
                .hasMessage("related[1] \"api-20231108-1340\" is listed twice");
        assertThatThrownBy(() -> alert.withRelated(List.of(itself)))
                .hasMessage("related[0] names the alert's own incident");
        assertThatThrownBy(() -> alert.withRelated(Arrays.asList(api, null)))
                .hasMessage("related[1] is null");
    }

    @Test
    void aBadRelatedIncidentIsReportedWithItsPlace() {
        Parsed<Alert> parsed =
                AlertSerde.INSTANCE.parse(
                        JsonDoc.startedAlert()
                                .with(
                                        "related",
                                        "[{\"incidentId\":\"api-1\",\"service\":\"API!\","
                                                + "\"startedAt\":\"2023-11-08T13:40:00Z\"}]")
                                .json());

        assertThat(String.valueOf(parsed)).contains("related[0].service");
    }

    @Test
    void theRelatedIncidentListIsImmutable() {
        List<RelatedIncident> given = new ArrayList<>(relatedIncidents(2));
        Alert alert = Samples.minimalStartedAlert().withRelated(given);
        given.clear();

        assertThat(alert.related()).hasSize(2);
        assertThatThrownBy(() -> alert.related().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void schemaSharesTheRelatedLimitWithTheCode() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/schemas/alert.schema.json")) {
            JsonNode related = new ObjectMapper().readTree(in).path("properties").path("related");

            assertThat(related.path("maxItems").asInt()).isEqualTo(Alert.MAX_RELATED);
        }
    }

    private static String relatedArray() {
        return RELATED_JSON.substring("\"related\":".length());
    }

    private static List<RelatedIncident> relatedIncidents(int count) {
        List<RelatedIncident> incidents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            incidents.add(
                    new RelatedIncident(
                            "svc-" + i + "-1", "svc-" + i, List.of("us-east"), API_START));
        }
        return incidents;
    }
}
