package io.outagewatch.detection.kafka;

import io.outagewatch.detection.DetectionOptions;
import io.outagewatch.detection.records.RawRecord;
import io.outagewatch.events.EventSerde;
import java.time.Instant;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** Builds the live job's Kafka sources and exactly-once sinks from the detection settings. */
public final class KafkaConnections {

    private KafkaConnections() {}

    /**
     * A source of raw records from one topic, committed offsets first and the earliest offset for a
     * new group; only committed transactions are read. Each record carries the event time its serde
     * gives it, for per-partition watermarks.
     *
     * @param serde the topic's serde
     * @param eventTime the event time of a parsed record
     */
    public static <T> KafkaSource<RawRecord> source(
            Configuration config,
            String topic,
            EventSerde<T> serde,
            SerializableFunction<T, Instant> eventTime) {
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(config.get(DetectionOptions.KAFKA_BOOTSTRAP_SERVERS))
                .setTopics(topic)
                .setGroupId(config.get(DetectionOptions.KAFKA_GROUP_ID))
                .setStartingOffsets(
                        OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawRecordDeserializer<>(serde, eventTime))
                .setProperty("isolation.level", "read_committed")
                .setProperty(
                        "client.id.prefix",
                        config.get(DetectionOptions.KAFKA_GROUP_ID) + "-" + topic)
                .build();
    }

    /** An exactly-once sink of one wire type to one topic. */
    public static <T> KafkaSink<T> exactlyOnceSink(
            Configuration config,
            String topic,
            EventSerde<T> serde,
            SerializableFunction<T, String> key) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(config.get(DetectionOptions.KAFKA_BOOTSTRAP_SERVERS))
                .setRecordSerializer(new KeyedJsonSerializer<>(topic, serde, key))
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(
                        config.get(DetectionOptions.KAFKA_TRANSACTIONAL_ID_PREFIX) + "-" + topic)
                .setProperty(
                        "transaction.timeout.ms",
                        String.valueOf(
                                config.get(DetectionOptions.KAFKA_TRANSACTION_TIMEOUT).toMillis()))
                .build();
    }
}
