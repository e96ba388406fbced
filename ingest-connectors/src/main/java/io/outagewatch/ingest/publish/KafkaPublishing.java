package io.outagewatch.ingest.publish;

import io.outagewatch.events.KafkaClientProperties;
import io.outagewatch.events.KafkaEnvironment;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * How connectors reach Kafka. The producer is idempotent with {@code acks=all}, so a retried send
 * never duplicates a record, and its buffer is bounded, so a slow broker slows the connector down.
 *
 * @param bootstrapServers the brokers; default {@value #DEFAULT_BOOTSTRAP_SERVERS}, or the
 *     environment variable {@value #BOOTSTRAP_ENV}
 * @param bufferBytes memory for records not yet sent; default {@value #DEFAULT_BUFFER_BYTES}
 * @param maxBlockMillis how long {@code publish} may wait for buffer space or metadata before the
 *     record counts as failed; default {@value #DEFAULT_MAX_BLOCK_MILLIS}
 * @param clientId names the producer in broker logs and metrics
 * @param clientProperties extra producer settings such as TLS and SASL, from the file named by the
 *     environment variable {@value #PROPERTIES_FILE_ENV}; never logged
 */
public record KafkaPublishing(
        String bootstrapServers,
        long bufferBytes,
        long maxBlockMillis,
        String clientId,
        KafkaClientProperties clientProperties) {

    public static final String BOOTSTRAP_ENV = KafkaEnvironment.BOOTSTRAP_SERVERS;
    public static final String PROPERTIES_FILE_ENV = KafkaEnvironment.PROPERTIES_FILE;
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";
    public static final long DEFAULT_BUFFER_BYTES = 16L * 1024 * 1024;
    public static final long DEFAULT_MAX_BLOCK_MILLIS = 30_000L;

    /** The producer settings OutageWatch decides; a properties file may not set them. */
    static final Set<String> OWN_KEYS =
            Set.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    ProducerConfig.CLIENT_ID_CONFIG,
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                    ProducerConfig.ACKS_CONFIG,
                    ProducerConfig.BUFFER_MEMORY_CONFIG,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG,
                    ProducerConfig.LINGER_MS_CONFIG,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);

    /** How long {@code close} waits for outstanding records. */
    public static final long CLOSE_TIMEOUT_MILLIS = 30_000L;

    public KafkaPublishing {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientProperties, "clientProperties");
        clientProperties.requireDisjoint(OWN_KEYS);
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrap servers are blank");
        }
        if (bufferBytes < 1024) {
            throw new IllegalArgumentException(
                    "buffer must be at least 1024 bytes, got " + bufferBytes);
        }
        if (maxBlockMillis < 0) {
            throw new IllegalArgumentException(
                    "max block must not be negative, got " + maxBlockMillis);
        }
    }

    /**
     * Defaults, with the bootstrap servers from {@code explicit} when given, else from the
     * environment, else {@value #DEFAULT_BOOTSTRAP_SERVERS}; and the extra settings of the file
     * {@value #PROPERTIES_FILE_ENV} names, if it is set.
     *
     * @throws IllegalArgumentException when that file cannot be read or sets a key the producer
     *     sets itself
     */
    public static KafkaPublishing defaults(String explicit, String clientId) {
        return defaults(explicit, clientId, System.getenv());
    }

    static KafkaPublishing defaults(String explicit, String clientId, Map<String, String> env) {
        String servers = explicit;
        if (servers == null || servers.isBlank()) {
            servers = env.getOrDefault(BOOTSTRAP_ENV, DEFAULT_BOOTSTRAP_SERVERS);
        }
        KafkaClientProperties extra = KafkaClientProperties.resolve(Optional.empty(), env);
        return new KafkaPublishing(
                servers, DEFAULT_BUFFER_BYTES, DEFAULT_MAX_BLOCK_MILLIS, clientId, extra);
    }

    /** The producer's settings: OutageWatch's own plus {@link #clientProperties()}. */
    public Properties producerProperties() {
        Properties props = new Properties();
        props.putAll(clientProperties.mergedWith(ownProperties()));
        return props;
    }

    private Map<String, Object> ownProperties() {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, bufferBytes);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, maxBlockMillis);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        return props;
    }
}
