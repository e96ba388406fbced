package io.outagewatch.sink.pipeline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.outagewatch.sink.api.SilenceApi;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /metrics}: the {@link SinkMetrics} in the Prometheus text format, on a small JDK HTTP
 * server of its own; the sink's HTTP port. It also serves the silences API ({@link SilenceApi})
 * when the sink has a token for it. Anything else is 404 (path) or 405 (method).
 */
public final class MetricsServer implements AutoCloseable {

    public static final String PATH = "/metrics";
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final SinkMetrics metrics;

    private MetricsServer(HttpServer server, SinkMetrics metrics) {
        this.server = server;
        this.metrics = metrics;
    }

    /**
     * Binds and starts serving.
     *
     * @param address port 0 picks a free port; {@link #address()} tells which
     * @throws IOException when the address cannot be bound
     */
    public static MetricsServer start(SinkMetrics metrics, InetSocketAddress address)
            throws IOException {
        return start(metrics, address, Optional.empty());
    }

    /**
     * Binds and starts serving, with the silences API under {@link SilenceApi#PATH} when one is
     * given.
     *
     * @param address port 0 picks a free port; {@link #address()} tells which
     * @throws IOException when the address cannot be bound
     */
    public static MetricsServer start(
            SinkMetrics metrics, InetSocketAddress address, Optional<SilenceApi> silences)
            throws IOException {
        Objects.requireNonNull(metrics, "metrics");
        HttpServer server = HttpServer.create(address, 0);
        MetricsServer metricsServer = new MetricsServer(server, metrics);
        server.createContext("/", metricsServer::handle);
        silences.ifPresent(api -> server.createContext(SilenceApi.PATH, api::handle));
        server.start();
        return metricsServer;
    }

    /** The bound address, with the actual port. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** {@code http://host:port/metrics}. */
    public String url() {
        InetSocketAddress address = address();
        return "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + PATH;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().add("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = metrics.render().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", CONTENT_TYPE);
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
