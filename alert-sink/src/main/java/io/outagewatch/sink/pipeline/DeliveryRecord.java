package io.outagewatch.sink.pipeline;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the delivery log: this receiver is done with this alert version.
 *
 * @param at when the outcome was recorded, on the pipeline's clock
 */
public record DeliveryRecord(
        String incidentId, int version, String receiver, DeliveryOutcome outcome, Instant at) {

    public DeliveryRecord {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, got " + version);
        }
    }
}
