package io.outagewatch.sink.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The outcome of one delivery attempt. */
public sealed interface Delivery permits Delivery.Delivered, Delivery.Retryable, Delivery.Rejected {

    /** What the receiver said, for logs and dead letters: status code and a bounded body. */
    String detail();

    /** The same outcome with every occurrence of {@code secret} in the detail replaced. */
    default Delivery redact(String secret, String placeholder) {
        if (secret.isEmpty() || !detail().contains(secret)) {
            return this;
        }
        String detail = detail().replace(secret, placeholder);
        if (this instanceof Retryable retryable) {
            return new Retryable(detail, retryable.retryAfter());
        }
        return this instanceof Delivered ? new Delivered(detail) : new Rejected(detail);
    }

    /** The receiver accepted the alert (2xx). */
    record Delivered(String detail) implements Delivery {
        public Delivered {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * The attempt failed but a later one may succeed: a network error, a timeout, 429 or 5xx.
     *
     * @param retryAfter how long the receiver asked to wait (Retry-After), when it said
     */
    record Retryable(String detail, Optional<Duration> retryAfter) implements Delivery {
        public Retryable {
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /** The receiver refused the alert for good (non-retryable 4xx); it goes to the dead letters. */
    record Rejected(String detail) implements Delivery {
        public Rejected {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
