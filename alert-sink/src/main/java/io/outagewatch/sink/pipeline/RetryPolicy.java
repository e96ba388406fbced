package io.outagewatch.sink.pipeline;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * When to try a retryable delivery again: exponential backoff with full jitter, at least as long as
 * the receiver's {@code Retry-After}, never longer than {@link #maxBackoff()}, and no retry that
 * would start later than {@link #giveUpAfter()} after the first attempt.
 *
 * <p>The n-th retry waits a uniformly random time in [0, min(maxBackoff, initialBackoff ×
 * 2<sup>n-1</sup>)) ("full jitter"), then {@code max(that, Retry-After)}, capped at maxBackoff.
 *
 * @param initialBackoff the ceiling of the first retry's delay
 * @param maxBackoff the longest any single wait may be, Retry-After included
 * @param giveUpAfter how long after the first attempt the pipeline stops retrying; the alert is
 *     then dead-lettered for that receiver with reason {@code retries exhausted}, and left out of
 *     the delivery log so that replaying the dead letter delivers it
 */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff, Duration giveUpAfter) {

    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(5);
    public static final Duration DEFAULT_GIVE_UP_AFTER = Duration.ofHours(1);

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(DEFAULT_INITIAL_BACKOFF, DEFAULT_MAX_BACKOFF, DEFAULT_GIVE_UP_AFTER);

    /** Doubling stops here; far beyond any sane maxBackoff, and safe from overflow. */
    private static final int MAX_DOUBLINGS = 30;

    public RetryPolicy {
        requirePositive("initialBackoff", initialBackoff);
        requirePositive("maxBackoff", maxBackoff);
        requirePositive("giveUpAfter", giveUpAfter);
        if (initialBackoff.compareTo(maxBackoff) > 0) {
            throw new IllegalArgumentException(
                    "initialBackoff " + initialBackoff + " exceeds maxBackoff " + maxBackoff);
        }
    }

    /** The upper bound of the jittered wait before retry {@code retry} (1 for the first retry). */
    public Duration ceiling(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry must be >= 1, got " + retry);
        }
        Duration ceiling = initialBackoff.multipliedBy(1L << Math.min(retry - 1, MAX_DOUBLINGS));
        return ceiling.compareTo(maxBackoff) > 0 ? maxBackoff : ceiling;
    }

    /**
     * The wait before retry {@code retry}.
     *
     * @param retryAfter what the receiver asked for, if anything
     * @param random uniform in [0, 1), from the injected source
     */
    public Duration delay(int retry, Optional<Duration> retryAfter, double random) {
        if (!(random >= 0 && random < 1)) {
            throw new IllegalArgumentException("random must be in [0, 1), got " + random);
        }
        Duration jittered = Duration.ofNanos((long) (ceiling(retry).toNanos() * random));
        Duration wanted = retryAfter.filter(r -> r.compareTo(jittered) > 0).orElse(jittered);
        return wanted.compareTo(maxBackoff) > 0 ? maxBackoff : wanted;
    }

    private static void requirePositive(String field, Duration value) {
        Objects.requireNonNull(value, field);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(field + " must be positive, got " + value);
        }
    }
}
