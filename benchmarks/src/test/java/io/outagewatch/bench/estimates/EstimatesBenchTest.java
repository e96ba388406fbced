package io.outagewatch.bench.estimates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class EstimatesBenchTest {

    private static final List<CheckpointScore> SCORES =
            List.of(
                    new CheckpointScore("start", 2284, 0.7923, 0.7312, 6628.4),
                    new CheckpointScore("identified", 0, Double.NaN, Double.NaN, Double.NaN));

    private static final EstimateBacktest.Result RESULT =
            new EstimateBacktest.Result(6851, 2284, 16, SCORES, SCORES, List.of(0.7, Double.NaN));

    @Test
    void theJsonLineHasTheIssuesShapeFirstThenTheHeldOutServices() throws Exception {
        String json = EstimatesBench.toJson(new EstimatesBench.Report(RESULT, RESULT, RESULT));

        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(json).doesNotContain("\n");
        assertThat(root.fieldNames())
                .toIterable()
                .containsExactly(
                        "train",
                        "test",
                        "checkpoints",
                        "baseline",
                        "heldOutServices",
                        "heldOutFirstIncidents");
        assertThat(root.get("train").asInt()).isEqualTo(6851);
        assertThat(root.get("test").asInt()).isEqualTo(2284);
        JsonNode start = root.get("checkpoints").get(0);
        assertThat(start.toString())
                .isEqualTo(
                        "{\"at\":\"start\",\"n\":2284,\"coverage\":0.792,"
                                + "\"medianAbsLogError\":0.731,\"medianAbsErrorSeconds\":6628}");
        assertThat(root.get("checkpoints").get(1).toString())
                .isEqualTo(
                        "{\"at\":\"identified\",\"n\":0,\"coverage\":null,"
                                + "\"medianAbsLogError\":null,\"medianAbsErrorSeconds\":null}");
        assertThat(root.get("baseline").fieldNames()).toIterable().containsExactly("checkpoints");
        assertThat(root.get("heldOutServices").fieldNames())
                .toIterable()
                .containsExactly("services", "train", "test", "checkpoints", "baseline");
    }
}
