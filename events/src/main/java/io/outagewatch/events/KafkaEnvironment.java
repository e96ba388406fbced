package io.outagewatch.events;

/** How every OutageWatch process finds Kafka when no command-line option or file says. */
public final class KafkaEnvironment {

    /** Environment variable holding the bootstrap servers, e.g. {@code kafka:9092}. */
    public static final String BOOTSTRAP_SERVERS = "OUTAGEWATCH_KAFKA_BOOTSTRAP_SERVERS";

    /**
     * Environment variable naming a Java properties file of extra Kafka client settings (TLS, SASL)
     * that every OutageWatch Kafka client of the process is given; see {@link
     * KafkaClientProperties}.
     */
    public static final String PROPERTIES_FILE = "OUTAGEWATCH_KAFKA_PROPERTIES_FILE";

    private KafkaEnvironment() {}
}
