package io.outagewatch.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.events.ProbeResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioFileTest {

    private static final String SMALL =
            """
            name: small
            from: 2024-01-01T00:00:00Z
            until: 2024-01-01T03:00:00Z
            services:
              - chatgpt
              - id: forum
                name: Forum
                probed: false
                mentions: [the forum]
            incidents:
              - {service: chatgpt, kind: full, start: 2024-01-01T01:00:00Z, end: 2024-01-01T01:30:00Z}
            """;

    @Test
    void namesServicesFromTheLibraryOrInFull() {
        Scenario scenario = parse(SMALL);

        assertThat(scenario.frame().services())
                .extracting(ServiceSpec::id)
                .containsExactly("chatgpt", "forum");
        assertThat(scenario.frame().services().get(0)).isEqualTo(Scenarios.service("chatgpt"));
        assertThat(scenario.frame().services().get(1).probed()).isFalse();
        assertThat(scenario.frame().vantages()).isEqualTo(Vantage.standardSix());
        assertThat(scenario.seed()).isEqualTo(ScenarioBuilder.DEFAULT_SEED);
        assertThat(scenario.expected())
                .singleElement()
                .satisfies(incident -> assertThat(incident.kind()).isEqualTo(IncidentKind.FULL));
    }

    @Test
    void theProbeIntervalAndVantagesComeFromTheFile() {
        Scenario scenario =
                parse(
                        SMALL.replace(
                                "services:",
                                """
                                traffic: {probeInterval: 1m, chatterPerComplaint: 0}
                                vantages: [{id: home, region: eu}]
                                services:"""));

        long chatgptProbes =
                scenario.probes().stream().filter(p -> p.service().equals("chatgpt")).count();
        assertThat(chatgptProbes).isEqualTo(180);
        assertThat(scenario.probes()).extracting(ProbeResult::vantage).containsOnly("home");
    }

    @Test
    void theSeedOverrideWinsOverTheFile() {
        String withSeed = SMALL.replace("name: small", "name: small\nseed: 7");
        Scenario fromFile = parse(withSeed);
        Scenario overridden =
                ScenarioFile.parse(withSeed, "small.yaml", Scenarios.services(), OptionalLong.of(8))
                        .build();

        assertThat(fromFile.seed()).isEqualTo(7);
        assertThat(overridden.seed()).isEqualTo(8);
        assertThat(overridden.reports()).isNotEqualTo(fromFile.reports());
    }

    @Test
    void everyKindOfIncidentAndBaitIsReadable() {
        String all =
                SMALL.replace(
                                "incidents:\n",
                                """
                        incidents:
                          - {service: forum, kind: social-only, start: 2024-01-01T00:10:00Z, end: 2024-01-01T00:20:00Z}
                          - {service: chatgpt, kind: regional, regions: [eu], start: 2024-01-01T02:00:00Z, end: 2024-01-01T02:10:00Z}
                          - {service: chatgpt, kind: brownout, latencyFactor: 5, start: 2024-01-01T02:20:00Z, end: 2024-01-01T02:30:00Z}
                          - {service: chatgpt, kind: flapping, upFor: 2m, downFor: 3m, start: 2024-01-01T00:30:00Z, end: 2024-01-01T00:50:00Z}
                          - {service: chatgpt, kind: probe-only, start: 2024-01-01T02:40:00Z, end: 2024-01-01T02:50:00Z}
                        """)
                        + """
                        baits:
                          - {kind: broken-vantage, vantage: us-east-1a, start: 2024-01-01T00:00:00Z, end: 2024-01-01T00:05:00Z}
                          - {kind: spammer, author: spam, service: forum, start: 2024-01-01T00:00:00Z, posts: 10, every: 5s}
                          - {kind: news-burst, service: chatgpt, start: 2024-01-01T00:00:00Z, posts: 20, over: 10m}
                          - {kind: scattered-failures, service: chatgpt, start: 2024-01-01T00:00:00Z, end: 2024-01-01T01:00:00Z, count: 5}
                        statusUpdates:
                          - {service: chatgpt, at: 2024-01-01T01:10:00Z, incidentId: x1, status: investigating, impact: major}
                        """;
        Scenario scenario = parse(all);

        assertThat(scenario.expected())
                .extracting(ExpectedIncident::kind)
                .containsExactlyInAnyOrder(
                        IncidentKind.SOCIAL_ONLY,
                        IncidentKind.FULL,
                        IncidentKind.FLAPPING,
                        IncidentKind.REGIONAL,
                        IncidentKind.BROWNOUT,
                        IncidentKind.PROBE_ONLY);
        assertThat(scenario.reports()).filteredOn(r -> "spam".equals(r.author())).hasSize(10);
        ExpectedIncident full =
                scenario.expected().stream()
                        .filter(incident -> incident.kind() == IncidentKind.FULL)
                        .findFirst()
                        .orElseThrow();
        assertThat(scenario.officialAcknowledgement(full))
                .contains(Instant.parse("2024-01-01T01:10:00Z"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "name: small|name: small\\ncolour: blue|unknown key 'colour'",
                "from: 2024-01-01T00:00:00Z|from: yesterday|from must be an ISO-8601 UTC time",
                "kind: full|kind: meltdown|incident kind 'meltdown' is not one of",
                "kind: full|kind: regional|incidents[0].regions must name the failing regions",
                "  - chatgpt|  - netflix|services[0] names service 'netflix'",
                "probed: false|probed: maybe|services[1].probed must be true or false",
                "name: small|name: Small Scenario|scenario name",
            })
    void aBadFileIsRejectedNamingTheProblem(String original, String replacement, String message) {
        String broken = SMALL.replace(original, replacement.replace("\\n", "\n"));

        assertThatThrownBy(() -> parse(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void notYamlAtAllIsRejected() {
        assertThatThrownBy(() -> parse("name: [unclosed"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("small.yaml is not valid YAML");
    }

    @Test
    void loadsAFileAndShiftsItInTime(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("small.yaml");
        Files.writeString(file, SMALL);
        Scenario scenario = ScenarioFile.load(file, Scenarios.services(), OptionalLong.empty());
        Instant newStart = Instant.parse("2026-11-23T00:00:00Z");

        Scenario moved = scenario.startingAt(newStart);

        assertThat(moved.frame().from()).isEqualTo(newStart);
        assertThat(moved.expected().get(0).start())
                .isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
        assertThat(moved.probes()).hasSameSizeAs(scenario.probes());
        assertThat(moved.probes().get(0).timestamp())
                .isEqualTo(
                        newStart.plus(
                                Duration.between(
                                        scenario.frame().from(),
                                        scenario.probes().get(0).timestamp())));
    }

    @Test
    void theSuiteFilesAllParse() {
        assertThat(Scenarios.all()).extracting(Scenario::name).isEqualTo(Scenarios.names());
    }

    private static Scenario parse(String yaml) {
        return ScenarioFile.parse(yaml, "small.yaml", Scenarios.services(), OptionalLong.empty())
                .build();
    }
}
