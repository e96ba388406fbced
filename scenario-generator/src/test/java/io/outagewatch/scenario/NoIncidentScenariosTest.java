package io.outagewatch.scenario;

import static io.outagewatch.scenario.ScenarioFacts.complaints;
import static io.outagewatch.scenario.ScenarioFacts.dayBefore;
import static io.outagewatch.scenario.ScenarioFacts.failureFraction;
import static io.outagewatch.scenario.ScenarioFacts.probes;
import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.SocialReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoIncidentScenariosTest {

    /** As in scenarios/spammer.yaml. */
    private static final String SPAMMER_AUTHOR = "did:plc:00000000000000000badbad0";

    @Test
    void brokenVantageFailsEveryServiceFromThatVantageOnly() {
        Scenario scenario = SuiteCache.get("broken-vantage");
        Instant start = Instant.parse("2024-07-02T06:00:00Z");
        Instant end = Instant.parse("2024-07-02T07:30:00Z");

        for (String service : List.of("chatgpt", "github", "slack")) {
            assertThat(
                            failureFraction(
                                    probes(scenario, service, "ap-south-1b"::equals, start, end)))
                    .as(service)
                    .isEqualTo(1.0);
            assertThat(
                            failureFraction(
                                    probes(
                                            scenario,
                                            service,
                                            vantage -> !vantage.equals("ap-south-1b"),
                                            start,
                                            end)))
                    .as(service)
                    .isLessThan(0.01);
        }
        assertThat(scenario.expected()).isEmpty();
    }

    @Test
    void spammerPostsExactly300ComplaintsWithinTwentyMinutes() {
        Scenario scenario = SuiteCache.get("spammer");
        List<SocialReport> spam =
                scenario.reports().stream()
                        .filter(report -> report.author().equals(SPAMMER_AUTHOR))
                        .toList();

        assertThat(spam).hasSize(300);
        assertThat(spam)
                .allMatch(
                        report ->
                                ReportTexts.kindOf(report.text()).orElseThrow()
                                        == ReportKind.COMPLAINT)
                .allMatch(report -> ScenarioFacts.mentions(report, Scenarios.service("chatgpt")));
        Duration span =
                Duration.between(spam.get(0).timestamp(), spam.get(spam.size() - 1).timestamp());
        assertThat(span).isLessThanOrEqualTo(Duration.ofMinutes(20));
        assertThat(scenario.expected()).isEmpty();
        assertThat(scenario.probes()).allMatch(probe -> probe.success() || isBackground(probe));
    }

    @Test
    void newsBurstFloodsMentionsWithoutRaisingComplaints() {
        Scenario scenario = SuiteCache.get("news-burst");
        Instant start = Instant.parse("2024-09-12T17:00:00Z");
        Instant end = start.plus(Duration.ofMinutes(45));

        long headlines =
                ScenarioFacts.reports(
                        scenario, Scenarios.service("chatgpt"), ReportKind.HEADLINE, start, end);
        long mentions =
                scenario.reports().stream()
                        .filter(report -> ScenarioFacts.within(report.timestamp(), start, end))
                        .count();
        long mentionsDayBefore =
                scenario.reports().stream()
                        .filter(
                                report ->
                                        ScenarioFacts.within(
                                                report.timestamp(),
                                                dayBefore(start),
                                                dayBefore(end)))
                        .count();
        long during = complaints(scenario, Scenarios.service("chatgpt"), start, end);
        long complaintsDayBefore =
                complaints(
                        scenario, Scenarios.service("chatgpt"), dayBefore(start), dayBefore(end));

        assertThat(headlines).isBetween(250L, 350L);
        assertThat(mentions).isGreaterThan(mentionsDayBefore + 500);
        assertThat(during).isLessThan(2 * complaintsDayBefore + 10);
        assertThat(scenario.expected()).isEmpty();
    }

    @Test
    void scatteredFailuresTurnExactlyTheirCountOfGithubProbesIntoFailures() {
        Scenario scattered = SuiteCache.get("scattered-probe-failures");
        Scenario calm =
                ScenarioBuilder.named("scattered-probe-failures")
                        .from(Instant.parse("2024-10-07T00:00:00Z"))
                        .until(Instant.parse("2024-10-08T19:00:00Z"))
                        .service(Scenarios.service("github"))
                        .service(Scenarios.service("slack"))
                        .build();

        assertThat(scattered.probes()).hasSameSizeAs(calm.probes());
        int changed = 0;
        for (int i = 0; i < calm.probes().size(); i++) {
            ProbeResult before = calm.probes().get(i);
            ProbeResult after = scattered.probes().get(i);
            if (!before.equals(after)) {
                changed++;
                assertThat(before.success()).isTrue();
                assertThat(after.success()).isFalse();
                assertThat(after.service()).isEqualTo("github");
                assertThat(after.timestamp())
                        .isBetween(
                                Instant.parse("2024-10-08T08:00:00Z"),
                                Instant.parse("2024-10-08T16:00:00Z"));
            }
        }
        assertThat(changed).isEqualTo(40);
        assertThat(scattered.reports()).isEqualTo(calm.reports());
        assertThat(scattered.expected()).isEmpty();
    }

    private static boolean isBackground(ProbeResult probe) {
        return probe.error().equals("timeout") || probe.error().equals("http_503");
    }
}
