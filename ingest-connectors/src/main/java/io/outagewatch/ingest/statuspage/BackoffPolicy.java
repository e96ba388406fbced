package io.outagewatch.ingest.statuspage;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * How long one page waits before its next poll. After a success: the interval. After errors: the
 * interval doubled per consecutive error, capped, less up to {@value #JITTER_PERCENT}% jitter so
 * pages that failed together do not retry together, never below the interval. After a 429: its
 * {@code Retry-After} (at least the interval, at most the cap), else the error backoff. Not
 * thread-safe; each page has its own.
 */
public final class BackoffPolicy {

    static final int JITTER_PERCENT = 20;

    /** Doublings beyond this cannot matter under any sane cap and would overflow. */
    private static final int MAX_DOUBLINGS = 30;

    private final Duration interval;
    private final Duration cap;
    private final DoubleSupplier random;
    private int consecutiveFailures;

    /**
     * @param random uniform in [0, 1); tests pass a constant
     */
    public BackoffPolicy(Duration interval, Duration cap, DoubleSupplier random) {
        if (cap.compareTo(interval) < 0) {
            throw new IllegalArgumentException("cap " + cap + " is below interval " + interval);
        }
        this.interval = interval;
        this.cap = cap;
        this.random = random;
    }

    public Duration onSuccess() {
        consecutiveFailures = 0;
        return interval;
    }

    public Duration onError() {
        consecutiveFailures++;
        Duration exponential =
                interval.multipliedBy(1L << Math.min(consecutiveFailures, MAX_DOUBLINGS));
        if (exponential.compareTo(cap) > 0 || exponential.isNegative()) {
            exponential = cap;
        }
        double factor = 1.0 - JITTER_PERCENT / 100.0 * random.getAsDouble();
        Duration jittered = Duration.ofMillis(Math.round(exponential.toMillis() * factor));
        return jittered.compareTo(interval) < 0 ? interval : jittered;
    }

    public Duration onRateLimited(Optional<Duration> retryAfter) {
        if (retryAfter.isEmpty()) {
            return onError();
        }
        consecutiveFailures++;
        Duration wait = retryAfter.get();
        if (wait.compareTo(interval) < 0) {
            return interval;
        }
        return wait.compareTo(cap) > 0 ? cap : wait;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }
}
