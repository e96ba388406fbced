package io.outagewatch.ingest.intake;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: each holds up to {@code burst} requests and refills at {@code
 * requestsPerSecond}. Time comes from an injected nanosecond source so tests move it by hand.
 *
 * <p>Keys are client identities from the token file, a fixed set, so the bucket map cannot grow
 * without bound.
 */
public final class RateLimiter {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double requestsPerSecond;
    private final int burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param nanoTime a monotonic clock such as {@code System::nanoTime}
     */
    public RateLimiter(double requestsPerSecond, int burst, LongSupplier nanoTime) {
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
    }

    /** Takes one request from the client's bucket, or says how long until one is available. */
    public Decision tryAcquire(String client) {
        Objects.requireNonNull(client, "client");
        long now = nanoTime.getAsLong();
        return buckets.computeIfAbsent(client, c -> new Bucket(burst, now)).take(now);
    }

    /**
     * The outcome of {@link #tryAcquire}.
     *
     * @param retryAfter zero when allowed, else the wait until the next request would be allowed
     */
    public record Decision(boolean allowed, Duration retryAfter) {

        static final Decision ALLOWED = new Decision(true, Duration.ZERO);

        /** {@link #retryAfter} in whole seconds, rounded up and at least 1, for Retry-After. */
        public long retryAfterSeconds() {
            long seconds = retryAfter.toSeconds();
            if (retryAfter.toNanosPart() > 0 || seconds == 0) {
                seconds++;
            }
            return seconds;
        }
    }

    private final class Bucket {
        private double tokens;
        private long updatedNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedNanos = now;
        }

        synchronized Decision take(long now) {
            long elapsed = Math.max(0, now - updatedNanos);
            tokens = Math.min(burst, tokens + elapsed * requestsPerSecond / NANOS_PER_SECOND);
            updatedNanos = Math.max(updatedNanos, now);
            if (tokens >= 1) {
                tokens -= 1;
                return Decision.ALLOWED;
            }
            double waitSeconds = (1 - tokens) / requestsPerSecond;
            return new Decision(false, Duration.ofNanos((long) Math.ceil(waitSeconds * 1e9)));
        }
    }
}
