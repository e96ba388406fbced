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
                                            "chatgpt",
                                            "MAJOR",
                                            List.of(),
                                            "2023-11-08T13:42:00Z",
                                            "2023-11-08T16:00:00Z"))),
                    Map.entry(
                            "regional-outage",
                            List.of(
                                    incident(
                                            "github",
                                            "PARTIAL",
                                            List.of("eu"),
                                            "2024-03-12T10:20:00Z",
                                            "2024-03-12T11:00:00Z"))),
                    Map.entry(
                            "brownout",
                            List.of(
                                    incident(
                                            "slack",
                                            "DEGRADED",
                                            List.of(),
                                            "2024-01-16T15:05:00Z",
                                            "2024-01-16T15:50:00Z"))),
                    Map.entry(
                            "night-outage",
                            List.of(
                                    incident(
                                            "discord",
                                            "MAJOR",
                                            List.of(),
                                            "2024-02-21T03:10:00Z",
                                            "2024-02-21T03:22:00Z"))),
                    Map.entry(
                            "flapping",
                            List.of(
                                    incident(
                                            "chatgpt",
                                            "MAJOR",
                                            List.of(),
                                            "2024-04-09T17:00:00Z",
                                            "2024-04-09T17:50:00Z"))),
                    Map.entry(
                            "social-only",
                            List.of(
                                    incident(
                                            "bluesky-app",
                                            "MAJOR",
                                            List.of(),
                                            "2024-05-14T18:30:00Z",
                                            "2024-05-14T19:30:00Z"))),
                    Map.entry(
                            "probe-only",
                            List.of(
                                    incident(
                                            "internal-api",
                                            "MAJOR",
                                            List.of(),
                                            "2024-06-04T09:00:00Z",
                                            "2024-06-04T09:30:00Z"))),
                    Map.entry("broken-vantage", List.of()),
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
    void expectedJsonListsTheIncidents() throws IOException {
        JsonNode root =
                new ObjectMapper().readTree(SuiteCache.get("regional-outage").expectedJson());

        assertThat(root.get("scenario").asText()).isEqualTo("regional-outage");
        JsonNode incident = root.get("incidents").get(0);
        assertThat(incident.get("service").asText()).isEqualTo("github");
        assertThat(incident.get("severity").asText()).isEqualTo("PARTIAL");
        assertThat(incident.get("regions").get(0).asText()).isEqualTo("eu");
        assertThat(incident.get("start").asText()).isEqualTo("2024-03-12T10:20:00Z");
        assertThat(incident.get("end").asText()).isEqualTo("2024-03-12T11:00:00Z");
        assertThat(root.get("incidents")).hasSize(1);
    }

    private static ExpectedIncident incident(
            String service, String severity, List<String> regions, String start, String end) {
        return new ExpectedIncident(
                service, severity, regions, Instant.parse(start), Instant.parse(end));
    }
}
