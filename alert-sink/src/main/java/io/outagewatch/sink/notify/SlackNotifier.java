package io.outagewatch.sink.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outagewatch.events.Alert;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Posts alerts to a Slack channel through an incoming webhook. The webhook URL is the secret, so it
 * is never logged or put in a delivery's detail.
 *
 * <p>The message is one {@code text} in Slack mrkdwn: a marker, the {@link AlertText#headline} and
 * the {@link AlertText#details}, for example
 *
 * <pre>
 * :red_circle: *chatgpt* is down: major outage in eu-west, us-east since 2023-11-08T13:42:00Z,
 * expected to last about 2 h 36 min (44 min to 16 h), about 1 h 50 min left — typical of major
 * outages
 * Time left: about 1 h 50 min (20 min to 14 h)
 * ...
 * :large_green_circle: *chatgpt* has recovered: it was down for 2 h 18 min (...)
 * </pre>
 *
 * <p>Answers: 200 delivered (Slack says {@code ok}); 429 (with {@code Retry-After} seconds), 408,
 * 5xx and network errors retryable; other 4xx rejected: 400 {@code invalid_payload}, 403 {@code
 * action_prohibited}/{@code invalid_token}, 404 {@code channel_not_found}/{@code no_service}, 410
 * {@code channel_is_archived} will not get better by retrying.
 */
public final class SlackNotifier implements Notifier {

    /** Slack allows about one message per second per webhook, with short bursts. */
    public static final double MAX_DELIVERIES_PER_MINUTE = 60;

    /**
     * Slack truncates messages over 40,000 characters; ours stay far below, and this cap keeps a
     * message readable when an alert lists hundreds of regions.
     */
    static final int TEXT_MAX_CHARS = 4000;

    /**
     * A longer headline names fewer regions, so that the estimate, the time left and what they rest
     * on, at its end, are not lost when the message is cut.
     */
    static final int HEADLINE_MAX_CHARS = 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final URI webhookUrl;
    private final HttpDelivery http;

    /**
     * @param webhookUrl {@code https://hooks.slack.com/services/T…/B…/…}; a secret
     */
    public SlackNotifier(String name, String webhookUrl, HttpDelivery http) {
        this.name = Objects.requireNonNull(name, "name");
        this.webhookUrl = HttpDelivery.httpUrl("the Slack webhook URL", webhookUrl, true);
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "slack";
    }

    @Override
    public double maxDeliveriesPerMinute() {
        return MAX_DELIVERIES_PER_MINUTE;
    }

    @Override
    public Delivery deliver(Alert alert) throws InterruptedException {
        return http.postJson(webhookUrl, body(alert), Map.of());
    }

    /** The message text in Slack mrkdwn. */
    public static String text(Alert alert) {
        String marker =
                switch (alert.type()) {
                    case OUTAGE_STARTED -> ":red_circle: ";
                    case OUTAGE_UPDATED -> ":large_orange_circle: ";
                    case OUTAGE_RECOVERED -> ":large_green_circle: ";
                };
        return AlertText.truncate(
                marker + AlertText.message(alert, AlertText.SLACK, HEADLINE_MAX_CHARS),
                TEXT_MAX_CHARS);
    }

    static byte[] body(Alert alert) {
        ObjectNode body = JSON.createObjectNode();
        body.put("text", text(alert));
        try {
            return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a Slack message", e);
        }
    }

    @Override
    public String toString() {
        return "SlackNotifier[" + name + "]";
    }
}
