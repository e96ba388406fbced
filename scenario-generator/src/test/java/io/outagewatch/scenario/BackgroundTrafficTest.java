package io.outagewatch.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.SocialReport;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The three quiet days of ordinary-days show the background exactly as designed. */
class BackgroundTrafficTest {

    private final Scenario days = SuiteCache.get("ordinary-days");

    @Test
    void everyVantageProbesEveryServiceOncePerIntervalInEveryHour() {
        Map<String, Long> perSeriesHour =
                days.probes().stream()
                        .collect(
                                Collectors.groupingBy(
                                        probe ->
                                                probe.service()
                                                        + "@"
                                                        + probe.vantage()
                                                        + "@"
                                                        + probe.timestamp()
                                                                .truncatedTo(ChronoUnit.HOURS),
                                        Collectors.counting()));

        assertThat(perSeriesHour).hasSize(4 * 6 * 72);
        assertThat(new HashSet<>(perSeriesHour.values())).containsExactly(120L);
        assertThat(TrafficShape.DEFAULT_PROBE_INTERVAL.toSeconds()).isEqualTo(30);
    }

    @Test
    void vantagesProbeAtDifferentMomentsOfTheInterval() {
        Instant hour = Instant.parse("2024-11-02T12:00:00Z");
        Set<Long> secondsIntoInterval = new HashSet<>();
        for (ProbeResult probe : days.probes()) {
            if (probe.service().equals("chatgpt")
                    && ScenarioFacts.within(probe.timestamp(), hour, hour.plusSeconds(30))) {
                secondsIntoInterval.add(probe.timestamp().getEpochSecond() % 30);
            }
        }
        assertThat(secondsIntoInterval).hasSize(6);
    }

    @Test
    void backgroundFailuresStayNearTheDesignedRate() {
        double failures = ScenarioFacts.failureFraction(days.probes());

        assertThat(failures).isBetween(0.0013, 0.0028);
        assertThat(
                        days.probes().stream()
                                .filter(probe -> !probe.success())
                                .map(ProbeResult::error)
                                .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("timeout", "http_503");
    }

    @Test
    void healthyLatencySitsAroundEachServicesMedian() {
        for (ServiceSpec service :
                List.of(
                        Scenarios.service("chatgpt"),
                        Scenarios.service("github"),
                        Scenarios.service("slack"),
                        Scenarios.service("discord"))) {
            double[] latencies =
                    days.probes().stream()
                            .filter(probe -> probe.service().equals(service.id()))
                            .filter(ProbeResult::success)
                            .mapToDouble(ProbeResult::latencyMs)
                            .sorted()
                            .toArray();
            double median = latencies[latencies.length / 2];

            assertThat(median / service.medianLatencyMs()).as(service.id()).isBetween(0.97, 1.03);
            assertThat(Arrays.stream(latencies).max().orElseThrow())
                    .isLessThan(ProbeGenerator.PROBE_TIMEOUT.toMillis());
        }
    }

    @Test
    void successfulProbesAnswer200AndFailuresCarryAnError() {
        for (ProbeResult probe : days.probes()) {
            if (probe.success()) {
                assertThat(probe.statusCode()).isEqualTo(200);
                assertThat(probe.error()).isNull();
            } else {
                assertThat(probe.error()).isNotNull();
            }
        }
    }

    @Test
    void complaintsPeakInTheAfternoonAndAreRareAtNight() {
        long[] complaintsByHour = new long[24];
        for (SocialReport report : days.reports()) {
            if (ReportTexts.kindOf(report.text()).orElseThrow() == ReportKind.COMPLAINT) {
                complaintsByHour[report.timestamp().atZone(ZoneOffset.UTC).getHour()]++;
            }
        }
        long peak = Arrays.stream(complaintsByHour).max().orElseThrow();

        assertThat(peak).isGreaterThan(5 * complaintsByHour[3]);
        assertThat(complaintsByHour[3]).isPositive();
    }

    @Test
    void weekdaysDrawMoreComplaintsThanWeekends() {
        Instant friday = Instant.parse("2024-11-01T00:00:00Z");
        Instant saturday = Instant.parse("2024-11-02T00:00:00Z");

        long weekday =
                ScenarioFacts.complaints(days, Scenarios.service("chatgpt"), friday, saturday);
        long weekend =
                ScenarioFacts.complaints(
                        days,
                        Scenarios.service("chatgpt"),
                        saturday,
                        saturday.plus(1, ChronoUnit.DAYS));

        assertThat(weekday).isGreaterThan(weekend);
        assertThat((double) weekend / weekday).isBetween(0.65, 0.85);
    }

    @Test
    void chatterOutnumbersComplaintsAndBiggerServicesAreDiscussedMore() {
        Instant from = Instant.parse("2024-11-01T00:00:00Z");
        Instant until = Instant.parse("2024-11-04T00:00:00Z");
        long chatgptComplaints =
                ScenarioFacts.complaints(days, Scenarios.service("chatgpt"), from, until);
        long chatgptChatter =
                ScenarioFacts.reports(
                        days, Scenarios.service("chatgpt"), ReportKind.CHATTER, from, until);
        long slackComplaints =
                ScenarioFacts.complaints(days, Scenarios.service("slack"), from, until);

        assertThat((double) chatgptChatter / chatgptComplaints).isBetween(2.7, 3.3);
        assertThat((double) slackComplaints / chatgptComplaints).isBetween(0.33, 0.47);
    }

    @Test
    void postsComeFromManyAuthorsInSeveralLanguages() {
        Set<String> authors =
                days.reports().stream().map(SocialReport::author).collect(Collectors.toSet());
        Set<String> languages =
                days.reports().stream().map(SocialReport::lang).collect(Collectors.toSet());

        assertThat(authors.size()).isGreaterThan(days.reports().size() / 2);
        assertThat(authors).allMatch(author -> author.matches("did:plc:[0-9a-f]{24}"));
        assertThat(languages).containsExactlyInAnyOrder("en", "es", "de", "fr", "pt", "ja");
        assertThat(days.reports()).allMatch(report -> report.source().equals("bluesky"));
    }

    @Test
    void nothingIsExpectedOnOrdinaryDays() {
        assertThat(days.expected()).isEmpty();
        assertThat(days.statusUpdates()).isEmpty();
    }
}
