package io.outagewatch.sink.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.outagewatch.sink.silence.Silence;
import io.outagewatch.sink.silence.SilenceJson;
import io.outagewatch.sink.silence.SilenceRequest;
import io.outagewatch.sink.silence.SilenceStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The silences API on the sink's HTTP port, JSON in and out:
 *
 * <ul>
 *   <li>{@code GET /api/v1/silences}: the silences not ended yet; {@code ?all=true} adds ended
 *       ones;
 *   <li>{@code POST /api/v1/silences}: makes one from {@code
 *       {"service","severity"?,"region"?,"startsAt"?,"endsAt"|"duration","createdBy"?,"comment"}};
 *       201 with the silence;
 *   <li>{@code DELETE /api/v1/silences/{id}}: ends it now; 200 with the silence, 404 when unknown.
 * </ul>
 *
 * Every request needs {@code Authorization: Bearer TOKEN} ({@link ApiToken}, compared in constant
 * time and never logged); then, as at the intake, the request rate is limited (429 with {@code
 * Retry-After}) and the body is limited to {@link #MAX_BODY_BYTES} (413), judged by the declared
 * length first and never read past the limit.
 */
public final class SilenceApi {

    public static final String PATH = "/api/v1/silences";
    public static final String REALM = "outagewatch-sink";

    /** A silence is a few hundred bytes; this leaves room for long comments, not for abuse. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    static final String CREATED_BY_DEFAULT = "api";

    private static final Logger LOG = LoggerFactory.getLogger(SilenceApi.class);
    private static final ObjectMapper JSON = SilenceJson.mapper();
    private static final String JSON_TYPE = "application/json";
    private static final Set<String> FIELDS =
            Set.of(
                    "service",
                    "severity",
                    "region",
                    "startsAt",
                    "endsAt",
                    "duration",
                    "createdBy",
                    "comment");

    private final ApiToken token;
    private final RequestRateLimiter rateLimiter;
    private final SilenceStore store;
    private final Clock clock;

    public SilenceApi(
            ApiToken token, RequestRateLimiter rateLimiter, SilenceStore store, Clock clock) {
        this.token = Objects.requireNonNull(token, "token");
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The API with the intake's rate limits on the system's monotonic clock. */
    public static SilenceApi create(ApiToken token, SilenceStore store, Clock clock) {
        return new SilenceApi(
                token,
                new RequestRateLimiter(
                        RequestRateLimiter.DEFAULT_RATE,
                        RequestRateLimiter.DEFAULT_BURST,
                        System::nanoTime),
                store,
                clock);
    }

    /** Serves one exchange under {@link #PATH}. */
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (!token.accepts(authorization)) {
                boolean presented = ApiToken.isBearer(authorization);
                exchange.getResponseHeaders()
                        .add(
                                "WWW-Authenticate",
                                "Bearer realm=\""
                                        + REALM
                                        + "\""
                                        + (presented ? ", error=\"invalid_token\"" : ""));
                error(
                        exchange,
                        401,
                        presented ? "invalid bearer token" : "a bearer token is required");
                return;
            }
            Duration wait = rateLimiter.tryAcquire();
            if (!wait.isZero()) {
                long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
                exchange.getResponseHeaders().add("Retry-After", Long.toString(seconds));
                error(exchange, 429, "rate limit exceeded; retry after " + seconds + " s");
                return;
            }
            route(exchange);
        } catch (RuntimeException e) {
            LOG.error("silences API: {} {} failed", exchange.getRequestMethod(), PATH, e);
            error(exchange, 500, "internal error: " + e.getClass().getSimpleName());
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals(PATH) || path.equals(PATH + "/")) {
            switch (method) {
                case "GET" -> list(exchange);
                case "POST" -> create(exchange);
                default -> methodNotAllowed(exchange, "GET, POST");
            }
            return;
        }
        String id = path.startsWith(PATH + "/") ? path.substring(PATH.length() + 1) : "";
        if (id.isEmpty() || id.contains("/")) {
            error(exchange, 404, "no such path");
            return;
        }
        if (!method.equals("DELETE")) {
            methodNotAllowed(exchange, "DELETE");
            return;
        }
        Instant now = clock.instant();
        Optional<Silence> expired = store.expire(id, now);
        if (expired.isEmpty()) {
            error(exchange, 404, "no silence " + id);
            return;
        }
        LOG.info("silences API: expired {}", id);
        send(exchange, 200, SilenceJson.node(expired.get(), now));
    }

    private void list(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        boolean all = query != null && Set.of(query.split("&")).contains("all=true");
        Instant now = clock.instant();
        ObjectNode body = JSON.createObjectNode();
        ArrayNode silences = body.putArray("silences");
        for (Silence silence : store.silences()) {
            if (all || !silence.endedAt(now)) {
                silences.add(SilenceJson.node(silence, now));
            }
        }
        send(exchange, 200, body);
    }

    private void create(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                error(exchange, 400, "Content-Length is not a number");
                return;
            }
            if (length > MAX_BODY_BYTES) {
                tooLarge(exchange);
                return;
            }
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            // One byte more than allowed tells an oversized chunked body from one at the limit.
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            tooLarge(exchange);
            return;
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            error(exchange, 400, "the body is not JSON");
            return;
        }
        if (root == null || !root.isObject()) {
            error(exchange, 400, "the body must be a JSON object");
            return;
        }
        Set<String> unknown = new TreeSet<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                unknown.add(name);
            } else if (!root.get(name).isTextual() && !root.get(name).isNull()) {
                error(exchange, 400, name + " must be a string");
                return;
            }
        }
        if (!unknown.isEmpty()) {
            error(
                    exchange,
                    400,
                    "unknown fields " + unknown + "; known are " + new TreeSet<>(FIELDS));
            return;
        }
        Instant now = clock.instant();
        Silence silence;
        try {
            silence =
                    new SilenceRequest(
                                    text(root, "service"),
                                    text(root, "severity"),
                                    text(root, "region"),
                                    text(root, "startsAt"),
                                    text(root, "endsAt"),
                                    text(root, "duration"),
                                    text(root, "createdBy"),
                                    text(root, "comment"))
                            .toSilence(now, CREATED_BY_DEFAULT, Optional.empty());
        } catch (IllegalArgumentException e) {
            error(exchange, 400, e.getMessage());
            return;
        }
        store.add(silence);
        LOG.info(
                "silences API: {} silences {} from {} to {}",
                silence.id(),
                silence.service(),
                silence.startsAt(),
                silence.endsAt());
        send(exchange, 201, SilenceJson.node(silence, now));
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void tooLarge(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Connection", "close");
        error(exchange, 413, "body is larger than " + MAX_BODY_BYTES + " bytes");
    }

    private static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().add("Allow", allowed);
        error(exchange, 405, "method not allowed");
    }

    private static void error(HttpExchange exchange, int status, String message)
            throws IOException {
        send(exchange, status, JSON.createObjectNode().put("error", message));
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        exchange.getResponseHeaders().add("Content-Type", JSON_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
