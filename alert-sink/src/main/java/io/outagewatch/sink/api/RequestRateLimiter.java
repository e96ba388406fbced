package io.outagewatch.sink.api;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The silences API's request limit, as the intake's: a token bucket holding up to {@code burst}
 * requests and refilling at {@code requestsPerSecond}, on an injected monotonic nanosecond clock.
 * There is one client (one token), so one bucket.
 */
public final class RequestRateLimiter {

    /** The intake's defaults. */
    public static final double DEFAULT_RATE = 10;

    public static final int DEFAULT_BURST = 20;

    private static final double NANOS_PER_SECOND = 1e9;

    private final double requestsPerSecond;
    private final int burst;
    private final LongSupplier nanoTime;
    private double tokens;
    private long updatedNanos;

    public RequestRateLimiter(double requestsPerSecond, int burst, LongSupplier nanoTime) {
        if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException(
                    "rate must be a positive number of requests per second, got "
                            + requestsPerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, got " + burst);
        }
        this.requestsPerSecond = requestsPerSecond;
        this.burst = burst;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.tokens = burst;
        this.updatedNanos = nanoTime.getAsLong();
    }

    /**
     * Takes one request, or says how long until one is allowed.
     *
     * @return zero when allowed, else the wait
     */
    public synchronized Duration tryAcquire() {
        long now = nanoTime.getAsLong();
        long elapsed = Math.max(0, now - updatedNanos);
        tokens = Math.min(burst, tokens + elapsed * requestsPerSecond / NANOS_PER_SECOND);
        updatedNanos = Math.max(updatedNanos, now);
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        double waitSeconds = (1 - tokens) / requestsPerSecond;
        return Duration.ofNanos((long) Math.ceil(waitSeconds * NANOS_PER_SECOND));
    }
}
