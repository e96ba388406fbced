package io.outagewatch.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The status page's HTTP server (the JDK's, as the sink's): the two pages, their assets, the JSON
 * API and the change stream. GET and HEAD only; no request bodies; URIs up to {@link
 * #MAX_URI_CHARS}; requests handled by {@link #REQUEST_THREADS} threads, the rest wait in the
 * accept queue.
 */
public final class StatusServer implements AutoCloseable {

    public static final int MAX_URI_CHARS = 2048;
    public static final int REQUEST_THREADS = 8;
    static final int ACCEPT_BACKLOG = 64;
    static final String SECURITY_POLICY =
            "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                    + " connect-src 'self'; frame-ancestors 'none'";

    private final HttpServer server;
    private final ExecutorService requests;
    private final StatusBoard board;
    private final StaticAssets assets;
    private final ChangeStream changes;

    private StatusServer(
            HttpServer server,
            ExecutorService requests,
            StatusBoard board,
            StaticAssets assets,
            ChangeStream changes) {
        this.server = server;
        this.requests = requests;
        this.board = board;
        this.assets = assets;
        this.changes = changes;
    }

    /**
     * Binds and starts serving.
     *
     * @param address port 0 picks a free port; {@link #url()} tells which
     */
    public static StatusServer start(StatusBoard board, InetSocketAddress address)
            throws IOException {
        HttpServer server = HttpServer.create(address, ACCEPT_BACKLOG);
        ExecutorService requests =
                Executors.newFixedThreadPool(
                        REQUEST_THREADS,
                        runnable -> {
                            Thread thread = new Thread(runnable, "status-page-http");
                            thread.setDaemon(true);
                            return thread;
                        });
        StatusServer status =
                new StatusServer(
                        server, requests, board, new StaticAssets(), new ChangeStream(board));
        server.setExecutor(requests);
        server.createContext("/", status::handle);
        server.start();
        return status;
    }

    /** {@code http://host:port}, without a trailing slash. */
    public String url() {
        InetSocketAddress address = server.getAddress();
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (path.equals("/api/events") && exchange.getRequestMethod().equals("GET")) {
            changes.open(exchange);
            return;
        }
        try (exchange) {
            route(exchange, path);
        }
    }

    private void route(HttpExchange exchange, String path) throws IOException {
        exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().add("Content-Security-Policy", SECURITY_POLICY);
        if (exchange.getRequestURI().toString().length() > MAX_URI_CHARS) {
            exchange.sendResponseHeaders(414, -1);
            return;
        }
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().add("Allow", "GET, HEAD");
            exchange.sendResponseHeaders(405, -1);
            return;
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && !length.equals("0")
                || exchange.getRequestHeaders().containsKey("Transfer-Encoding")) {
            exchange.sendResponseHeaders(413, -1);
            return;
        }
        Optional<Reply> reply = reply(path);
        if (reply.isEmpty()) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        byte[] body = reply.get().body();
        exchange.getResponseHeaders().add("Content-Type", reply.get().contentType());
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private record Reply(byte[] body, String contentType) {}

    private Optional<Reply> reply(String path) {
        if (path.equals("/")) {
            return asset("index.html");
        }
        if (path.startsWith("/service/")) {
            String id = path.substring("/service/".length());
            return board.service(id).isPresent() ? asset("service.html") : Optional.empty();
        }
        if (path.startsWith("/assets/")) {
            return asset(path.substring("/assets/".length()));
        }
        if (path.equals("/api/services")) {
            return json(StatusJson.overview(board.services(DaySparkline.SPAN), board.now()));
        }
        if (path.startsWith("/api/services/")) {
            String id = path.substring("/api/services/".length());
            return board.service(id).flatMap(service -> json(StatusJson.service(service)));
        }
        return Optional.empty();
    }

    private Optional<Reply> asset(String name) {
        return assets.get(name).map(a -> new Reply(a.bytes(), a.contentType()));
    }

    private static Optional<Reply> json(ObjectNode node) {
        return Optional.of(
                new Reply(
                        node.toString().getBytes(StandardCharsets.UTF_8),
                        "application/json; charset=utf-8"));
    }

    @Override
    public void close() {
        changes.close();
        server.stop(0);
        requests.shutdownNow();
    }
}
