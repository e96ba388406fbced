package io.outagewatch.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpectedIncidentsTest {

    private static final Map<String, List<ExpectedIncident>> EXPECTED =
            Map.ofEntries(
                    Map.entry(
                            "chatgpt-2023-11-08",
                            List.of(
                                    incident(
                                            IncidentKind.FULL,
                                            "chatgpt",
                                            "MAJOR",
                                            List.of(),
                                            "2023-11-08T13:42:00Z",
                                            "2023-11-08T16:00:00Z"))),
                    Map.entry(
                            "regional-outage",
                            List.of(
                                    incident(
                                            IncidentKind.REGIONAL,
                                            "github",
                                            "PARTIAL",
                                            List.of("eu"),
                                            "2024-03-12T10:20:00Z",
                                            "2024-03-12T11:00:00Z"))),
                    Map.entry(
                            "regional-cloud-failure",
                            List.of(
                                    incident(
                                            IncidentKind.REGIONAL,
                                            "github",
                                            "PARTIAL",
                                            List.of("us-east"),
                                            "2024-05-14T13:40:00Z",
                                            "2024-05-14T14:00:00Z"),
                                    incident(
                                            IncidentKind.REGIONAL,
                                            "slack",
                                            "PARTIAL",
                                            List.of("us-east"),
                                            "2024-05-14T13:41:00Z",
                                            "2024-05-14T14:01:00Z"),
                                    incident(
                                            IncidentKind.REGIONAL,
                                            "discord",
                                            "PARTIAL",
                                            List.of("us-east"),
                                            "2024-05-14T13:42:00Z",
                                            "2024-05-14T14:02:00Z"))),
                    Map.entry(
                            "brownout",
                            List.of(
                                    incident(
                                            IncidentKind.BROWNOUT,
                                            "slack",
                                            "DEGRADED",
                                            List.of(),
                                            "2024-01-16T15:05:00Z",
                                            "2024-01-16T15:50:00Z"))),
                    Map.entry(
                            "night-outage",
                            List.of(
                                    incident(
                                            IncidentKind.FULL,
                                            "discord",
                                            "MAJOR",
                                            List.of(),
                                            "2024-02-21T03:10:00Z",
                                            "2024-02-21T03:22:00Z"))),
                    Map.entry(
                            "flapping",
                            List.of(
                                    incident(
                                            IncidentKind.FLAPPING,
                                            "chatgpt",
                                            "MAJOR",
                                            List.of(),
                                            "2024-04-09T17:00:00Z",
                                            "2024-04-09T17:50:00Z"))),
                    Map.entry(
                            "social-only",
                            List.of(
                                    incident(
                                            IncidentKind.SOCIAL_ONLY,
                                            "bluesky-app",
                                            "MAJOR",
                                            List.of(),
                                            "2024-05-14T18:30:00Z",
                                            "2024-05-14T19:30:00Z"))),
                    Map.entry(
                            "social-only-night",
                            List.of(
                                    incident(
                                            IncidentKind.SOCIAL_ONLY,
                                            "bluesky-app",
                                            "MAJOR",
                                            List.of(),
                                            "2024-05-14T02:40:00Z",
                                            "2024-05-14T03:25:00Z"))),
                    Map.entry(
                            "probe-only",
                            List.of(
                                    incident(
                                            IncidentKind.PROBE_ONLY,
                                            "internal-api",
                                            "MAJOR",
                                            List.of(),
                                            "2024-06-04T09:00:00Z",
                                            "2024-06-04T09:30:00Z"))),
                    Map.entry(
                            "status-before-symptom",
                            List.of(
                                    incident(
                                            IncidentKind.FULL,
                                            "github",
                                            "MAJOR",
                                            List.of(),
                                            "2024-03-12T14:20:00Z",
                                            "2024-03-12T15:05:00Z"))),
                    Map.entry(
                            "slow-burn",
                            List.of(
                                    incident(
                                            IncidentKind.SLOW_BURN,
                                            "github",
                                            "MAJOR",
                                            List.of(),
                                            "2024-07-09T14:00:00Z",
                                            "2024-07-09T14:50:00Z"))),
                    Map.entry("broken-vantage", List.of()),
                    Map.entry("probers-offline", List.of()),
                    Map.entry("spammer", List.of()),
                    Map.entry("news-burst", List.of()),
                    Map.entry("scattered-probe-failures", List.of()),
                    Map.entry("ordinary-days", List.of()));

    @Test
    void everyScenarioExpectsExactlyItsIncidents() {
        assertThat(Scenarios.names()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        for (Scenario scenario : SuiteCache.all()) {
            assertThat(scenario.expected())
                    .as(scenario.name())
                    .isEqualTo(EXPECTED.get(scenario.name()));
        }
    }

    @Test
    void truthJsonListsTheIncidentsWithTheirOfficialAcknowledgement() throws IOException {
        Scenario scenario = SuiteCache.get("regional-outage");
        JsonNode root = new ObjectMapper().readTree(scenario.truthJson());

        assertThat(root.get("scenario").asText()).isEqualTo("regional-outage");
        assertThat(root.get("seed").asLong()).isEqualTo(ScenarioBuilder.DEFAULT_SEED);
        assertThat(root.get("from").asText()).isEqualTo("2024-03-11T00:00:00Z");
        assertThat(root.get("until").asText()).isEqualTo("2024-03-12T14:00:00Z");
        assertThat(root.get("probes").asInt()).isEqualTo(scenario.probes().size());
        assertThat(root.get("reports").asInt()).isEqualTo(scenario.reports().size());
        assertThat(root.get("statusUpdates").asInt()).isEqualTo(1);
        JsonNode incident = root.get("incidents").get(0);
        assertThat(incident.get("service").asText()).isEqualTo("github");
        assertThat(incident.get("kind").asText()).isEqualTo("regional");
        assertThat(incident.get("officialAckAt").asText()).isEqualTo("2024-03-12T10:41:00Z");
        assertThat(incident.get("severity").asText()).isEqualTo("PARTIAL");
        assertThat(incident.get("regions").get(0).asText()).isEqualTo("eu");
        assertThat(incident.get("start").asText()).isEqualTo("2024-03-12T10:20:00Z");
        assertThat(incident.get("end").asText()).isEqualTo("2024-03-12T11:00:00Z");
        assertThat(root.get("incidents")).hasSize(1);
    }

    @Test
    void anIncidentWithoutStatusUpdatesHasNoAcknowledgement() throws IOException {
        JsonNode root = new ObjectMapper().readTree(SuiteCache.get("night-outage").truthJson());

        assertThat(root.get("incidents").get(0).get("officialAckAt").isNull()).isTrue();
        assertThat(root.get("incidents").get(0).get("kind").asText()).isEqualTo("full");
    }

    private static ExpectedIncident incident(
            IncidentKind kind,
            String service,
            String severity,
            List<String> regions,
            String start,
            String end) {
        return new ExpectedIncident(
                service, kind, severity, regions, Instant.parse(start), Instant.parse(end));
    }
}
