package io.outagewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tiny throughput run through the real command: every figure the issue asks for is in its last
 * line. Speeds are not asserted: the run is far too short, and the machine is shared.
 */
class ThroughputBenchITCase {

    private static final List<String> REQUIRED_KEYS =
            List.of(
                    "parseFloorEventsPerSec",
                    "pipelineFloorEventsPerSec",
                    "pipelineFloorBeforeEventsPerSec",
                    "pipelineFloorAfterEventsPerSec",
                    "pipelineP1EventsPerSec",
                    "pipelineP1Ratio",
                    "pipelineP1RatioToStartFloor",
                    "pipelineP2EventsPerSec",
                    "kafkaEndToEndFloorEventsPerSec",
                    "kafkaEndToEndFloorBeforeEventsPerSec",
                    "kafkaEndToEndFloorAfterEventsPerSec",
                    "kafkaEndToEndEventsPerSec",
                    "kafkaEndToEndRatio",
                    "kafkaEndToEndRatioToStartFloor",
                    "stateBytesPerKey");

    @Test
    void tinyRunEndsWithOneJsonLineOfEveryFigure() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit =
                BenchMain.run(
                        new String[] {
                            "throughput",
                            "--events",
                            "3000",
                            "--keys",
                            "10",
                            "--warm-ups",
                            "1",
                            "--json"
                        },
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        JsonNode json = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        for (String key : REQUIRED_KEYS) {
            assertThat(json.get(key)).as(key).isNotNull();
            assertThat(json.get(key).asDouble()).as(key).isPositive();
        }
        assertThat(json.get("events").asLong()).isEqualTo(3000);
        assertThat(json.get("pipelineWarmUps").asInt()).as("--warm-ups 1").isEqualTo(1);
        assertThat(json.get("kafkaEndToEndWarmUps").asInt()).as("--warm-ups 1").isEqualTo(1);
        assertThat(json.get("pipelineDeadLetters").asLong())
                .as("every generated line is valid")
                .isZero();
        assertThat(json.get("pipelineP1Ratio").asDouble())
                .as("p1 over the mean of the fresh JVMs' floors around it")
                .isCloseTo(
                        json.get("pipelineP1EventsPerSec").asDouble()
                                / json.get("pipelineFloorEventsPerSec").asDouble(),
                        within(0.01));
        assertThat(json.get("kafkaEndToEndRatio").asDouble())
                .isCloseTo(
                        json.get("kafkaEndToEndEventsPerSec").asDouble()
                                / json.get("kafkaEndToEndFloorEventsPerSec").asDouble(),
                        within(0.01));
        JsonNode point = json.get("sweep").get(0);
        assertThat(point.get("keys").asInt()).isEqualTo(10);
        assertThat(point.get("stateBytes").asLong()).isPositive();
        assertThat(lines).anyMatch(line -> line.startsWith("| parse floor"));
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .as("each phase ends its own progress line, stderr not being a terminal here")
                .anyMatch(line -> line.startsWith("bench throughput, parse floor: parsing"))
                .anyMatch(
                        line ->
                                line.startsWith(
                                        "bench throughput: parse floor in a fresh JVM before the"
                                                + " in-process runs "))
                .anyMatch(
                        line ->
                                line.startsWith(
                                        "bench throughput: parse floor in a fresh JVM after the"
                                                + " end-to-end runs "))
                .anyMatch(
                        line ->
                                line.startsWith(
                                        "bench throughput, pipeline warm-up (run 1 of 1): job"
                                                + " running"))
                .anyMatch(
                        line ->
                                line.startsWith(
                                        "bench throughput, pipeline p1 (run 1 of 3): job running ·"
                                                + " 3,000 / 3,000 events in (100 %)"))
                .anyMatch(
                        line ->
                                line.startsWith(
                                        "bench throughput, pipeline p2 (run 3 of 3): job running"))
                .anyMatch(
                        line ->
                                line.startsWith(
                                        "bench throughput, Kafka end to end (run 2 of 3): job running"
                                                + " · 3,000 / 3,000 input records committed"
                                                + " (100 %)"))
                .anyMatch(
                        line ->
                                line.startsWith(
                                        "bench throughput, Kafka end to end warm-up (run 1 of 1)"))
                .anyMatch(line -> line.startsWith("bench throughput, state for 10 pairs: "));
    }
}
