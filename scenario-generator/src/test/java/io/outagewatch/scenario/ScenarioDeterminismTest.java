package io.outagewatch.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outagewatch.events.ProbeResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioDeterminismTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> FILES =
            List.of(
                    Scenario.PROBES_FILE,
                    Scenario.REPORTS_FILE,
                    Scenario.STATUS_FILE,
                    Scenario.TRUTH_FILE);

    @TempDir Path dir;

    @Test
    void sameSeedWritesIdenticalBytes() throws IOException {
        Scenarios.named("chatgpt-2023-11-08", 7).orElseThrow().writeJsonl(dir.resolve("first"));
        Scenarios.named("chatgpt-2023-11-08", 7).orElseThrow().writeJsonl(dir.resolve("second"));

        for (String file : FILES) {
            assertThat(Files.readAllBytes(dir.resolve("second").resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(dir.resolve("first").resolve(file)));
        }
    }

    @Test
    void differentSeedsWriteDifferentStreamsButTheSameExpectations() throws IOException {
        Scenarios.named("spammer", 7).orElseThrow().writeJsonl(dir.resolve("seven"));
        Scenarios.named("spammer", 8).orElseThrow().writeJsonl(dir.resolve("eight"));

        for (String file : List.of(Scenario.PROBES_FILE, Scenario.REPORTS_FILE)) {
            assertThat(Files.readAllBytes(dir.resolve("eight").resolve(file)))
                    .as(file)
                    .isNotEqualTo(Files.readAllBytes(dir.resolve("seven").resolve(file)));
        }
        JsonNode seven = JSON.readTree(dir.resolve("seven").resolve(Scenario.TRUTH_FILE).toFile());
        JsonNode eight = JSON.readTree(dir.resolve("eight").resolve(Scenario.TRUTH_FILE).toFile());
        assertThat(seven.get("seed").asLong()).isEqualTo(7);
        assertThat(eight.get("seed").asLong()).isEqualTo(8);
        assertThat(eight.get("incidents")).isEqualTo(seven.get("incidents"));
    }

    @Test
    void everyListIsInItsTotalOrder() {
        for (Scenario scenario : SuiteCache.all()) {
            assertOrdered(scenario.name() + " probes", scenario.probes(), ScenarioOrder.PROBES);
            assertOrdered(scenario.name() + " reports", scenario.reports(), ScenarioOrder.REPORTS);
            assertOrdered(
                    scenario.name() + " status",
                    scenario.statusUpdates(),
                    ScenarioOrder.STATUS_UPDATES);
            assertOrdered(
                    scenario.name() + " expected", scenario.expected(), ScenarioOrder.EXPECTED);
        }
    }

    @Test
    void probesOfOneSeriesNeverShareATimestamp() {
        Scenario scenario = SuiteCache.get("chatgpt-2023-11-08");
        Function<ProbeResult, String> series =
                probe -> probe.service() + "@" + probe.vantage() + "@" + probe.timestamp();

        assertThat(scenario.probes().stream().map(series).distinct().count())
                .isEqualTo(scenario.probes().size());
    }

    private static <T> void assertOrdered(String what, List<T> values, Comparator<T> order) {
        for (int i = 1; i < values.size(); i++) {
            if (order.compare(values.get(i - 1), values.get(i)) > 0) {
                throw new AssertionError(what + " out of order at index " + i);
            }
        }
    }
}
