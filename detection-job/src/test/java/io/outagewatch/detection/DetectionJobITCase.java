package io.outagewatch.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.replay.ScenarioInput;
import io.outagewatch.detection.replay.ScenarioReplay;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.DeadLetterSerde;
import io.outagewatch.events.Parsed;
import io.outagewatch.events.Topics;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import io.outagewatch.scenario.Scenario;
import io.outagewatch.scenario.Scenarios;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live job on a MiniCluster (parallelism 2) against the real broker: a scenario produced to the
 * input topics gives, on {@code outage-alerts} read with read_committed, exactly the alerts a
 * replay of the same scenario gives; bad records land on {@code dead-letters}.
 */
class DetectionJobITCase {

    private static final Duration DEADLINE = Duration.ofMinutes(3);
    private static final int PARTITIONS = 2;
    private static final List<String> GARBAGE = List.of("{\"service\":", "not json", "[]");

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static EmbeddedKafkaBroker kafka;

    @TempDir Path work;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafkaBroker.startDefault();
        kafka.createOutageWatchTopics(PARTITIONS);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void liveJobGivesTheReplaysAlertsExactlyOnce() throws Exception {
        Scenario scenario = Scenarios.named("night-outage");
        List<Alert> expected =
                ScenarioReplay.run(scenario, work.resolve("replay"), ScenarioInput.Roughness.NONE)
                        .alerts();
        assertThat(expected).isNotEmpty();
        produce(scenario);

        Path catalog = work.resolve("replay/catalog.json");
        Configuration config = new Configuration();
        config.set(DetectionOptions.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        config.set(DetectionOptions.CATALOG, catalog.toString());
        config.set(DetectionOptions.CHECKPOINT_INTERVAL, Duration.ofSeconds(1));
        config.set(DetectionOptions.IDLENESS, Duration.ofSeconds(2));
        config.set(DetectionOptions.KAFKA_TRANSACTIONAL_ID_PREFIX, "it-" + UUID.randomUUID());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DetectionJob.build(env, config);
        JobClient job = env.executeAsync("detection-it");
        try {
            List<Alert> alerts =
                    consume(Topics.OUTAGE_ALERTS, expected.size(), AlertSerde.INSTANCE::parse);
            List<DeadLetter> deadLetters =
                    consume(Topics.DEAD_LETTERS, GARBAGE.size(), DeadLetterSerde.INSTANCE::parse);

            assertThat(alerts).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(deadLetters)
                    .extracting(DeadLetter::origin)
                    .allSatisfy(
                            origin -> assertThat(origin).startsWith(Topics.PROBE_RESULTS + "-"));
            assertThat(deadLetters)
                    .extracting(DeadLetter::raw)
                    .containsExactlyInAnyOrderElementsOf(GARBAGE);
        } finally {
            job.cancel().get();
        }
    }

    /** The scenario's records, with the garbage after the probes. */
    private static void produce(Scenario scenario) throws Exception {
        List<LiveJobSupport.Input> inputs = new ArrayList<>(LiveJobSupport.probes(scenario));
        for (String garbage : GARBAGE) {
            inputs.add(
                    new LiveJobSupport.Input(
                            Topics.PROBE_RESULTS,
                            "garbage",
                            garbage.getBytes(StandardCharsets.UTF_8),
                            null));
        }
        inputs.addAll(LiveJobSupport.reports(scenario));
        inputs.addAll(LiveJobSupport.statusUpdates(scenario));
        LiveJobSupport.produce(kafka, inputs);
    }

    private static <T> List<T> consume(
            String topic, int atLeast, Function<byte[], Parsed<T>> parse) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<T> values = new ArrayList<>();
        Instant deadline = Instant.now().plus(DEADLINE);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (values.size() < atLeast && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    values.add(parse.apply(record.value()).value());
                }
            }
            // Anything beyond the expected count would be a duplicate: read a little longer.
            Instant settle = Instant.now().plus(Duration.ofSeconds(3));
            while (Instant.now().isBefore(settle)) {
                for (ConsumerRecord<byte[], byte[]> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    values.add(parse.apply(record.value()).value());
                }
            }
        }
        return values;
    }
}
