package io.outagewatch.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.EventSerde;
import io.outagewatch.events.Parsed;
import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.events.SocialReport;
import io.outagewatch.events.SocialReportSerde;
import io.outagewatch.events.StatusUpdateSerde;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Round-trips every record of the scenarios that between them hold every failure mode, post kind
 * and language; the whole suite would take several times as long and add no new shape.
 */
class SerdeRoundTripTest {

    private static final List<String> COVERING =
            List.of(
                    "chatgpt-2023-11-08",
                    "brownout",
                    "broken-vantage",
                    "news-burst",
                    "social-only");

    @Test
    void everyGeneratedRecordSurvivesItsSerde() {
        for (String name : COVERING) {
            Scenario scenario = SuiteCache.get(name);
            assertRoundTrips(name, scenario.probes(), ProbeResultSerde.INSTANCE);
            assertRoundTrips(name, scenario.reports(), SocialReportSerde.INSTANCE);
            assertRoundTrips(name, scenario.statusUpdates(), StatusUpdateSerde.INSTANCE);
        }
    }

    @Test
    void theCoveringScenariosHoldEveryShapeOfRecord() {
        Set<String> errors = new HashSet<>();
        Set<ReportKind> kinds = new HashSet<>();
        Set<String> languages = new HashSet<>();
        int statusUpdates = 0;
        for (String name : COVERING) {
            Scenario scenario = SuiteCache.get(name);
            scenario.probes().stream()
                    .map(ProbeResult::error)
                    .filter(error -> error != null)
                    .forEach(errors::add);
            for (SocialReport report : scenario.reports()) {
                kinds.add(ReportTexts.kindOf(report.text()).orElseThrow());
                languages.add(report.lang());
            }
            statusUpdates += scenario.statusUpdates().size();
        }

        assertThat(errors)
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(ProbeFailure.values()).map(ProbeFailure::error).toList());
        assertThat(kinds).containsExactlyInAnyOrder(ReportKind.values());
        assertThat(languages).hasSize(6);
        assertThat(statusUpdates).isPositive();
    }

    private static <T> void assertRoundTrips(String scenario, List<T> values, EventSerde<T> serde) {
        for (T value : values) {
            Parsed<T> parsed = serde.parse(serde.toBytes(value));
            if (!parsed.isOk() || !parsed.value().equals(value)) {
                throw new AssertionError(scenario + ": " + value + " came back as " + parsed);
            }
        }
    }
}
