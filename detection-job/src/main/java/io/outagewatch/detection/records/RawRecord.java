package io.outagewatch.detection.records;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One input record before parsing, as bytes: decoding is the serde's job, so invalid UTF-8 is
 * reported instead of silently replaced.
 *
 * @param origin where it came from: {@code topic-partition-offset} or {@code file:line}
 * @param payload the record's bytes, as read
 * @param eventTimeMillis the event time of the record the payload parses to, when the reader
 *     already knows it (the live job's Kafka sources, which need it for per-partition watermarks);
 *     otherwise {@link #UNKNOWN_EVENT_TIME}
 * @param writeTimeMillis when the record was written: its Kafka timestamp; {@link
 *     #UNKNOWN_WRITE_TIME} for a line of a file
 */
public record RawRecord(String origin, byte[] payload, long eventTimeMillis, long writeTimeMillis) {

    /** {@link #eventTimeMillis()} of a record not parsed yet, or that does not parse. */
    public static final long UNKNOWN_EVENT_TIME = Long.MIN_VALUE;

    /** {@link #writeTimeMillis()} of a line of a file, or of a Kafka record without a timestamp. */
    public static final long UNKNOWN_WRITE_TIME = Long.MIN_VALUE;

    public RawRecord {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(payload, "payload");
    }

    /** A record whose event time is left to the pipeline's parser, written at an unknown time. */
    public RawRecord(String origin, byte[] payload) {
        this(origin, payload, UNKNOWN_EVENT_TIME, UNKNOWN_WRITE_TIME);
    }

    public static RawRecord of(String origin, String payload) {
        return new RawRecord(origin, payload.getBytes(StandardCharsets.UTF_8));
    }

    public boolean hasEventTime() {
        return eventTimeMillis != UNKNOWN_EVENT_TIME;
    }

    public boolean hasWriteTime() {
        return writeTimeMillis != UNKNOWN_WRITE_TIME;
    }

    /** The payload for humans; invalid bytes become replacement characters. */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
