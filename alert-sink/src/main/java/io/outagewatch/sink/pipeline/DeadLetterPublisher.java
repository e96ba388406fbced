package io.outagewatch.sink.pipeline;

import io.outagewatch.events.DeadLetter;

/**
 * Where rejected alerts and unreadable input go. {@link #publish} returns only once the dead letter
 * is stored (for Kafka: acknowledged), because the input's offset is committed right after.
 */
@FunctionalInterface
public interface DeadLetterPublisher {

    /**
     * @throws RuntimeException when the dead letter could not be stored; the sink then stops
     *     without committing, so the input is read again after a restart
     */
    void publish(DeadLetter deadLetter);
}
