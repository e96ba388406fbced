package io.outagewatch.detection.records;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One input record before parsing, as bytes: decoding is the serde's job, so invalid UTF-8 is
 * reported instead of silently replaced.
 *
 * @param origin where it came from: {@code topic-partition-offset} or {@code file:line}
 * @param payload the record's bytes, as read
 */
public record RawRecord(String origin, byte[] payload) {

    public RawRecord {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(payload, "payload");
    }

    public static RawRecord of(String origin, String payload) {
        return new RawRecord(origin, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** The payload for humans; invalid bytes become replacement characters. */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }
}
