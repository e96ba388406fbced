package io.outagewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outagewatch.bench.accuracy.ScenarioScore;
import io.outagewatch.scenario.Scenarios;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioAccuracyITCase {

    /** docs/detection.md: probe-only is detected at +2.0 min, with no duration error. */
    private static final String SCENARIO = "probe-only";

    private static final long DETECTION_DELAY_SECONDS = 120;

    @Test
    void jsonStartsWithTheOverallCountsAndMediansAndKeepsEachScenario() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        List<ScenarioScore> scores =
                ScenarioAccuracy.score(
                        List.of(Scenarios.named(SCENARIO)),
                        new PrintStream(err, true, StandardCharsets.UTF_8));

        JsonNode json = new ObjectMapper().readTree(ScenarioAccuracy.toJson(scores));

        assertThat(json.get("incidents").asInt()).isEqualTo(1);
        assertThat(json.get("detected").asInt()).isEqualTo(1);
        assertThat(json.get("falseAlarms").asInt()).isZero();
        assertThat(json.get("medianDelaySeconds").asLong()).isEqualTo(DETECTION_DELAY_SECONDS);
        assertThat(json.get("medianDurationErrorSeconds").asLong()).isZero();
        JsonNode scenario = json.get("scenarios").get(0);
        assertThat(scenario.get("scenario").asText()).isEqualTo(SCENARIO);
        assertThat(scenario.get("incidents").get(0).get("detectionDelaySeconds").asLong())
                .isEqualTo(DETECTION_DELAY_SECONDS);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
                .last()
                .asString()
                .startsWith("bench scenarios: 1 / 1 scenarios replayed (100 %) · ")
                .endsWith(" elapsed");
    }
}
