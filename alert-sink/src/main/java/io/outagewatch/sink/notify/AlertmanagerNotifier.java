package io.outagewatch.sink.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Pushes alerts into one or more Prometheus Alertmanagers ({@code POST /api/v2/alerts}), the way
 * Prometheus does.
 *
 * <p>Each alert becomes one {@code postableAlert}: labels {@code alertname=OutageWatchOutage},
 * {@code service}, {@code severity} (the PagerDuty words: critical, error, warning) and {@code
 * incident_id}; annotations {@code summary} ({@link AlertText#headline}) and {@code description}
 * ({@link AlertText#details}); {@code startsAt} = the outage's start; {@code endsAt} = its recovery
 * on {@link AlertType#OUTAGE_RECOVERED} and absent otherwise; {@code generatorURL} when configured.
 *
 * <p>Alertmanager is stateless about its clients: an open alert without {@code endsAt} resolves by
 * itself after {@code resolve_timeout} (5 min by default) unless it is pushed again. The pipeline
 * must therefore re-send the latest alert of every open incident every {@link #resendInterval()} (1
 * min, as Prometheus does), and re-send a recovery for {@link #resolvedResendWindow()} after it, in
 * case an Alertmanager restarted. Re-sending is harmless: Alertmanager deduplicates by label set.
 *
 * <p>The labels are the alert's identity in Alertmanager. When an incident's severity changes, its
 * label set changes, so the alert with the old severity is no longer re-sent and resolves by itself
 * after {@code resolve_timeout}.
 *
 * <p>High availability: one notifier posts to every configured Alertmanager, as the Alertmanager
 * documentation asks, not to a load balancer. The outcome is combined: delivered when every one
 * accepted; otherwise retryable when any failure is retryable (re-posting to those that already
 * accepted is harmless), with the longest {@code Retry-After}; otherwise rejected. Per
 * Alertmanager: 2xx delivered, 5xx and network errors retryable, every 4xx rejected (400 means the
 * alert failed validation).
 */
public final class AlertmanagerNotifier implements Notifier {

    public static final String ALERT_NAME = "OutageWatchOutage";
    public static final String API_PATH = "/api/v2/alerts";

    /** How often the pipeline re-sends open incidents; Prometheus' default resend delay. */
    public static final Duration DEFAULT_RESEND_INTERVAL = Duration.ofMinutes(1);

    /** How long after recovery the recovery is re-sent (Alertmanager's advice). */
    public static final Duration RESOLVED_RESEND_WINDOW = Duration.ofMinutes(5);

    /** Unless configured: Alertmanager copes with far more, this only guards against a loop. */
    public static final double DEFAULT_MAX_DELIVERIES_PER_MINUTE = 600;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final List<URI> endpoints;
    private final Optional<URI> generatorUrl;
    private final HttpDelivery http;
    private final Duration resendInterval;

    /**
     * @param alertmanagers base URLs such as {@code http://alertmanager-0:9093} (with a route
     *     prefix if Alertmanager has one); {@value #API_PATH} is added unless already there
     * @param generatorUrl a link for the alert's "Source" button, e.g. a dashboard; may be empty
     */
    public AlertmanagerNotifier(
            String name,
            List<String> alertmanagers,
            Optional<String> generatorUrl,
            HttpDelivery http) {
        this(name, alertmanagers, generatorUrl, http, DEFAULT_RESEND_INTERVAL);
    }

    public AlertmanagerNotifier(
            String name,
            List<String> alertmanagers,
            Optional<String> generatorUrl,
            HttpDelivery http,
            Duration resendInterval) {
        this.name = Objects.requireNonNull(name, "name");
        Objects.requireNonNull(alertmanagers, "alertmanagers");
        if (alertmanagers.isEmpty()) {
            throw new IllegalArgumentException("an Alertmanager receiver needs at least one URL");
        }
        List<URI> uris = new ArrayList<>();
        for (String base : alertmanagers) {
            uris.add(endpoint(base));
        }
        this.endpoints = List.copyOf(uris);
        this.generatorUrl =
                generatorUrl.map(
                        u -> HttpDelivery.httpUrl("the Alertmanager generatorURL", u, false));
        this.http = Objects.requireNonNull(http, "http");
        Objects.requireNonNull(resendInterval, "resendInterval");
        if (resendInterval.isNegative() || resendInterval.isZero()) {
            throw new IllegalArgumentException("the resend interval must be positive");
        }
        this.resendInterval = resendInterval;
    }

    private static URI endpoint(String base) {
        URI uri = HttpDelivery.httpUrl("the Alertmanager URL", base, false);
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "the Alertmanager URL must not have a query or fragment '" + base + "'");
        }
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        if (!text.endsWith(API_PATH)) {
            text += API_PATH;
        }
        return URI.create(text);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "alertmanager";
    }

    @Override
    public double maxDeliveriesPerMinute() {
        return DEFAULT_MAX_DELIVERIES_PER_MINUTE;
    }

    /** How often the pipeline re-sends the latest alert of each open incident. */
    @Override
    public Optional<Duration> resendInterval() {
        return Optional.of(resendInterval);
    }

    /** How long after a recovery the pipeline should keep re-sending it. */
    public Duration resolvedResendWindow() {
        return RESOLVED_RESEND_WINDOW;
    }

    /** The URLs this notifier posts to, one per Alertmanager. */
    public List<URI> endpoints() {
        return endpoints;
    }

    @Override
    public Delivery deliver(Alert alert) throws InterruptedException {
        byte[] body = body(alert);
        List<Delivery> outcomes = new ArrayList<>();
        for (URI endpoint : endpoints) {
            outcomes.add(http.post(endpoint, "application/json", body, Map.of(), this::classify));
        }
        return combine(outcomes);
    }

    private Delivery classify(HttpDelivery.Response response) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return new Delivery.Delivered(response.detail());
        }
        if (status >= 500) {
            return http.retryable(response);
        }
        return new Delivery.Rejected(response.detail());
    }

    private Delivery combine(List<Delivery> outcomes) {
        if (outcomes.size() == 1) {
            return outcomes.get(0);
        }
        StringBuilder detail = new StringBuilder();
        boolean retryable = false;
        boolean rejected = false;
        Optional<Duration> retryAfter = Optional.empty();
        for (int i = 0; i < outcomes.size(); i++) {
            Delivery outcome = outcomes.get(i);
            if (i > 0) {
                detail.append("; ");
            }
            detail.append(endpoints.get(i).getAuthority()).append(": ");
            if (outcome instanceof Delivery.Retryable r) {
                retryable = true;
                detail.append("retryable, ");
                if (r.retryAfter().isPresent()
                        && (retryAfter.isEmpty()
                                || r.retryAfter().get().compareTo(retryAfter.get()) > 0)) {
                    retryAfter = r.retryAfter();
                }
            } else if (outcome instanceof Delivery.Rejected) {
                rejected = true;
                detail.append("rejected, ");
            }
            detail.append(outcome.detail());
        }
        if (retryable) {
            return new Delivery.Retryable(detail.toString(), retryAfter);
        }
        if (rejected) {
            return new Delivery.Rejected(detail.toString());
        }
        return new Delivery.Delivered(detail.toString());
    }

    /** The request body: a JSON array with one postableAlert. */
    byte[] body(Alert alert) {
        ArrayNode body = JSON.createArrayNode();
        ObjectNode postable = body.addObject();
        ObjectNode labels = postable.putObject("labels");
        labels.put("alertname", ALERT_NAME);
        labels.put("service", alert.service());
        labels.put("severity", PagerDutyNotifier.severity(alert.severity()));
        labels.put("incident_id", alert.incidentId());
        ObjectNode annotations = postable.putObject("annotations");
        annotations.put("summary", AlertText.headline(alert));
        annotations.put(
                "description", String.join("\n", AlertText.details(alert, AlertText.PLAIN)));
        if (!alert.related().isEmpty()) {
            annotations.put("related", AlertText.related(alert));
        }
        postable.put("startsAt", alert.startedAt().toString());
        if (alert.type() == AlertType.OUTAGE_RECOVERED) {
            postable.put("endsAt", alert.recoveredAt().toString());
        }
        generatorUrl.ifPresent(u -> postable.put("generatorURL", u.toString()));
        try {
            return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an Alertmanager alert", e);
        }
    }

    @Override
    public String toString() {
        return "AlertmanagerNotifier[" + name + " -> " + endpoints + "]";
    }
}
