package io.outagewatch.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ScenarioSizesTest {

    private static final int MAX_PROBES = 300_000;
    private static final int MAX_REPORTS = 150_000;

    @Test
    void everyScenarioStaysWithinItsBudget() {
        for (Scenario scenario : SuiteCache.all()) {
            System.out.printf(
                    "scenario %-26s %7d probes %7d reports %2d status %d expected%n",
                    scenario.name(),
                    scenario.probes().size(),
                    scenario.reports().size(),
                    scenario.statusUpdates().size(),
                    scenario.expected().size());
            assertThat(scenario.probes().size())
                    .as(scenario.name())
                    .isLessThanOrEqualTo(MAX_PROBES);
            assertThat(scenario.reports().size()).as(scenario.name()).isBetween(1, MAX_REPORTS);
        }
    }

    @Test
    void incidentsHaveADayOfHistoryBeforeAndHoursOfCalmAfter() {
        for (Scenario scenario : SuiteCache.all()) {
            Instant first = scenario.reports().get(0).timestamp();
            Instant last = scenario.reports().get(scenario.reports().size() - 1).timestamp();
            for (ExpectedIncident incident : scenario.expected()) {
                assertThat(Duration.between(first, incident.start()))
                        .as(scenario.name())
                        .isGreaterThanOrEqualTo(Duration.ofHours(24));
                assertThat(Duration.between(incident.end(), last))
                        .as(scenario.name())
                        .isGreaterThanOrEqualTo(Duration.ofMinutes(179));
            }
        }
    }
}
