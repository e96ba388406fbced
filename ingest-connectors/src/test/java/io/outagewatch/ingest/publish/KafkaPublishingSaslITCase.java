package io.outagewatch.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.events.KafkaClientProperties;
import io.outagewatch.events.KafkaEnvironment;
import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import io.outagewatch.kafka.LogCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connectors' producer gets TLS/SASL settings from the file {@value
 * KafkaEnvironment#PROPERTIES_FILE} names: against a broker that demands SASL/PLAIN it publishes
 * with them and cannot without them, and the password never reaches a log or the console.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class KafkaPublishingSaslITCase {

    private static final String USER = "connector";
    private static final String PASSWORD = "connector-pw-7f3a9c1e";
    private static final String TOPIC = "sasl-probe-results";
    private static final Instant T0 = Instant.parse("2023-11-08T13:42:00Z");
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    /** Without credentials the producer never gets metadata; it gives up after this. */
    private static final long REFUSED_MAX_BLOCK_MILLIS = 3_000;

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder().saslPlain(USER, PASSWORD).build().start();
        broker.createTopics(1, TOPIC);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void publishesWithThePropertiesFileAndNotWithoutItNeverLoggingThePassword(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("kafka-client.properties");
        Files.writeString(
                file,
                broker.saslClientProperties().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("\n")));
        Map<String, String> env = Map.of(KafkaEnvironment.PROPERTIES_FILE, file.toString());

        String captured;
        try (LogCapture capture = LogCapture.start()) {
            KafkaPublishing configured =
                    KafkaPublishing.defaults(broker.bootstrapServers(), "sasl-test", env);
            try (KafkaEventPublisher<ProbeResult> publisher = open(configured)) {
                for (int i = 0; i < 3; i++) {
                    publisher.publish(result(i));
                }
                publisher.flush();
                assertThat(publisher.failedDeliveries()).isZero();
            }

            KafkaPublishing withoutCredentials =
                    new KafkaPublishing(
                            broker.bootstrapServers(),
                            KafkaPublishing.DEFAULT_BUFFER_BYTES,
                            REFUSED_MAX_BLOCK_MILLIS,
                            "no-credentials",
                            KafkaClientProperties.none());
            try (KafkaEventPublisher<ProbeResult> publisher = open(withoutCredentials)) {
                publisher.publish(result(99));
                publisher.flush();
                assertThat(publisher.failedDeliveries()).isEqualTo(1);
            }
            captured = capture.text();
        }

        assertThat(broker.readRecords(TOPIC, 3, DEADLINE)).hasSize(3);
        // The capture saw Kafka's producer configuration dump, with the JAAS value hidden.
        assertThat(captured).contains("sasl.jaas.config = [hidden]");
        assertThat(captured).doesNotContain(PASSWORD);
    }

    @Test
    void aFileThatSetsAKeyTheProducerOwnsIsRefusedByName(@TempDir Path dir) throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("bad.properties"), "acks=1\nsasl.jaas.config=" + PASSWORD);
        Map<String, String> env = Map.of(KafkaEnvironment.PROPERTIES_FILE, file.toString());

        assertThatThrownBy(() -> KafkaPublishing.defaults("127.0.0.1:9092", "bad", env))
                .hasMessageContaining("sets 'acks'")
                .hasMessageNotContaining(PASSWORD);
    }

    private static KafkaEventPublisher<ProbeResult> open(KafkaPublishing publishing) {
        return KafkaEventPublisher.open(
                publishing, TOPIC, ProbeResultSerde.INSTANCE, ProbeResult::service);
    }

    private static ProbeResult result(int i) {
        return new ProbeResult(
                "chatgpt",
                "test-1",
                "eu-west",
                "https://status.example.com/",
                T0.plusSeconds(i),
                true,
                12.5,
                200,
                null);
    }
}
