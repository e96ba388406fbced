package io.outagewatch.scenario;

import static io.outagewatch.scenario.ScenarioFacts.complaints;
import static io.outagewatch.scenario.ScenarioFacts.dayBefore;
import static io.outagewatch.scenario.ScenarioFacts.failureFraction;
import static io.outagewatch.scenario.ScenarioFacts.probes;
import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OutageScenariosTest {

    private static final Instant CHATGPT_DOWN = Instant.parse("2023-11-08T13:42:00Z");
    private static final Instant CHATGPT_UP = Instant.parse("2023-11-08T16:00:00Z");

    @Test
    void chatgptProbesFailFromEveryVantageDuringTheOutage() {
        Scenario scenario = SuiteCache.get("chatgpt-2023-11-08");

        for (Vantage vantage : Vantage.standardSix()) {
            List<ProbeResult> window =
                    probes(scenario, "chatgpt", vantage.id()::equals, CHATGPT_DOWN, CHATGPT_UP);
            assertThat(failureFraction(window)).as(vantage.id()).isGreaterThanOrEqualTo(0.90);
        }
        List<ProbeResult> after =
                probes(scenario, "chatgpt", any -> true, CHATGPT_UP, CHATGPT_UP.plusSeconds(3600));
        assertThat(failureFraction(after)).isLessThan(0.01);
    }

    @Test
    void outageFailuresAreGatewayErrorsAndTimeoutsNearTheTimeout() {
        List<ProbeResult> failed =
                probes(
                                SuiteCache.get("chatgpt-2023-11-08"),
                                "chatgpt",
                                any -> true,
                                CHATGPT_DOWN,
                                CHATGPT_UP)
                        .stream()
                        .filter(probe -> !probe.success())
                        .toList();

        assertThat(failed.stream().map(ProbeResult::error).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("http_502", "http_503", "timeout");
        for (ProbeResult probe : failed) {
            if (probe.statusCode() != null) {
                assertThat(probe.latencyMs()).isBetween(8_000.0, 10_000.0);
            } else {
                assertThat(probe.latencyMs()).isNull();
            }
        }
    }

    @Test
    void chatgptComplaintsSurgeAndLingerAfterTheFix() {
        Scenario scenario = SuiteCache.get("chatgpt-2023-11-08");
        long during = complaints(scenario, Scenarios.service("chatgpt"), CHATGPT_DOWN, CHATGPT_UP);
        long dayBefore =
                complaints(
                        scenario,
                        Scenarios.service("chatgpt"),
                        dayBefore(CHATGPT_DOWN),
                        dayBefore(CHATGPT_UP));
        Instant tailEnd = CHATGPT_UP.plus(Duration.ofMinutes(20));
        long tail = complaints(scenario, Scenarios.service("chatgpt"), CHATGPT_UP, tailEnd);
        long tailDayBefore =
                complaints(
                        scenario,
                        Scenarios.service("chatgpt"),
                        dayBefore(CHATGPT_UP),
                        dayBefore(tailEnd));

        assertThat(during).isGreaterThanOrEqualTo(10 * dayBefore);
        assertThat(tail).isGreaterThan(3 * tailDayBefore);
    }

    @Test
    void complaintsRampUpOverTheFirstMinutes() {
        Scenario scenario = SuiteCache.get("chatgpt-2023-11-08");
        long firstMinute =
                complaints(
                        scenario,
                        Scenarios.service("chatgpt"),
                        CHATGPT_DOWN,
                        CHATGPT_DOWN.plusSeconds(60));
        long fifthMinute =
                complaints(
                        scenario,
                        Scenarios.service("chatgpt"),
                        CHATGPT_DOWN.plusSeconds(240),
                        CHATGPT_DOWN.plusSeconds(300));

        assertThat(fifthMinute).isGreaterThan(firstMinute);
    }

    @Test
    void githubAndSlackStayQuietDuringTheChatgptOutage() {
        Scenario scenario = SuiteCache.get("chatgpt-2023-11-08");

        for (ServiceSpec quiet : List.of(Scenarios.service("github"), Scenarios.service("slack"))) {
            List<ProbeResult> window =
                    probes(scenario, quiet.id(), any -> true, CHATGPT_DOWN, CHATGPT_UP);
            assertThat(failureFraction(window)).as(quiet.id()).isLessThan(0.01);
            long during = complaints(scenario, quiet, CHATGPT_DOWN, CHATGPT_UP);
            long dayBefore =
                    complaints(scenario, quiet, dayBefore(CHATGPT_DOWN), dayBefore(CHATGPT_UP));
            assertThat(during).as(quiet.id()).isLessThan(2 * dayBefore + 10);
        }
    }

    @Test
    void chatgptStatusPageAcknowledgesAt1430AndResolvesAt1600() {
        Scenario scenario = SuiteCache.get("chatgpt-2023-11-08");

        assertThat(scenario.statusUpdates().get(0).timestamp())
                .isEqualTo(Instant.parse("2023-11-08T14:30:00Z"));
        assertThat(scenario.statusUpdates().get(0).impact().wireName()).isEqualTo("major");
        assertThat(scenario.statusUpdates().get(0).status().wireName()).isEqualTo("investigating");
        assertThat(scenario.statusUpdates().get(scenario.statusUpdates().size() - 1).timestamp())
                .isEqualTo(CHATGPT_UP);
    }

    @Test
    void regionalOutageFailsOnlyTheEuVantages() {
        Scenario scenario = SuiteCache.get("regional-outage");
        Instant start = Instant.parse("2024-03-12T10:20:00Z");
        Instant end = Instant.parse("2024-03-12T11:00:00Z");

        for (Vantage vantage : Vantage.standardSix()) {
            double failures =
                    failureFraction(probes(scenario, "github", vantage.id()::equals, start, end));
            if (vantage.region().equals("eu")) {
                assertThat(failures).as(vantage.id()).isGreaterThanOrEqualTo(0.90);
            } else {
                assertThat(failures).as(vantage.id()).isLessThan(0.03);
            }
        }
        long during = complaints(scenario, Scenarios.service("github"), start, end);
        long dayBefore =
                complaints(scenario, Scenarios.service("github"), dayBefore(start), dayBefore(end));
        assertThat(during).isBetween(3 * dayBefore, 15 * dayBefore);
    }

    @Test
    void brownoutSlowsSlackDownWithSomeTimeoutsButNoHardErrors() {
        Scenario scenario = SuiteCache.get("brownout");
        Instant start = Instant.parse("2024-01-16T15:05:00Z");
        Instant end = Instant.parse("2024-01-16T15:50:00Z");
        List<ProbeResult> window = probes(scenario, "slack", any -> true, start, end);
        List<ProbeResult> before =
                probes(scenario, "slack", any -> true, start.minusSeconds(7200), start);

        assertThat(medianHealthyLatency(window) / medianHealthyLatency(before)).isBetween(7.0, 9.0);
        long timeouts = window.stream().filter(probe -> "timeout".equals(probe.error())).count();
        assertThat((double) timeouts / window.size()).isBetween(0.06, 0.14);
        long hardErrors =
                window.stream()
                        .filter(probe -> !probe.success() && probe.statusCode() != null)
                        .count();
        assertThat(hardErrors).isLessThanOrEqualTo(3);
    }

    @Test
    void flappingAlternatesFailingAndHealthyPhases() {
        Scenario scenario = SuiteCache.get("flapping");
        Flapping flapping =
                Flapping.of(
                        "chatgpt",
                        Instant.parse("2024-04-09T17:00:00Z"),
                        Instant.parse("2024-04-09T17:50:00Z"),
                        Duration.ofMinutes(3),
                        Duration.ofMinutes(4));
        List<ProbeResult> window =
                probes(scenario, "chatgpt", any -> true, flapping.start(), flapping.end());

        List<ProbeResult> down =
                window.stream().filter(p -> flapping.isDown(p.timestamp())).toList();
        List<ProbeResult> up =
                window.stream().filter(p -> !flapping.isDown(p.timestamp())).toList();
        assertThat(failureFraction(down)).isGreaterThanOrEqualTo(0.90);
        assertThat(failureFraction(up)).isLessThan(0.02);
        assertThat(flapping.downPhases()).hasSize(8);
    }

    @Test
    void nightOutageFailsDiscordAndStillDrawsComplaints() {
        Scenario scenario = SuiteCache.get("night-outage");
        Instant start = Instant.parse("2024-02-21T03:10:00Z");
        Instant end = Instant.parse("2024-02-21T03:22:00Z");

        assertThat(failureFraction(probes(scenario, "discord", any -> true, start, end)))
                .isGreaterThanOrEqualTo(0.90);
        long during = complaints(scenario, Scenarios.service("discord"), start, end);
        long dayBefore =
                complaints(
                        scenario, Scenarios.service("discord"), dayBefore(start), dayBefore(end));
        assertThat(during).isGreaterThanOrEqualTo(5 * Math.max(1, dayBefore));
    }

    @Test
    void socialOnlyServiceIsNeverProbedButItsComplaintsSurge() {
        Scenario scenario = SuiteCache.get("social-only");
        Instant start = Instant.parse("2024-05-14T18:30:00Z");
        Instant end = Instant.parse("2024-05-14T19:30:00Z");

        assertThat(scenario.probes()).noneMatch(probe -> probe.service().equals("bluesky-app"));
        assertThat(scenario.probes()).anyMatch(probe -> probe.service().equals("chatgpt"));
        long during = complaints(scenario, Scenarios.service("bluesky-app"), start, end);
        long dayBefore =
                complaints(
                        scenario,
                        Scenarios.service("bluesky-app"),
                        dayBefore(start),
                        dayBefore(end));
        assertThat(during).isGreaterThanOrEqualTo(10 * dayBefore);
    }

    /**
     * At night a social-only outage draws one to three complaints a minute, under the eight
     * distinct authors a minute the per-minute complaint rule needs, against a few an hour the
     * night before.
     */
    @Test
    void socialOnlyOutageAtNightDrawsOneToThreeComplaintsAMinute() {
        Scenario scenario = SuiteCache.get("social-only-night");
        ServiceSpec bluesky = Scenarios.service("bluesky-app");
        Instant start = Instant.parse("2024-05-14T02:40:00Z");
        Instant end = Instant.parse("2024-05-14T03:25:00Z");
        long minutes = Duration.between(start, end).toMinutes();

        assertThat(scenario.probes()).noneMatch(probe -> probe.service().equals("bluesky-app"));
        double perMinute = complaints(scenario, bluesky, start, end) / (double) minutes;
        assertThat(perMinute).isBetween(1.0, 3.0);
        long busiestMinute = 0;
        for (Instant minute = start; minute.isBefore(end); minute = minute.plusSeconds(60)) {
            busiestMinute =
                    Math.max(
                            busiestMinute,
                            complaints(scenario, bluesky, minute, minute.plusSeconds(60)));
        }
        assertThat(busiestMinute).isLessThan(8);
        assertThat(complaints(scenario, bluesky, dayBefore(start), dayBefore(end)))
                .isLessThanOrEqualTo(minutes / 4);
    }

    @Test
    void probeOnlyServiceFailsButIsNeverMentioned() {
        Scenario scenario = SuiteCache.get("probe-only");
        Instant start = Instant.parse("2024-06-04T09:00:00Z");
        Instant end = Instant.parse("2024-06-04T09:30:00Z");

        assertThat(failureFraction(probes(scenario, "internal-api", any -> true, start, end)))
                .isGreaterThanOrEqualTo(0.90);
        Set<String> services =
                scenario.probes().stream().map(ProbeResult::service).collect(Collectors.toSet());
        assertThat(services).containsExactlyInAnyOrder("internal-api", "github");
        assertThat(scenario.reports())
                .noneMatch(
                        report -> report.text().toLowerCase(Locale.ROOT).contains("internal api"))
                .isNotEmpty();
    }

    private static double medianHealthyLatency(List<ProbeResult> probes) {
        double[] latencies =
                probes.stream()
                        .filter(ProbeResult::success)
                        .mapToDouble(ProbeResult::latencyMs)
                        .sorted()
                        .toArray();
        return latencies[latencies.length / 2];
    }
}
