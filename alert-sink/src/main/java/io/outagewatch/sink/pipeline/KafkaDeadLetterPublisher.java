package io.outagewatch.sink.pipeline;

import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.DeadLetterSerde;
import io.outagewatch.events.KafkaClientProperties;
import io.outagewatch.events.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes dead letters to {@link Topics#DEAD_LETTERS}, unkeyed, waiting for the broker's ack. */
public final class KafkaDeadLetterPublisher implements DeadLetterPublisher, AutoCloseable {

    public static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<String, byte[]> producer;

    public KafkaDeadLetterPublisher(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    /** {@link #connect(String, KafkaClientProperties)} without extra settings. */
    public static KafkaDeadLetterPublisher connect(String bootstrapServers) {
        return connect(bootstrapServers, KafkaClientProperties.none());
    }

    /**
     * An idempotent producer with {@code acks=all}, plus the extra settings (TLS, SASL) of the
     * Kafka properties file.
     *
     * @throws IllegalArgumentException when the file sets one of the producer's own settings
     */
    public static KafkaDeadLetterPublisher connect(
            String bootstrapServers, KafkaClientProperties extra) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outagewatch-sink-dead-letters");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaDeadLetterPublisher(
                new KafkaProducer<>(
                        extra.mergedWith(config),
                        new StringSerializer(),
                        new ByteArraySerializer()));
    }

    @Override
    public void publish(DeadLetter deadLetter) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(
                        Topics.DEAD_LETTERS, null, DeadLetterSerde.INSTANCE.toBytes(deadLetter));
        try {
            producer.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing a dead letter", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot publish dead letter for " + deadLetter.origin() + ": " + e, e);
        }
    }

    @Override
    public void close() {
        producer.close(SEND_TIMEOUT);
    }
}
