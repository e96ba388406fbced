package io.outagewatch.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Argument rules shared by the event records. */
final class EventChecks {

    private EventChecks() {}

    static void requireInterval(String event, Instant start, Instant end) {
        Objects.requireNonNull(start, event + " start");
        Objects.requireNonNull(end, event + " end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException(
                    event + " must start before it ends, got " + start + " to " + end);
        }
    }

    static void requirePositive(String what, Duration duration) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, got " + duration);
        }
    }

    static void requirePositive(String what, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException(what + " must be positive, got " + count);
        }
    }

    static void requireProbability(String what, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " must be within [0, 1], got " + value);
        }
    }

    static void requireAtLeastOne(String what, double value) {
        if (!(value >= 1)) {
            throw new IllegalArgumentException(what + " must be at least 1, got " + value);
        }
    }

    static boolean within(Instant at, Instant start, Instant end) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}
