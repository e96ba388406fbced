package io.outagewatch.events;

import java.util.Objects;

/**
 * Outcome of parsing one message: either a valid value or the reason it was rejected. Serdes return
 * this instead of throwing so a stream can route bad input to the dead-letter topic without
 * exception handling.
 */
public sealed interface Parsed<T> permits Parsed.Ok, Parsed.Invalid {

    boolean isOk();

    /**
     * The parsed value.
     *
     * @throws IllegalStateException if the input was rejected
     */
    T value();

    static <T> Parsed<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Parsed<T> invalid(String code, String detail) {
        return new Invalid<>(code, detail);
    }

    record Ok<T>(T value) implements Parsed<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public boolean isOk() {
            return true;
        }
    }

    /**
     * A rejection.
     *
     * @param code one of the {@link InvalidReason} constants
     * @param detail what was wrong, naming the field
     */
    record Invalid<T>(String code, String detail) implements Parsed<T> {
        public Invalid {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public boolean isOk() {
            return false;
        }

        @Override
        public T value() {
            throw new IllegalStateException("no value, input was rejected: " + reason());
        }

        /** The line that goes into {@link DeadLetter#reason()}. */
        public String reason() {
            return code + ": " + detail;
        }
    }
}
