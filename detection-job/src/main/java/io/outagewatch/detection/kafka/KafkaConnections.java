package io.outagewatch.detection.kafka;

import io.outagewatch.detection.DetectionOptions;
import io.outagewatch.detection.ingest.EdgeParser;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.EventSerde;
import io.outagewatch.events.KafkaClientProperties;
import io.outagewatch.events.KafkaEnvironment;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.types.Either;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Builds the live job's Kafka sources and exactly-once sinks from the detection settings, with the
 * extra client settings (TLS, SASL) of {@link DetectionOptions#KAFKA_PROPERTIES_FILE}. The file is
 * read here, where the job is built; its values travel inside the sources and sinks, so the task
 * managers need neither the file nor the environment variable.
 */
public final class KafkaConnections {

    /** Source settings OutageWatch or the connector decides; a properties file may not set them. */
    static final Set<String> SOURCE_KEYS =
            Set.of(
                    "bootstrap.servers",
                    "group.id",
                    "isolation.level",
                    "client.id.prefix",
                    "key.deserializer",
                    "value.deserializer",
                    "auto.offset.reset",
                    "enable.auto.commit");

    /** Sink settings OutageWatch or the connector decides; a properties file may not set them. */
    static final Set<String> SINK_KEYS =
            Set.of(
                    "bootstrap.servers",
                    "transaction.timeout.ms",
                    "transactional.id",
                    "enable.idempotence",
                    "acks",
                    "key.serializer",
                    "value.serializer");

    private KafkaConnections() {}

    /**
     * The extra client settings: the file {@link DetectionOptions#KAFKA_PROPERTIES_FILE} names,
     * else the one {@link KafkaEnvironment#PROPERTIES_FILE} names in {@code env}, else none.
     *
     * @throws IllegalArgumentException when the file cannot be read or sets a key a source or sink
     *     sets itself
     */
    public static KafkaClientProperties clientProperties(
            Configuration config, Map<String, String> env) {
        KafkaClientProperties extra =
                KafkaClientProperties.resolve(
                        config.getOptional(DetectionOptions.KAFKA_PROPERTIES_FILE), env);
        extra.requireDisjoint(SOURCE_KEYS);
        extra.requireDisjoint(SINK_KEYS);
        return extra;
    }

    /**
     * A source of one topic's records, each parsed once as it is read; committed offsets first and
     * the earliest offset for a new group; only committed transactions are read.
     *
     * @param parser the topic's parser
     */
    public static <T> KafkaSource<Either<DeadLetter, T>> source(
            Configuration config, KafkaClientProperties extra, String topic, EdgeParser<T> parser) {
        return KafkaSource.<Either<DeadLetter, T>>builder()
                .setProperties(extra.toProperties())
                .setBootstrapServers(config.get(DetectionOptions.KAFKA_BOOTSTRAP_SERVERS))
                .setTopics(topic)
                .setGroupId(config.get(DetectionOptions.KAFKA_GROUP_ID))
                .setStartingOffsets(
                        OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new IngestDeserializer<>(parser))
                .setProperty("isolation.level", "read_committed")
                .setProperty(
                        "client.id.prefix",
                        config.get(DetectionOptions.KAFKA_GROUP_ID) + "-" + topic)
                .build();
    }

    /**
     * The input topics with nothing to read for the job's group now ({@link UnreadRecords}), asked
     * of the broker within {@code timeout}; none, without asking, when {@code timeout} is zero.
     */
    public static Set<String> inputsWithNothingToRead(
            Configuration config,
            KafkaClientProperties extra,
            Collection<String> topics,
            Duration timeout) {
        if (timeout.isZero() || timeout.isNegative()) {
            return Set.of();
        }
        Properties admin = extra.toProperties();
        admin.put(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.get(DetectionOptions.KAFKA_BOOTSTRAP_SERVERS));
        Admin client = Admin.create(admin);
        try {
            return UnreadRecords.noneToRead(
                    client, config.get(DetectionOptions.KAFKA_GROUP_ID), topics, timeout);
        } finally {
            // Calls still waiting for a broker that did not answer would hold a plain close
            // for their whole API timeout.
            client.close(Duration.ZERO);
        }
    }

    /**
     * Producer settings of the exactly-once sinks unless the properties file sets them. What they
     * write becomes visible only when a checkpoint commits, and the commit flushes first, so
     * waiting longer for fuller batches delays nothing a reader sees: it only means fewer, larger
     * produce requests, each a round of work for the producer's and the broker's threads.
     */
    static final Map<String, String> SINK_PRODUCER_DEFAULTS =
            Map.of(
                    ProducerConfig.LINGER_MS_CONFIG,
                    "100",
                    ProducerConfig.BATCH_SIZE_CONFIG,
                    String.valueOf(256 * 1024));

    /** {@link #SINK_PRODUCER_DEFAULTS} with the properties file's settings over them. */
    static Properties sinkProducerProperties(KafkaClientProperties extra) {
        Properties producer = new Properties();
        producer.putAll(SINK_PRODUCER_DEFAULTS);
        producer.putAll(extra.toProperties());
        return producer;
    }

    /** An exactly-once sink of one wire type to one topic. */
    public static <T> KafkaSink<T> exactlyOnceSink(
            Configuration config,
            KafkaClientProperties extra,
            String topic,
            EventSerde<T> serde,
            SerializableFunction<T, String> key) {
        return KafkaSink.<T>builder()
                .setKafkaProducerConfig(sinkProducerProperties(extra))
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
