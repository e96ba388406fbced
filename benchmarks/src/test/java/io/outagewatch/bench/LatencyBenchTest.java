package io.outagewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LatencyBenchTest {

    private static final Duration DETECTION_POINT = Duration.ofSeconds(150);
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final Duration CHECKPOINTS = Duration.ofSeconds(10);

    @Test
    void jsonCarriesTheIssuesKeysAndThePercentilesOfTheRuns() throws Exception {
        LatencyBench.Figures figures =
                new LatencyBench.Figures(
                        4,
                        4,
                        new double[] {151_000, 152_000, 155_000, 161_000},
                        new double[] {1_000, 2_000, 5_000, 11_000},
                        DETECTION_POINT,
                        WINDOW,
                        CHECKPOINTS,
                        20_010,
                        0.999);
        BenchArguments arguments = BenchArguments.parse("latency", "--runs", "4");

        JsonNode json = new ObjectMapper().readTree(LatencyBench.json(figures, arguments));

        assertThat(json.get("p50Millis").asLong()).isEqualTo(153_500);
        assertThat(json.get("p99Millis").asLong()).isEqualTo(161_000);
        assertThat(json.get("beyondDetectionPointP99Millis").asLong()).isEqualTo(11_000);
        assertThat(json.get("detectionPointSeconds").asLong()).isEqualTo(150);
        assertThat(json.get("checkpointIntervalSeconds").asLong()).isEqualTo(10);
        assertThat(json.get("machine").get("cores").asInt()).isPositive();
    }

    @Test
    void withNothingDetectedTheTableSaysSoAndThePercentilesAreNull() throws Exception {
        LatencyBench.Figures figures =
                new LatencyBench.Figures(
                        2,
                        0,
                        new double[0],
                        new double[0],
                        DETECTION_POINT,
                        WINDOW,
                        CHECKPOINTS,
                        0,
                        0);
        BenchArguments arguments = BenchArguments.parse("latency", "--runs", "2");
        ByteArrayOutputStream table = new ByteArrayOutputStream();

        LatencyBench.print(
                figures, arguments, new PrintStream(table, true, StandardCharsets.UTF_8));
        JsonNode json = new ObjectMapper().readTree(LatencyBench.json(figures, arguments));

        assertThat(table.toString(StandardCharsets.UTF_8)).contains("No outage was detected.");
        assertThat(json.get("p50Millis").isNull()).isTrue();
        assertThat(json.get("detected").asInt()).isZero();
    }
}
