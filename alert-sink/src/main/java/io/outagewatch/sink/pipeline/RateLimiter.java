package io.outagewatch.sink.pipeline;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Paces deliveries to one receiver: a token bucket that refills one token every {@code 60 s /
 * maxDeliveriesPerMinute} and holds one second's worth of tokens (at least one), so a receiver sees
 * at most a one-second burst before steady pacing. Implemented as the equivalent generic cell rate
 * algorithm, in whole nanoseconds so pacing is exact on an injected clock. A rate that is not
 * positive and finite means no limit.
 */
public final class RateLimiter {

    private static final double NANOS_PER_MINUTE = Duration.ofMinutes(1).toNanos();
    private static final double SECONDS_PER_MINUTE = 60;

    private final TimeSource time;
    private final long intervalNanos;
    private final long burstNanos;
    private Instant theoreticalArrival;

    private RateLimiter(TimeSource time, double perMinute) {
        this.time = Objects.requireNonNull(time, "time");
        boolean limited = perMinute > 0 && Double.isFinite(perMinute);
        this.intervalNanos = limited ? Math.max(1, Math.round(NANOS_PER_MINUTE / perMinute)) : 0;
        long capacity = limited ? Math.max(1, (long) (perMinute / SECONDS_PER_MINUTE)) : 1;
        this.burstNanos = (capacity - 1) * intervalNanos;
        this.theoreticalArrival = time.clock().instant();
    }

    /** A limiter for a receiver's {@code maxDeliveriesPerMinute}; unlimited when not positive. */
    public static RateLimiter perMinute(double maxDeliveriesPerMinute, TimeSource time) {
        return new RateLimiter(time, maxDeliveriesPerMinute);
    }

    /** Whether this limiter ever waits. */
    public boolean isLimited() {
        return intervalNanos > 0;
    }

    /** Takes one token, sleeping on the injected sleeper until one is available. */
    public synchronized void acquire() throws InterruptedException {
        if (!isLimited()) {
            return;
        }
        Instant now = time.clock().instant();
        if (theoreticalArrival.isBefore(now)) {
            theoreticalArrival = now;
        }
        Duration wait = Duration.between(now, theoreticalArrival).minusNanos(burstNanos);
        if (!wait.isNegative() && !wait.isZero()) {
            time.sleeper().sleep(wait);
        }
        theoreticalArrival = theoreticalArrival.plusNanos(intervalNanos);
    }
}
