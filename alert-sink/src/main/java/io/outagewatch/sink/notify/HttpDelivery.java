package io.outagewatch.sink.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP POST per delivery attempt, and the translation of its outcome into a {@link Delivery}.
 *
 * <p>Every attempt has a deadline ({@link #DEFAULT_TIMEOUT} unless configured) that covers
 * connecting, the response headers and the response body. Only the first {@link
 * #MAX_DETAIL_BODY_BYTES} bytes of a response body are kept, for the delivery's detail; the rest is
 * not read. The request URL, its path and its query are replaced by {@code <url>}, {@code <path>}
 * and {@code <query>} in that text, because receivers and proxies quote them in error pages and a
 * Slack webhook URL is a secret. Redirects are never followed. Transport failures (refused
 * connection, reset, timeout) become {@link Delivery.Retryable}; {@link InterruptedException} is
 * passed on.
 *
 * <p>The default classification ({@link #classify}):
 *
 * <ul>
 *   <li>2xx: {@link Delivery.Delivered};
 *   <li>408, 429 and 5xx: {@link Delivery.Retryable}, with the receiver's {@code Retry-After}
 *       (delay seconds or an HTTP-date) when it sent one;
 *   <li>everything else (3xx, other 4xx): {@link Delivery.Rejected}.
 * </ul>
 *
 * <p>Thread-safe: one instance may serve every notifier of a sink.
 */
public final class HttpDelivery {

    /** The per-attempt deadline unless one is configured. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** How much of a response body ends up in a delivery's detail. */
    public static final int MAX_DETAIL_BODY_BYTES = 4096;

    static final String USER_AGENT = "OutageWatch-alert-sink";

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    /** A status code and the start of the body, as the receiver answered. */
    public record Response(int status, HttpHeaders headers, String body) {
        public Response {
            Objects.requireNonNull(headers, "headers");
            Objects.requireNonNull(body, "body");
        }

        /** {@code HTTP 400: <body>}, or just {@code HTTP 400} when the body is empty. */
        public String detail() {
            return body.isEmpty() ? "HTTP " + status : "HTTP " + status + ": " + body;
        }
    }

    /** Turns a receiver's answer into the outcome of the attempt. */
    @FunctionalInterface
    public interface Classifier {
        Delivery classify(Response response);
    }

    /** An HTTP client with the default timeout and the system clock. */
    public static HttpDelivery create() {
        return create(DEFAULT_TIMEOUT, Clock.systemUTC());
    }

    /**
     * @param timeout the deadline of one attempt, from connecting to the end of the body
     * @param clock used to turn a {@code Retry-After} HTTP-date into a delay
     */
    public static HttpDelivery create(Duration timeout, Clock clock) {
        requirePositive(timeout);
        HttpClient client =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(timeout)
                        .build();
        return new HttpDelivery(client, timeout, clock);
    }

    HttpDelivery(HttpClient client, Duration timeout, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = requirePositive(timeout);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Duration timeout() {
        return timeout;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Checks that {@code url} is an absolute http or https URL with a host.
     *
     * @param what names the setting in the error message, e.g. {@code --pagerduty-url}
     * @param secret whether the URL itself is a secret (a Slack webhook); its text is then left out
     *     of error messages
     * @throws IllegalArgumentException when it is not
     */
    public static URI httpUrl(String what, String url, boolean secret) {
        Objects.requireNonNull(url, what);
        String shown = secret ? "(the URL is secret and not shown)" : "'" + url + "'";
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(what + " is not a valid URL " + shown);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException(what + " must be an http or https URL " + shown);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException(what + " has no host " + shown);
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    what + " must not carry user:password in the URL " + shown);
        }
        return uri;
    }

    /** POSTs a JSON body and classifies the answer with {@link #classify}. */
    public Delivery postJson(URI uri, byte[] body, Map<String, String> headers)
            throws InterruptedException {
        return post(uri, "application/json", body, headers, this::classify);
    }

    /**
     * Makes one POST and classifies the answer.
     *
     * @param headers extra request headers; values must be valid header text
     */
    public Delivery post(
            URI uri,
            String contentType,
            byte[] body,
            Map<String, String> headers,
            Classifier classifier)
            throws InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri)
                        .timeout(timeout)
                        .header("Content-Type", contentType)
                        .header("User-Agent", USER_AGENT)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(
                        request.build(), info -> new BoundedBodySubscriber(MAX_DETAIL_BODY_BYTES));
        HttpResponse<byte[]> response;
        try {
            // The request timeout covers only the headers; this deadline also covers the body.
            response = future.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Delivery.Retryable(
                    "no complete answer within " + AlertText.duration(timeout.toSeconds()),
                    Optional.empty());
        } catch (ExecutionException e) {
            return transportFailure(e.getCause(), uri);
        }
        return classifier.classify(
                new Response(
                        response.statusCode(),
                        response.headers(),
                        withoutUrl(text(response.body()), uri)));
    }

    /** The default classification; see the class comment. */
    public Delivery classify(Response response) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return new Delivery.Delivered(response.detail());
        }
        if (status == 408 || status == 429 || status >= 500) {
            return retryable(response);
        }
        if (status >= 300 && status < 400) {
            return new Delivery.Rejected(response.detail() + " (redirects are not followed)");
        }
        return new Delivery.Rejected(response.detail());
    }

    /** A retryable outcome carrying the receiver's Retry-After, when it sent a usable one. */
    public Delivery.Retryable retryable(Response response) {
        return new Delivery.Retryable(
                response.detail(),
                response.headers().firstValue("Retry-After").flatMap(this::parseRetryAfter));
    }

    /**
     * Reads a {@code Retry-After} value: delay seconds ({@code 120}) or an HTTP-date ({@code Wed,
     * 21 Oct 2015 07:28:00 GMT}, turned into the delay from now; a date in the past means no wait).
     * Anything else is ignored.
     */
    public Optional<Duration> parseRetryAfter(String value) {
        String text = value.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            Instant at =
                    ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration delay = Duration.between(clock.instant(), at);
            return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Delivery transportFailure(Throwable cause, URI uri) {
        String what =
                cause instanceof java.net.http.HttpTimeoutException
                        ? "timed out"
                        : cause instanceof java.net.ConnectException
                                ? "connection failed"
                                : cause instanceof IOException ? "network error" : "request failed";
        String message = cause == null ? null : cause.getMessage();
        String detail =
                what + " (" + (cause == null ? "unknown" : cause.getClass().getSimpleName());
        if (message != null && !message.isBlank()) {
            // Some messages quote the URL, and a Slack webhook URL is a secret.
            detail += ": " + withoutUrl(message, uri);
        }
        return new Delivery.Retryable(detail + ")", Optional.empty());
    }

    /** The text with the URL, its path and its query (raw and decoded) replaced by placeholders. */
    static String withoutUrl(String text, URI uri) {
        String shown = text.replace(uri.toString(), "<url>");
        for (String path : new String[] {uri.getRawPath(), uri.getPath()}) {
            if (path != null && path.length() > 1) {
                shown = shown.replace(path, "<path>");
            }
        }
        for (String query : new String[] {uri.getRawQuery(), uri.getQuery()}) {
            if (query != null && !query.isEmpty()) {
                shown = shown.replace(query, "<query>");
            }
        }
        return shown;
    }

    /** Printable text of a response body: UTF-8, control characters turned into spaces. */
    private static String text(byte[] body) {
        String decoded = new String(body, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(decoded.length());
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return out.toString().strip();
    }

    private static Duration requirePositive(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the HTTP timeout must be positive, got " + timeout);
        }
        return timeout;
    }

    /** Keeps the first {@code limit} bytes of a body and stops reading after that. */
    private static final class BoundedBodySubscriber
            implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final byte[] buffer;
        private int length;
        private Flow.Subscription subscription;

        BoundedBodySubscriber(int limit) {
            buffer = new byte[limit];
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                int n = Math.min(item.remaining(), buffer.length - length);
                item.get(buffer, length, n);
                length += n;
            }
            if (length == buffer.length) {
                complete();
                subscription.cancel();
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            complete();
        }

        private void complete() {
            byte[] body = new byte[length];
            System.arraycopy(buffer, 0, body, 0, length);
            result.complete(body);
        }
    }
}
