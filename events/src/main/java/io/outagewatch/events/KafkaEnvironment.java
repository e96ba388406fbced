package io.outagewatch.events;

/** How every OutageWatch process finds Kafka when no command-line option or file says. */
public final class KafkaEnvironment {

    /** Environment variable holding the bootstrap servers, e.g. {@code kafka:9092}. */
    public static final String BOOTSTRAP_SERVERS = "OUTAGEWATCH_KAFKA_BOOTSTRAP_SERVERS";

    private KafkaEnvironment() {}
}
