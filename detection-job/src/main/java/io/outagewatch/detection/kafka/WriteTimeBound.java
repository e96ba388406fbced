package io.outagewatch.detection.kafka;

import io.outagewatch.detection.ingest.EdgeParser;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How far a Kafka record's event time may run ahead of the time it was written (its Kafka
 * timestamp). A record dated further ahead, say by a vantage whose clock is wrong, would otherwise
 * move its partition's watermark into the future, and every later record of that partition would be
 * dead-lettered as late; instead it is dead-lettered itself, as {@link #REASON}, and never moves a
 * watermark. The Kafka timestamp, not this job's clock, is the reference, so a backlog read days
 * later is judged as it was when written.
 *
 * @param maxAhead the bound; zero or more
 */
public record WriteTimeBound(Duration maxAhead) implements Serializable {

    /** The dead-letter reason code of a record dated too far ahead. */
    public static final String REASON = "ahead_of_write_time";

    public WriteTimeBound {
        Objects.requireNonNull(maxAhead, "maxAhead");
        if (maxAhead.isNegative()) {
            throw new IllegalArgumentException("maxAhead must not be negative: " + maxAhead);
        }
    }

    /** Whether an event time is acceptable for a record written at {@code writeTimeMillis}. */
    public boolean allows(long eventTimeMillis, long writeTimeMillis) {
        return writeTimeMillis == EdgeParser.UNKNOWN_WRITE_TIME
                || eventTimeMillis - writeTimeMillis <= maxAhead.toMillis();
    }

    /** The dead letter's reason for a record this bound refuses. */
    public String refusal(long eventTimeMillis, long writeTimeMillis) {
        return REASON
                + ": event time is "
                + Duration.ofMillis(eventTimeMillis - writeTimeMillis)
                + " ahead of the record's Kafka timestamp, more than the "
                + maxAhead
                + " allowed (outagewatch.watermark.max-ahead-of-write-time)";
    }

    /** A Kafka timestamp as a write time: Kafka's "no timestamp" (-1) is unknown. */
    public static long writeTimeOf(long kafkaTimestamp) {
        return kafkaTimestamp < 0 ? EdgeParser.UNKNOWN_WRITE_TIME : kafkaTimestamp;
    }
}
