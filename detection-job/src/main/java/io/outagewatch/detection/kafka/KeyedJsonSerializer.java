package io.outagewatch.detection.kafka;

import io.outagewatch.events.EventSerde;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes a wire record as its serde's JSON, keyed as its contract says (or unkeyed). */
public final class KeyedJsonSerializer<T> implements KafkaRecordSerializationSchema<T> {

    private static final long serialVersionUID = 1L;

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
            T element, KafkaSinkContext context, Long timestamp) {
        String recordKey = key.apply(element);
        return new ProducerRecord<>(
                topic,
                null,
                timestamp,
                recordKey == null ? null : recordKey.getBytes(StandardCharsets.UTF_8),
                serde.toBytes(element));
    }
}
