package io.outagewatch.ingest.publish;

import io.outagewatch.events.EventSerde;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes events to one topic as their wire JSON, keyed so that all records of a service land in
 * one partition in order. A failed delivery is logged and counted, never thrown at the connector:
 * one unreachable broker must not stop a prober from probing.
 */
public final class KafkaEventPublisher<T> implements EventPublisher<T> {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventPublisher.class);

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final EventSerde<T> serde;
    private final Function<T, String> keyOf;
    private final AtomicLong failed = new AtomicLong();

    KafkaEventPublisher(
            Producer<String, byte[]> producer,
            String topic,
            EventSerde<T> serde,
            Function<T, String> keyOf) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.serde = Objects.requireNonNull(serde, "serde");
        this.keyOf = Objects.requireNonNull(keyOf, "keyOf");
    }

    /**
     * @param keyOf the record key for an event; may return null for unkeyed records
     */
    public static <T> KafkaEventPublisher<T> open(
            KafkaPublishing publishing,
            String topic,
            EventSerde<T> serde,
            Function<T, String> keyOf) {
        Producer<String, byte[]> producer =
                new KafkaProducer<>(
                        publishing.producerProperties(),
                        new StringSerializer(),
                        new ByteArraySerializer());
        return new KafkaEventPublisher<>(producer, topic, serde, keyOf);
    }

    @Override
    public void publish(T event) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, keyOf.apply(event), serde.toBytes(event));
        try {
            producer.send(
                    record,
                    (metadata, error) -> {
                        if (error != null) {
                            countFailure(error);
                        }
                    });
        } catch (KafkaException e) {
            // Buffer full past max.block.ms, or metadata unavailable: the record is lost.
            countFailure(e);
        }
    }

    private void countFailure(Exception error) {
        long count = failed.incrementAndGet();
        if (count == 1 || count % 1000 == 0) {
            LOG.warn(
                    "could not publish to {} ({} failed so far): {}",
                    topic,
                    count,
                    error.toString());
        }
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public long failedDeliveries() {
        return failed.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofMillis(KafkaPublishing.CLOSE_TIMEOUT_MILLIS));
    }
}
