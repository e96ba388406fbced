package io.outagewatch.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.StatusUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScenarioBuilderTest {

    private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2024-01-01T02:00:00Z");

    @Test
    void theSameSpecAndSeedBuildEqualScenarios() {
        assertThat(small().seed(3).build()).isEqualTo(small().seed(3).build());
        assertThat(small().seed(3).build()).isNotEqualTo(small().seed(4).build());
    }

    @Test
    void customVantagesReplaceTheStandardSix() {
        Scenario scenario =
                small().vantages(List.of(new Vantage("lab-1", "lab"), new Vantage("lab-2", "lab")))
                        .build();

        assertThat(scenario.probes().stream().map(ProbeResult::vantage).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("lab-1", "lab-2");
        assertThat(scenario.probes()).allMatch(probe -> probe.region().equals("lab"));
        assertThat(scenario.probes()).hasSize(2 * 2 * 120);
    }

    @Test
    void socialOnlyServicesGetNoProbesAndProbeOnlyServicesNoPosts() {
        Scenario scenario =
                ScenarioBuilder.named("split")
                        .from(FROM)
                        .until(UNTIL)
                        .service(ServiceSpec.socialOnly("forum", "Forum").withAudienceScale(5))
                        .service(ServiceSpec.probeOnly("backend", "Backend"))
                        .build();

        assertThat(scenario.probes()).allMatch(probe -> probe.service().equals("backend"));
        assertThat(scenario.reports())
                .isNotEmpty()
                .allMatch(report -> report.text().contains("Forum"));
    }

    @Test
    void rejectsEventsNamingUnknownServicesVantagesOrRegions() {
        assertRejected(
                small().outage(Outage.of("nope", FROM.plusSeconds(60), FROM.plusSeconds(120))),
                "service nope");
        assertRejected(
                small().outage(
                                Outage.of("chatgpt", FROM.plusSeconds(60), FROM.plusSeconds(120))
                                        .regions("mars")),
                "region mars");
        assertRejected(
                small().brokenVantage(
                                BrokenVantage.of(
                                        "moon-1", FROM.plusSeconds(60), FROM.plusSeconds(120))),
                "vantage moon-1");
        assertRejected(
                small().statusUpdate(
                                new StatusUpdate(
                                        "nope",
                                        FROM.plusSeconds(60),
                                        "x",
                                        StatusUpdate.Status.INVESTIGATING,
                                        null,
                                        null,
                                        null)),
                "service nope");
    }

    @Test
    void rejectsEventsOutsideTheSpanAndSpansThatEndBeforeTheyStart() {
        assertRejected(
                small().outage(Outage.of("chatgpt", UNTIL.minusSeconds(60), UNTIL.plusSeconds(60))),
                "runs outside");
        assertRejected(
                ScenarioBuilder.named("backwards")
                        .from(UNTIL)
                        .until(FROM)
                        .service(Scenarios.service("chatgpt")),
                "from before until");
        assertRejected(ScenarioBuilder.named("empty").from(FROM).until(UNTIL), "no services");
    }

    @Test
    void rejectsEventsThatCannotShowUp() {
        ScenarioBuilder socialOnly =
                ScenarioBuilder.named("social")
                        .from(FROM)
                        .until(UNTIL)
                        .service(Scenarios.service("bluesky-app"));
        assertRejected(
                socialOnly.outage(
                        Outage.of("bluesky-app", FROM.plusSeconds(60), FROM.plusSeconds(120))
                                .regions("eu")),
                "unprobed");

        ScenarioBuilder probeOnly =
                ScenarioBuilder.named("probe")
                        .from(FROM)
                        .until(UNTIL)
                        .service(Scenarios.service("internal-api"));
        assertRejected(
                probeOnly.spammer(
                        Spammer.of(
                                "did:plc:x",
                                "internal-api",
                                FROM.plusSeconds(60),
                                3,
                                Duration.ofSeconds(5))),
                "nobody discusses");
        assertRejected(
                small().scatteredFailures(
                                ScatteredFailures.of(
                                        "chatgpt",
                                        FROM.plusSeconds(60),
                                        FROM.plusSeconds(90),
                                        1000)),
                "more failures than there are probes");
    }

    @Test
    void eventArgumentsAreChecked() {
        assertThatThrownBy(() -> Outage.of("chatgpt", UNTIL, FROM))
                .hasMessageContaining("must start before it ends");
        assertThatThrownBy(() -> Outage.of("chatgpt", FROM, UNTIL).failureRate(1.5))
                .hasMessageContaining("within [0, 1]");
        assertThatThrownBy(() -> Spammer.of("a", "chatgpt", FROM, 0, Duration.ofSeconds(1)))
                .hasMessageContaining("must be positive");
        assertThatThrownBy(
                        () ->
                                Flapping.of(
                                        "chatgpt",
                                        FROM,
                                        UNTIL,
                                        Duration.ZERO,
                                        Duration.ofMinutes(1)))
                .hasMessageContaining("must be positive");
        assertThatThrownBy(
                        () ->
                                new ExpectedIncident(
                                        "chatgpt",
                                        IncidentKind.FULL,
                                        "SEVERE",
                                        List.of(),
                                        FROM,
                                        UNTIL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ScenarioBuilder small() {
        return ScenarioBuilder.named("small")
                .from(FROM)
                .until(UNTIL)
                .service(Scenarios.service("chatgpt"));
    }

    private static void assertRejected(ScenarioBuilder builder, String message) {
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }
}
