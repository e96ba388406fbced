package io.outagewatch.sink.notify;

import io.outagewatch.events.Alert;
import java.time.Duration;
import java.util.Optional;

/**
 * One receiver of alerts: a PagerDuty service, a Slack channel, a webhook endpoint, an
 * Alertmanager, the console. It makes exactly one delivery attempt per call and says whether a
 * failure is worth retrying; retries, backoff, rate limits and the delivery log belong to the
 * pipeline, not to the notifier.
 */
public interface Notifier {

    /** The receiver's name from the configuration; unique within a sink. */
    String name();

    /** The receiver kind, e.g. {@code pagerduty}; used in logs and metrics. */
    String kind();

    /**
     * The most deliveries per minute this receiver accepts (PagerDuty about 120 per routing key,
     * Slack about 60), so the pipeline can pace itself before the receiver answers 429.
     */
    double maxDeliveriesPerMinute();

    /**
     * Makes one attempt to deliver the alert.
     *
     * @return never null; exceptions of the transport become {@link Delivery.Retryable}
     */
    Delivery deliver(Alert alert) throws InterruptedException;

    /**
     * Whether the receiver pages people (PagerDuty, Slack, webhooks, Alertmanager). A silenced
     * alert is not sent to a paging receiver; the others (the console) get it marked silenced.
     */
    default boolean pages() {
        return true;
    }

    /**
     * Delivers an alert a silence holds back, to a receiver that does not page: it shows the alert
     * as silenced. Only called when {@link #pages()} is false.
     */
    default Delivery deliverSilenced(Alert alert, String silenceId) throws InterruptedException {
        return deliver(alert);
    }

    /**
     * How often the latest alert of an open incident must be sent again for the receiver to keep it
     * firing; empty when one delivery is enough. Alertmanager resolves an alert by itself when it
     * is not pushed again.
     */
    default Optional<Duration> resendInterval() {
        return Optional.empty();
    }
}
