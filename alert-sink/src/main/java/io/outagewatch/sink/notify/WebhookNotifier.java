package io.outagewatch.sink.notify;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * POSTs each alert's wire JSON ({@link AlertSerde}) to an endpoint, signed per the Standard
 * Webhooks specification (see {@link StandardWebhookSigner}).
 *
 * <p>Headers: {@code webhook-id} = {@code <incidentId>-v<version>}, the same on every retry of an
 * alert so receivers can deduplicate (characters other than ASCII letters, digits, {@code _} and
 * {@code -} in the incident id are percent-encoded, since the spec forbids {@code .} in the id);
 * {@code webhook-timestamp} = unix seconds of this attempt from the injected clock; {@code
 * webhook-signature} = {@code v1,<base64>} per secret.
 *
 * <p>Answers: 2xx delivered; 408, 429, 5xx and network errors retryable with {@code Retry-After};
 * 3xx (redirects are not followed) and other 4xx rejected. 410 means the receiver wants no more
 * webhooks; it is rejected with a detail saying so.
 */
public final class WebhookNotifier implements Notifier {

    /** Unless configured: a generous pace for a self-hosted endpoint. */
    public static final double DEFAULT_MAX_DELIVERIES_PER_MINUTE = 600;

    private final String name;
    private final URI url;
    private final StandardWebhookSigner signer;
    private final Clock clock;
    private final HttpDelivery http;
    private final double maxDeliveriesPerMinute;

    public WebhookNotifier(
            String name, String url, StandardWebhookSigner signer, Clock clock, HttpDelivery http) {
        this(name, url, signer, clock, http, DEFAULT_MAX_DELIVERIES_PER_MINUTE);
    }

    public WebhookNotifier(
            String name,
            String url,
            StandardWebhookSigner signer,
            Clock clock,
            HttpDelivery http,
            double maxDeliveriesPerMinute) {
        this.name = Objects.requireNonNull(name, "name");
        this.url = HttpDelivery.httpUrl("the webhook URL", url, false);
        this.signer = Objects.requireNonNull(signer, "signer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = Objects.requireNonNull(http, "http");
        if (!(maxDeliveriesPerMinute > 0) || Double.isInfinite(maxDeliveriesPerMinute)) {
            throw new IllegalArgumentException(
                    "maxDeliveriesPerMinute must be positive, got " + maxDeliveriesPerMinute);
        }
        this.maxDeliveriesPerMinute = maxDeliveriesPerMinute;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "webhook";
    }

    @Override
    public double maxDeliveriesPerMinute() {
        return maxDeliveriesPerMinute;
    }

    @Override
    public Delivery deliver(Alert alert) throws InterruptedException {
        byte[] body = AlertSerde.INSTANCE.toBytes(alert);
        String id = webhookId(alert);
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", id);
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", signer.sign(id, timestamp, body));
        return http.post(url, "application/json", body, headers, this::classify);
    }

    private Delivery classify(HttpDelivery.Response response) {
        if (response.status() == 410) {
            return new Delivery.Rejected(
                    response.detail() + " (the receiver asks to disable this endpoint)");
        }
        return http.classify(response);
    }

    /** {@code <incidentId>-v<version>}, with the incident id made safe for the header. */
    public static String webhookId(Alert alert) {
        StringBuilder id = new StringBuilder();
        for (byte b : alert.incidentId().getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '_'
                    || c == '-') {
                id.append((char) c);
            } else {
                id.append('%').append(String.format("%02X", c));
            }
        }
        return id.append("-v").append(alert.version()).toString();
    }

    @Override
    public String toString() {
        // Only the origin: a generic webhook URL may carry a token in its path or query.
        return "WebhookNotifier["
                + name
                + " -> "
                + url.getScheme()
                + "://"
                + url.getAuthority()
                + "]";
    }
}
