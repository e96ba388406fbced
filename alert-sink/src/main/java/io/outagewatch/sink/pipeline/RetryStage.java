package io.outagewatch.sink.pipeline;

import io.outagewatch.events.Alert;
import io.outagewatch.sink.notify.Delivery;
import io.outagewatch.sink.notify.Notifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one alert to one receiver until it is accepted or refused for good: waits for the
 * receiver's rate limiter before every attempt, and after a {@link Delivery.Retryable} waits as the
 * {@link RetryPolicy} says. When the policy gives up the result is a {@link Delivery.Rejected}
 * whose detail starts with {@value #RETRIES_EXHAUSTED}, marked {@link Result#exhausted()}.
 */
public final class RetryStage {

    public static final String RETRIES_EXHAUSTED = "retries exhausted";

    private static final Logger LOG = LoggerFactory.getLogger(RetryStage.class);

    private final Notifier notifier;
    private final RateLimiter rateLimiter;
    private final RetryPolicy policy;
    private final TimeSource time;

    public RetryStage(
            Notifier notifier, RateLimiter rateLimiter, RetryPolicy policy, TimeSource time) {
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.time = Objects.requireNonNull(time, "time");
    }

    /** A stage with a rate limiter built from the notifier's {@code maxDeliveriesPerMinute}. */
    public static RetryStage of(Notifier notifier, RetryPolicy policy, TimeSource time) {
        return new RetryStage(
                notifier,
                RateLimiter.perMinute(notifier.maxDeliveriesPerMinute(), time),
                policy,
                time);
    }

    public Notifier notifier() {
        return notifier;
    }

    /**
     * The final answer and how many attempts it took.
     *
     * @param delivery {@link Delivery.Delivered} or {@link Delivery.Rejected}, never retryable
     * @param exhausted whether the rejection is the policy giving up on a receiver that kept
     *     answering "try again", rather than the receiver's own refusal
     */
    public record Result(Delivery delivery, int attempts, boolean exhausted) {}

    public Result deliver(Alert alert) throws InterruptedException {
        return deliver(alert, null);
    }

    /**
     * Like {@link #deliver(Alert)}; with a silence id, the alert goes out through {@link
     * Notifier#deliverSilenced}.
     */
    public Result deliver(Alert alert, String silenceId) throws InterruptedException {
        Instant firstAttempt = time.clock().instant();
        Instant giveUpAt = firstAttempt.plus(policy.giveUpAfter());
        for (int attempt = 1; ; attempt++) {
            rateLimiter.acquire();
            Delivery answer = attempt(alert, silenceId);
            if (!(answer instanceof Delivery.Retryable retryable)) {
                return new Result(answer, attempt, false);
            }
            Duration delay =
                    policy.delay(attempt, retryable.retryAfter(), time.random().getAsDouble());
            Instant next = time.clock().instant().plus(delay);
            if (next.isAfter(giveUpAt)) {
                return new Result(
                        new Delivery.Rejected(
                                RETRIES_EXHAUSTED
                                        + " after "
                                        + attempt
                                        + " attempts over "
                                        + Duration.between(firstAttempt, time.clock().instant())
                                        + "; last answer: "
                                        + retryable.detail()),
                        attempt,
                        true);
            }
            LOG.info(
                    "{} ({}): attempt {} for {} v{} failed ({}); retrying in {}",
                    notifier.name(),
                    notifier.kind(),
                    attempt,
                    alert.incidentId(),
                    alert.version(),
                    retryable.detail(),
                    delay);
            time.sleeper().sleep(delay);
        }
    }

    /**
     * One call; an exception the notifier should have turned into an answer counts as retryable.
     */
    private Delivery attempt(Alert alert, String silenceId) throws InterruptedException {
        try {
            return Objects.requireNonNull(
                    silenceId == null
                            ? notifier.deliver(alert)
                            : notifier.deliverSilenced(alert, silenceId),
                    "notifier returned null");
        } catch (RuntimeException e) {
            return new Delivery.Retryable("notifier failed: " + e, Optional.empty());
        }
    }
}
