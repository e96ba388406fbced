package io.outagewatch.ingest.jetstream;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Pauses between reconnection attempts: the first is {@code initial}, each further one doubles, up
 * to {@code max}; each is then shortened by a random share of up to {@value #JITTER} so that many
 * clients dropped at once do not return at once. {@link #reset} after a healthy connection.
 */
final class Backoff {

    static final double MULTIPLIER = 2.0;
    static final double JITTER = 0.5;

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;
    private int failures;

    /**
     * @param random values in [0, 1)
     */
    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = Objects.requireNonNull(initial, "initial");
        this.max = Objects.requireNonNull(max, "max");
        this.random = Objects.requireNonNull(random, "random");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException(
                    "backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** The pause before the next attempt; each call counts one more failure. */
    Duration next() {
        double nominal =
                Math.min(max.toNanos(), initial.toNanos() * Math.pow(MULTIPLIER, failures));
        if (nominal < max.toNanos()) {
            failures++;
        }
        return Duration.ofNanos(Math.round(nominal * (1 - JITTER * random.getAsDouble())));
    }

    void reset() {
        failures = 0;
    }
}
