package io.outagewatch.detection.kafka;

import io.outagewatch.events.EventSerde;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a wire record as its serde's JSON, keyed as its contract says (or unkeyed), stamped with
 * the time it is written.
 *
 * <p>Not with its event time: Kafka's time-based retention counts from a record's timestamp, so
 * alerts of a backfill or of a job catching up on an old backlog would be deleted at the broker's
 * next retention check, minutes after they were committed. Event times travel in the payload.
 */
public final class KeyedJsonSerializer<T> implements KafkaRecordSerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    /** A producer stamps a record without a timestamp with its own clock when sending it. */
    private static final Long WRITE_TIME = null;

    private final String topic;
    private final EventSerde<T> serde;
    private final SerializableFunction<T, String> key;

    /**
     * @param key the record key, or a function returning null for unkeyed records
     */
    public KeyedJsonSerializer(
            String topic, EventSerde<T> serde, SerializableFunction<T, String> key) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.serde = Objects.requireNonNull(serde, "serde");
        this.key = Objects.requireNonNull(key, "key");
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(
            T element, KafkaSinkContext context, Long eventTime) {
        String recordKey = key.apply(element);
        return new ProducerRecord<>(
                topic,
                null,
                WRITE_TIME,
                recordKey == null ? null : recordKey.getBytes(StandardCharsets.UTF_8),
                serde.toBytes(element));
    }
}
