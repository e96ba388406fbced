package io.outagewatch.sink.pipeline;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which receivers are done with which alert versions, kept across restarts so a redelivered Kafka
 * record is not sent to a receiver again. An alert's identity is its incident id and version.
 */
public interface DeliveryLog extends AutoCloseable {

    /** The recorded outcome for this alert version and receiver, if there is one. */
    Optional<DeliveryRecord> find(String incidentId, int version, String receiver);

    /** The highest version of the incident the receiver accepted, if it accepted any. */
    OptionalInt latestDelivered(String incidentId, String receiver);

    /** Appends a record; when this returns the record survives a crash of the process. */
    void record(DeliveryRecord record) throws IOException;

    @Override
    void close() throws IOException;
}
