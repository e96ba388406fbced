package io.outagewatch.sink.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.Severity;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Sends alerts to a PagerDuty service through the Events API v2 ({@code POST /v2/enqueue}).
 *
 * <p>One incident is one PagerDuty alert: every event carries {@code dedup_key} = the alert's
 * {@code incidentId}. {@link AlertType#OUTAGE_STARTED} and {@link AlertType#OUTAGE_UPDATED} send
 * {@code trigger} (a trigger on an open alert only adds to its log), {@link
 * AlertType#OUTAGE_RECOVERED} sends {@code resolve} with only {@code routing_key}, {@code
 * event_action} and {@code dedup_key}.
 *
 * <p>Trigger fields: {@code payload.summary} = {@link AlertText#headline} (service, severity,
 * regions, onset, estimated length, time left and what the estimate rests on; at most 1024
 * characters: a longer one names fewer regions, then is cut), {@code payload.source} = {@code
 * outagewatch}, {@code payload.severity} per the table below, {@code payload.timestamp} = {@code
 * detectedAt}, {@code payload.component} = the service, {@code payload.class} = {@code outage},
 * {@code payload.custom_details} = the evidence, regions, estimate, time left and its basis,
 * official status and lead (names as in the alert's wire JSON), {@code client} = {@code
 * OutageWatch}. {@code payload.group} is not sent: OutageWatch has no grouping of services that
 * would mean something in PagerDuty, and severity already has its own field.
 *
 * <table>
 *   <caption>Severity mapping</caption>
 *   <tr><th>OutageWatch</th><th>PagerDuty {@code payload.severity}</th></tr>
 *   <tr><td>MAJOR</td><td>critical</td></tr>
 *   <tr><td>PARTIAL</td><td>error</td></tr>
 *   <tr><td>DEGRADED</td><td>warning</td></tr>
 * </table>
 *
 * <p>Answers: 202 delivered; 429, 5xx, 408 and network errors retryable (honouring {@code
 * Retry-After}); any other 4xx (e.g. 400 "invalid event") rejected. A resolve for an alert that is
 * no longer open is accepted by PagerDuty and silently ignored, so re-sending one is harmless.
 */
public final class PagerDutyNotifier implements Notifier {

    /** The public Events API v2 endpoint. */
    public static final String DEFAULT_URL = "https://events.pagerduty.com/v2/enqueue";

    /** PagerDuty allows about 120 events a minute per routing key. */
    public static final double MAX_DELIVERIES_PER_MINUTE = 120;

    public static final int SUMMARY_MAX_CHARS = 1024;
    public static final int DEDUP_KEY_MAX_CHARS = 255;
    public static final int ROUTING_KEY_CHARS = 32;

    /** PagerDuty refuses events over 512 KB; custom details are replaced when over this. */
    static final int MAX_EVENT_BYTES = 512_000;

    static final String SOURCE = "outagewatch";
    static final String CLIENT = "OutageWatch";
    static final String CLASS = "outage";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final URI endpoint;
    private final String routingKey;
    private final HttpDelivery http;

    /**
     * @param endpoint the Events API URL, normally {@link #DEFAULT_URL} ({@code --pagerduty-url})
     * @param routingKey the 32-character integration key of the PagerDuty service
     */
    public PagerDutyNotifier(String name, URI endpoint, String routingKey, HttpDelivery http) {
        this.name = Objects.requireNonNull(name, "name");
        this.endpoint = HttpDelivery.httpUrl("the PagerDuty URL", endpoint.toString(), false);
        Objects.requireNonNull(routingKey, "routingKey");
        if (routingKey.length() != ROUTING_KEY_CHARS
                || !routingKey.chars().allMatch(c -> c > ' ' && c < 127)) {
            // The length is safe to say; the key itself is not.
            throw new IllegalArgumentException(
                    "the PagerDuty routing key must be "
                            + ROUTING_KEY_CHARS
                            + " printable ASCII characters; the one given has "
                            + routingKey.length());
        }
        this.routingKey = routingKey;
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "pagerduty";
    }

    @Override
    public double maxDeliveriesPerMinute() {
        return MAX_DELIVERIES_PER_MINUTE;
    }

    @Override
    public Delivery deliver(Alert alert) throws InterruptedException {
        // The routing key is in every event, and a receiver may quote the event back.
        return http.postJson(endpoint, event(alert), Map.of()).redact(routingKey, "<routing key>");
    }

    /** The PagerDuty severity of an OutageWatch severity; see the class comment. */
    public static String severity(Severity severity) {
        return switch (severity) {
            case MAJOR -> "critical";
            case PARTIAL -> "error";
            case DEGRADED -> "warning";
        };
    }

    /** The event body for an alert, as UTF-8 JSON. */
    byte[] event(Alert alert) {
        ObjectNode event = JSON.createObjectNode();
        event.put("routing_key", routingKey);
        String dedupKey = alert.incidentId();
        if (dedupKey.length() > DEDUP_KEY_MAX_CHARS) {
            // Alert caps incident ids at 128 code points, so this cannot happen today; cutting the
            // key would merge incidents, so refuse loudly instead.
            throw new IllegalStateException("incidentId is too long for a PagerDuty dedup_key");
        }
        if (alert.type() == AlertType.OUTAGE_RECOVERED) {
            event.put("event_action", "resolve");
            event.put("dedup_key", dedupKey);
            return bytes(event);
        }
        event.put("event_action", "trigger");
        event.put("dedup_key", dedupKey);
        ObjectNode payload = event.putObject("payload");
        payload.put("summary", AlertText.headline(alert, AlertText.PLAIN, SUMMARY_MAX_CHARS));
        payload.put("source", SOURCE);
        payload.put("severity", severity(alert.severity()));
        payload.put("timestamp", alert.detectedAt().toString());
        payload.put("component", alert.service());
        payload.put("class", CLASS);
        payload.set("custom_details", customDetails(alert));
        event.put("client", CLIENT);
        byte[] body = bytes(event);
        if (body.length > MAX_EVENT_BYTES) {
            payload.put(
                    "custom_details",
                    "details left out: the event would exceed PagerDuty's 512 KB limit");
            body = bytes(event);
        }
        return body;
    }

    /**
     * Evidence, regions, estimate, time left, basis, official status, lead and related incidents,
     * named as in the alert's JSON; {@code estimatedDuration} and {@code estimatedRemaining} are
     * the estimates as text, {@code sharedCause} the related incidents as text ({@code one of 3
     * services failing in us-east since 13:40}).
     */
    static ObjectNode customDetails(Alert alert) {
        JsonNode wire;
        try {
            wire = JSON.readTree(AlertSerde.INSTANCE.toJson(alert));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the alert serde wrote JSON Jackson cannot read", e);
        }
        ObjectNode details = JSON.createObjectNode();
        details.put("incidentId", alert.incidentId());
        details.put("alertType", alert.type().name());
        details.put("version", alert.version());
        details.put("severity", alert.severity().name());
        details.put("regions", AlertText.regions(alert.regions()));
        details.put("startedAt", AlertText.instant(alert.startedAt()));
        details.put("detectedAt", AlertText.instant(alert.detectedAt()));
        String estimate = AlertText.estimate(alert);
        if (!estimate.isEmpty()) {
            details.put("estimatedDuration", estimate);
            details.put("estimatedDurationSeconds", alert.estimatedDurationSeconds());
            details.put("estimatedDurationLowSeconds", alert.estimatedDurationLowSeconds());
            details.put("estimatedDurationHighSeconds", alert.estimatedDurationHighSeconds());
        }
        String timeLeft = AlertText.timeLeft(alert);
        if (!timeLeft.isEmpty()) {
            details.put("estimatedRemaining", timeLeft);
            details.put("estimatedRemainingSeconds", alert.estimatedRemainingSeconds());
            details.put("estimatedRemainingLowSeconds", alert.estimatedRemainingLowSeconds());
            details.put("estimatedRemainingHighSeconds", alert.estimatedRemainingHighSeconds());
        }
        if (alert.estimateBasis() != null) {
            details.put("estimateBasis", alert.estimateBasis());
        }
        details.set("evidence", wire.get("evidence"));
        if (wire.has("officialStatus")) {
            details.set("officialStatus", wire.get("officialStatus"));
        }
        if (alert.leadSecondsOverAck() != null) {
            details.put("leadSecondsOverAck", alert.leadSecondsOverAck());
            details.put("lead", AlertText.lead(alert.leadSecondsOverAck()));
        }
        if (wire.has("related")) {
            details.put("sharedCause", AlertText.sharedCause(alert));
            details.set("related", wire.get("related"));
        }
        return details;
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a PagerDuty event", e);
        }
    }

    @Override
    public String toString() {
        return "PagerDutyNotifier[" + name + " -> " + endpoint + "]";
    }
}
