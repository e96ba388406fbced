package io.outagewatch.sink.pipeline;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits; injected next to the clock so tests move time without sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps on the real clock; interruptible. */
    Sleeper SYSTEM =
            duration -> {
                if (!duration.isNegative() && !duration.isZero()) {
                    TimeUnit.NANOSECONDS.sleep(duration.toNanos());
                }
            };

    /** Waits for the duration; zero or negative returns at once. */
    void sleep(Duration duration) throws InterruptedException;
}
