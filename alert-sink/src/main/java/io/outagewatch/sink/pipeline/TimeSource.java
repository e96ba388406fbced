package io.outagewatch.sink.pipeline;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Everything in the pipeline that depends on time or chance: the clock, the sleeper that waits on
 * it, and the random source for backoff jitter (uniform in [0, 1)).
 */
public record TimeSource(Clock clock, Sleeper sleeper, DoubleSupplier random) {

    public TimeSource {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(random, "random");
    }

    /** The wall clock, real sleeps and a thread-local random. */
    public static TimeSource system() {
        return new TimeSource(
                Clock.systemUTC(), Sleeper.SYSTEM, () -> ThreadLocalRandom.current().nextDouble());
    }
}
