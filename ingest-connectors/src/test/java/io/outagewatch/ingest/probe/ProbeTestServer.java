package io.outagewatch.ingest.probe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server on 127.0.0.1 whose behaviour a test switches between the outcomes a probe must
 * tell apart. Every request counts, and the most requests handled at once is recorded.
 */
final class ProbeTestServer implements AutoCloseable {

    static final String HEALTHY_BODY = "{\"status\":\"ok\"}";
    static final String MAINTENANCE_BODY = "<html>down for maintenance</html>";

    /** How a request is answered. */
    enum Mode {
        /** 200 with {@link #HEALTHY_BODY}. */
        OK,
        /** 503. */
        UNAVAILABLE,
        /** Replies only when the test ends, so every probe times out. */
        HANG,
        /** 200 with {@link #MAINTENANCE_BODY}. */
        WRONG_BODY,
        /** 200 after {@link #SLOW_REPLY}, for checks that take longer than their interval. */
        SLOW_OK
    }

    /** Serves a body whose last words, {@link #BEYOND_LIMIT}, lie past the probe's read limit. */
    static final String BIG_BODY_PATH = "/big";

    static final String BEYOND_LIMIT = "needle";

    static final Duration SLOW_REPLY = Duration.ofMillis(150);

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.OK);
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    ProbeTestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(handlers);
        server.start();
    }

    void respondWith(Mode newMode) {
        mode.set(newMode);
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    int port() {
        return server.getAddress().getPort();
    }

    int requests() {
        return requests.get();
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        requests.incrementAndGet();
        try (exchange) {
            if (exchange.getRequestURI().getPath().equals(BIG_BODY_PATH)) {
                reply(exchange, 200, "x".repeat(HttpProbe.BODY_LIMIT_BYTES) + BEYOND_LIMIT);
                return;
            }
            switch (mode.get()) {
                case OK -> reply(exchange, 200, HEALTHY_BODY);
                case UNAVAILABLE -> reply(exchange, 503, "unavailable");
                case WRONG_BODY -> reply(exchange, 200, MAINTENANCE_BODY);
                case HANG -> {
                    await(Duration.ofSeconds(30));
                    reply(exchange, 200, HEALTHY_BODY);
                }
                case SLOW_OK -> {
                    await(SLOW_REPLY);
                    reply(exchange, 200, HEALTHY_BODY);
                }
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Delays a reply; returns early when the test ends. */
    private void await(Duration delay) {
        try {
            released.await(delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** A loopback port that nothing listens on (bound, then released). */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
