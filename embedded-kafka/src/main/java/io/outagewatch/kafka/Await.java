package io.outagewatch.kafka;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * How tests wait for something another thread, process or broker does: by checking a condition
 * until it holds or a deadline passes, never by sleeping a fixed time.
 */
public final class Await {

    /** A condition that may need I/O (a consumer group's offsets, a metrics scrape) to check. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** Short enough to add little to a test, long enough not to spin a core while waiting. */
    static final Duration CHECK_EVERY = Duration.ofMillis(20);

    private Await() {}

    /**
     * Checks {@code condition} every {@link #CHECK_EVERY} until it holds.
     *
     * @throws AssertionError naming {@code what} when {@code deadline} passes first
     */
    public static void until(String what, Duration deadline, Condition condition) throws Exception {
        long giveUp = System.nanoTime() + deadline.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() - giveUp > 0) {
                throw new AssertionError("not within " + deadline + ": " + what);
            }
            LockSupport.parkNanos(CHECK_EVERY.toNanos());
        }
    }
}
