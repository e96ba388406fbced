package io.outagewatch.detection.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.detection.DetectionOptions;
import io.outagewatch.detection.ingest.EdgeParser;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.DeadLetterSerde;
import io.outagewatch.events.InvalidReason;
import io.outagewatch.events.KafkaClientProperties;
import io.outagewatch.events.KafkaEnvironment;
import io.outagewatch.events.Timestamps;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import io.outagewatch.kafka.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job's exactly-once KafkaSink and its KafkaSource get TLS/SASL settings through {@link
 * DetectionOptions#KAFKA_PROPERTIES_FILE}: against a SASL/PLAIN broker a sink writes and a source
 * reads with it, a sink without credentials fails, and the password never reaches a log.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class KafkaConnectionsSaslITCase {

    private static final String USER = "detection";
    private static final String PASSWORD = "detection-pw-4c8e1a90";
    private static final Instant T0 = Instant.parse("2023-11-08T13:42:00Z");
    private static final int RECORDS = 5;
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    /** Without credentials the sink's producer never gets metadata; it gives up after this. */
    private static final String REFUSED_MAX_BLOCK = "max.block.ms=3000\n";

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder().saslPlain(USER, PASSWORD).build().start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void sinkWritesAndSourceReadsThroughThePropertiesFileWithoutLoggingThePassword(
            @TempDir Path dir) throws Exception {
        String topic = "sasl-" + UUID.randomUUID();
        broker.createTopics(1, topic);
        Path file =
                Files.writeString(
                        dir.resolve("kafka-client.properties"),
                        broker.saslClientProperties().entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining("\n")));
        Configuration config = config(file);
        KafkaClientProperties extra = KafkaConnections.clientProperties(config, Map.of());

        String captured;
        List<Either<DeadLetter, DeadLetter>> read;
        try (LogCapture capture = LogCapture.start()) {
            StreamExecutionEnvironment writing = environment();
            writing.fromData(deadLetters())
                    .sinkTo(
                            KafkaConnections.exactlyOnceSink(
                                    config, extra, topic, DeadLetterSerde.INSTANCE, d -> null))
                    .name("sasl sink");
            writing.execute("sasl-sink");

            StreamExecutionEnvironment reading = environment();
            read =
                    reading.fromSource(
                                    KafkaConnections.source(
                                            config,
                                            extra,
                                            topic,
                                            new EdgeParser<>(
                                                    DeadLetter.class,
                                                    DeadLetterSerde.INSTANCE,
                                                    DeadLetter::timestamp,
                                                    new WriteTimeBound(
                                                            DetectionOptions.MAX_AHEAD_OF_WRITE_TIME
                                                                    .defaultValue()),
                                                    Timestamps.EARLIEST)),
                                    WatermarkStrategy.noWatermarks(),
                                    "sasl source")
                            .executeAndCollect(RECORDS);
            captured = capture.text();
        }

        assertThat(broker.readRecords(topic, RECORDS, DEADLINE)).hasSize(RECORDS);
        assertThat(read).hasSize(RECORDS).allMatch(Either::isRight);
        assertThat(captured).contains("sasl.jaas.config = [hidden]").doesNotContain(PASSWORD);
    }

    @Test
    void aSinkWithoutCredentialsFails(@TempDir Path dir) throws Exception {
        String topic = "sasl-" + UUID.randomUUID();
        broker.createTopics(1, topic);
        Path file = Files.writeString(dir.resolve("no-credentials.properties"), REFUSED_MAX_BLOCK);
        Configuration config = config(file);
        KafkaClientProperties extra = KafkaConnections.clientProperties(config, Map.of());
        StreamExecutionEnvironment env = environment();
        env.fromData(deadLetters())
                .sinkTo(
                        KafkaConnections.exactlyOnceSink(
                                config, extra, topic, DeadLetterSerde.INSTANCE, d -> null));

        assertThatThrownBy(() -> env.execute("no-credentials"))
                .hasStackTraceContaining("awaiting InitProducerId");
    }

    @Test
    void theEnvironmentNamesTheFileWhenTheConfigDoesNot(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("env.properties"), "client.rack=rack-a\n");
        Configuration config = new Configuration();

        assertThat(
                        KafkaConnections.clientProperties(
                                        config,
                                        Map.of(KafkaEnvironment.PROPERTIES_FILE, file.toString()))
                                .asMap())
                .containsEntry("client.rack", "rack-a");
        Path bad = Files.writeString(dir.resolve("bad.properties"), "group.id=other\n");
        config.set(DetectionOptions.KAFKA_PROPERTIES_FILE, bad.toString());
        assertThatThrownBy(() -> KafkaConnections.clientProperties(config, Map.of()))
                .hasMessageContaining("sets 'group.id'");
    }

    private static Configuration config(Path propertiesFile) {
        Configuration config = new Configuration();
        config.set(DetectionOptions.KAFKA_BOOTSTRAP_SERVERS, broker.bootstrapServers());
        config.set(DetectionOptions.KAFKA_PROPERTIES_FILE, propertiesFile.toString());
        config.set(DetectionOptions.KAFKA_GROUP_ID, "sasl-" + UUID.randomUUID());
        config.set(DetectionOptions.KAFKA_TRANSACTIONAL_ID_PREFIX, "sasl-" + UUID.randomUUID());
        return config;
    }

    private static StreamExecutionEnvironment environment() {
        Configuration flink = new Configuration();
        flink.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        env.setParallelism(1);
        env.enableCheckpointing(500, CheckpointingMode.EXACTLY_ONCE);
        return env;
    }

    private static List<DeadLetter> deadLetters() {
        return IntStream.range(0, RECORDS)
                .mapToObj(
                        i ->
                                DeadLetter.of(
                                        "probe-results-0",
                                        "garbage " + i,
                                        InvalidReason.MALFORMED_JSON,
                                        T0.plusSeconds(i)))
                .toList();
    }
}
