package io.outagewatch.ingest.statuspage;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP server on 127.0.0.1 that serves status-page documents the test changes over time.
 * Documents carry an ETag and a Last-Modified, and the server answers 304 when a request's
 * validators match, like a status page's CDN.
 */
final class FixtureServer implements AutoCloseable {

    /** One answer: a document, or a bare status with headers. */
    record Reply(int status, byte[] body, Map<String, String> headers, boolean conditional) {

        /** A document with validators; a request that presents them gets 304. */
        static Reply document(String body, String etag, String lastModified) {
            Map<String, String> headers = new HashMap<>();
            headers.put("ETag", etag);
            headers.put("Last-Modified", lastModified);
            headers.put("Content-Type", "application/json; charset=utf-8");
            return new Reply(200, body.getBytes(StandardCharsets.UTF_8), headers, true);
        }

        /** A document without validators, as from a server that ignores caching. */
        static Reply plain(String body) {
            return new Reply(
                    200,
                    body.getBytes(StandardCharsets.UTF_8),
                    Map.of("Content-Type", "application/json"),
                    false);
        }

        static Reply status(int status, Map<String, String> headers) {
            return new Reply(status, new byte[0], headers, false);
        }
    }

    /** What the server saw of one request. */
    record Request(
            String path, String ifNoneMatch, String ifModifiedSince, Instant at, int answered) {}

    private final HttpServer server;
    private final Clock clock;
    private final Map<String, Reply> sticky = new HashMap<>();
    private final Map<String, Deque<Reply>> once = new HashMap<>();
    private final List<Request> requests = new ArrayList<>();

    /**
     * @param clock stamps each request, so tests can check when the poller came back
     */
    FixtureServer(Clock clock) {
        this.clock = clock;
        try {
            server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The answer to every request for {@code path} from now on. */
    synchronized void serve(String path, Reply reply) {
        sticky.put(path, reply);
    }

    /** The answer to the next request for {@code path} only, before the sticky one. */
    synchronized void serveOnce(String path, Reply reply) {
        once.computeIfAbsent(path, p -> new ArrayDeque<>()).add(reply);
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized Request lastRequest() {
        return requests.get(requests.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream ignored = exchange.getRequestBody()) {
            String path = exchange.getRequestURI().getPath();
            Headers headers = exchange.getRequestHeaders();
            String ifNoneMatch = headers.getFirst("If-None-Match");
            String ifModifiedSince = headers.getFirst("If-Modified-Since");
            Reply reply;
            synchronized (this) {
                Deque<Reply> queued = once.get(path);
                reply = queued != null && !queued.isEmpty() ? queued.poll() : sticky.get(path);
            }
            int status;
            byte[] body;
            if (reply == null) {
                status = 404;
                body = new byte[0];
            } else if (reply.conditional()
                    && (reply.headers().get("ETag").equals(ifNoneMatch)
                            || reply.headers().get("Last-Modified").equals(ifModifiedSince))) {
                status = 304;
                body = new byte[0];
                exchange.getResponseHeaders().add("ETag", reply.headers().get("ETag"));
            } else {
                status = reply.status();
                body = reply.body();
                reply.headers()
                        .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            }
            synchronized (this) {
                requests.add(
                        new Request(path, ifNoneMatch, ifModifiedSince, clock.instant(), status));
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
