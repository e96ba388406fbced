package io.outagewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.InvalidReason;
import io.outagewatch.events.KafkaClientProperties;
import io.outagewatch.events.Topics;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import io.outagewatch.kafka.LogCapture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink's consumer and dead-letter producer get TLS/SASL settings from the Kafka properties
 * file: against a SASL/PLAIN broker they work with it and not without it, and the password never
 * reaches a log or the console.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SinkKafkaSaslITCase {

    private static final String USER = "sink";
    private static final String PASSWORD = "sink-pw-0b5d2e77";
    private static final String TOPIC = "sasl-outage-alerts";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Duration REFUSAL_WAIT = Duration.ofSeconds(5);
    private static final RetryPolicy FAST_RETRY =
            new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(20));

    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.builder().saslPlain(USER, PASSWORD).build().start();
        broker.createTopics(1, TOPIC);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(
                        broker.clientProperties(),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "chatgpt", bytes("alert-1")));
            producer.flush();
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void consumesWithThePropertiesFileAndNotWithoutItNeverLoggingThePassword(@TempDir Path dir)
            throws Exception {
        KafkaClientProperties extra = KafkaClientProperties.load(propertiesFile(dir));

        String captured;
        try (LogCapture capture = LogCapture.start()) {
            try (KafkaConsumer<String, byte[]> consumer =
                    AlertConsumer.kafkaConsumer(
                            AlertConsumer.consumerProperties(
                                    broker.bootstrapServers(), "sasl-sink", FAST_RETRY, extra))) {
                consumer.subscribe(List.of(TOPIC));
                assertThat(pollValues(consumer)).containsExactly("alert-1");
            }
            try (KafkaConsumer<String, byte[]> consumer =
                    AlertConsumer.kafkaConsumer(
                            AlertConsumer.consumerProperties(
                                    broker.bootstrapServers(), "no-credentials", FAST_RETRY))) {
                assertThatThrownBy(() -> consumer.partitionsFor(TOPIC, REFUSAL_WAIT))
                        .isInstanceOf(TimeoutException.class);
            }
            captured = capture.text();
        }

        assertThat(captured).contains("sasl.jaas.config = [hidden]").doesNotContain(PASSWORD);
    }

    @Test
    void theDeadLetterProducerUsesThePropertiesFile(@TempDir Path dir) throws Exception {
        KafkaClientProperties extra = KafkaClientProperties.load(propertiesFile(dir));
        broker.createTopics(1, Topics.DEAD_LETTERS);

        try (KafkaDeadLetterPublisher publisher =
                KafkaDeadLetterPublisher.connect(broker.bootstrapServers(), extra)) {
            publisher.publish(
                    DeadLetter.of(
                            Topics.OUTAGE_ALERTS,
                            "not an alert",
                            InvalidReason.MALFORMED_JSON,
                            Instant.parse("2023-11-08T13:42:00Z")));
        }

        assertThat(broker.readRecords(Topics.DEAD_LETTERS, 1, DEADLINE)).hasSize(1);
    }

    @Test
    void aFileThatSetsTheIsolationLevelIsRefusedByName(@TempDir Path dir) throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("bad.properties"), "isolation.level=read_uncommitted\n");

        assertThatThrownBy(
                        () ->
                                AlertConsumer.consumerProperties(
                                        "127.0.0.1:9092",
                                        "g",
                                        FAST_RETRY,
                                        KafkaClientProperties.load(file)))
                .hasMessageContaining("sets 'isolation.level'");
    }

    private static Path propertiesFile(Path dir) throws Exception {
        Map<String, String> sasl = broker.saslClientProperties();
        return Files.writeString(
                dir.resolve("kafka-client.properties"),
                sasl.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("\n")));
    }

    private static List<String> pollValues(KafkaConsumer<String, byte[]> consumer) {
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (values.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                values.add(new String(record.value(), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
