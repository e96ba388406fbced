package io.outagewatch.events;

import java.io.Serializable;

/**
 * Converts one event type to and from its JSON wire form. Implementations are stateless and
 * thread-safe, and are {@link Serializable} because Flink operators hold them as fields.
 *
 * <p>The parse methods never throw: every problem with the input becomes a {@link Parsed.Invalid}.
 */
public interface EventSerde<T> extends Serializable {

    /** Parses a JSON document. */
    Parsed<T> parse(String json);

    /** Parses a UTF-8 encoded JSON document; malformed UTF-8 is rejected, not replaced. */
    Parsed<T> parse(byte[] utf8);

    /** Compact JSON; the same value always gives the same text. */
    String toJson(T value);

    /** {@link #toJson} encoded as UTF-8. */
    byte[] toBytes(T value);
}
