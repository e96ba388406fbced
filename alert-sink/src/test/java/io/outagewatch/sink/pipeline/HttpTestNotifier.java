package io.outagewatch.sink.pipeline;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.sink.notify.Delivery;
import io.outagewatch.sink.notify.Notifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A minimal real receiver for tests: POSTs the alert JSON and classifies the answer the way the
 * production notifiers do: 2xx delivered; 429, 5xx and network errors retryable (with Retry-After
 * in seconds); other 4xx rejected. Remembers, on the injected clock, when it tried.
 */
final class HttpTestNotifier implements Notifier {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String name;
    private final URI uri;
    private final double maxPerMinute;
    private final Clock clock;
    private final HttpClient client =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(TIMEOUT)
                    .build();
    private final List<Instant> attempts = new ArrayList<>();

    HttpTestNotifier(String name, URI uri, double maxPerMinute, Clock clock) {
        this.name = name;
        this.uri = uri;
        this.maxPerMinute = maxPerMinute;
        this.clock = clock;
    }

    /** Unlimited rate. */
    HttpTestNotifier(String name, URI uri, Clock clock) {
        this(name, uri, Double.POSITIVE_INFINITY, clock);
    }

    synchronized List<Instant> attempts() {
        return List.copyOf(attempts);
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
        return maxPerMinute;
    }

    @Override
    public Delivery deliver(Alert alert) throws InterruptedException {
        synchronized (this) {
            attempts.add(clock.instant());
        }
        HttpRequest request =
                HttpRequest.newBuilder(uri)
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        AlertSerde.INSTANCE.toJson(alert)))
                        .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Delivery.Retryable("network: " + e, Optional.empty());
        }
        int status = response.statusCode();
        String detail = "HTTP " + status + ": " + response.body();
        if (status / 100 == 2) {
            return new Delivery.Delivered(detail);
        }
        if (status == 429 || status / 100 == 5) {
            return new Delivery.Retryable(
                    detail,
                    response.headers()
                            .firstValue("Retry-After")
                            .map(v -> Duration.ofSeconds(Long.parseLong(v.strip()))));
        }
        return new Delivery.Rejected(detail);
    }
}
