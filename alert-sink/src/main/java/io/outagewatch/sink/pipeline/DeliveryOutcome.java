package io.outagewatch.sink.pipeline;

/** How a receiver finished with an alert version; either way it is not sent there again. */
public enum DeliveryOutcome {
    /** The receiver accepted it (2xx). */
    DELIVERED,
    /** The receiver refused it for good, or retries were exhausted; it went to the dead letters. */
    REJECTED
}
