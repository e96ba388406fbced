package io.outagewatch.ingest.publish;

/**
 * Where a connector puts the events it produces: a Kafka topic in production, JSON lines on stdout
 * for people and tests. Implementations are thread-safe; connectors publish from several threads.
 */
public interface EventPublisher<T> extends AutoCloseable {

    /**
     * Hands one event over. May block while the publisher's bounded buffer is full, so a connector
     * that produces faster than Kafka accepts slows down instead of running out of memory.
     */
    void publish(T event);

    /** Blocks until every event handed over so far has been written or has failed. */
    void flush();

    /** Events whose delivery failed after the producer's own retries, since the start. */
    long failedDeliveries();

    /** Flushes, then releases the connection. */
    @Override
    void close();
}
