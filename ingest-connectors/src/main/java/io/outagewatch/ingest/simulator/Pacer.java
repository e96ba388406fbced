package io.outagewatch.ingest.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Releases events no earlier than their event time allows at a speed-up: at speed 60 an hour of
 * recording takes a minute. The first event anchors event time to the wall clock; a publisher that
 * falls behind is not made to wait again, so it catches up.
 */
final class Pacer {

    /** Waits for a number of nanoseconds; {@link Thread#sleep} in production. */
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final double speed;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private Instant anchorEvent;
    private long anchorNanos;

    Pacer(double speed, LongSupplier nanoTime, Sleeper sleeper) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a positive number, got " + speed);
        }
        this.speed = speed;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    static Pacer realTime(double speed) {
        return new Pacer(
                speed,
                System::nanoTime,
                nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /** Blocks until {@code eventTime} is due. */
    void awaitTurn(Instant eventTime) throws InterruptedException {
        if (anchorEvent == null) {
            anchorEvent = eventTime;
            anchorNanos = nanoTime.getAsLong();
            return;
        }
        long eventNanos = Duration.between(anchorEvent, eventTime).toNanos();
        long dueNanos = anchorNanos + (long) (eventNanos / speed);
        long waitNanos = dueNanos - nanoTime.getAsLong();
        if (waitNanos > 0) {
            sleeper.sleepNanos(waitNanos);
        }
    }
}
