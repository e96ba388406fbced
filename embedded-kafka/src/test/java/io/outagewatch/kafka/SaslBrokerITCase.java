package io.outagewatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The broker's SASL_PLAINTEXT/PLAIN mode: the right user gets in, nobody else does. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SaslBrokerITCase {

    private static final String USER = "alice";
    private static final String PASSWORD = "alice-secret";
    private static final String TOPIC = "sasl-broker-test";
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    /** A client that cannot authenticate must give up well before the test's deadline. */
    private static final Duration REFUSAL_WAIT = Duration.ofSeconds(5);

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
    void theConfiguredUserProducesAndConsumesTransactionally() throws Exception {
        Map<String, Object> config = broker.clientProperties();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "sasl-broker-test");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(TOPIC, "k", bytes("hello")));
            producer.commitTransaction();
        }

        assertThat(broker.readRecords(TOPIC, 1, DEADLINE))
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("hello");
        assertThat(broker.saslClientProperties())
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "PLAIN");
    }

    @Test
    void aClientWithoutCredentialsIsNotServed() {
        Map<String, Object> plain = new HashMap<>();
        plain.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        plain.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REFUSAL_WAIT.toMillis());
        plain.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, (int) REFUSAL_WAIT.toMillis());
        try (Admin admin = Admin.create(plain)) {
            assertThatThrownBy(() -> admin.listTopics().names().get())
                    .isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailure() {
        Map<String, Object> wrong = broker.clientProperties();
        wrong.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required"
                        + " username=\"alice\" password=\"wrong-password\";");
        wrong.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REFUSAL_WAIT.toMillis());
        wrong.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, (int) REFUSAL_WAIT.toMillis());
        try (Admin admin = Admin.create(wrong)) {
            assertThatThrownBy(() -> admin.listTopics().names().get())
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
