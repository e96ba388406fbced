package io.outagewatch.sink.pipeline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A receiver endpoint on 127.0.0.1 that can be taken down: while down it answers every POST 503,
 * every other time with {@code Retry-After} (alternating delay seconds and an HTTP-date far beyond
 * any backoff cap); while up it answers 202. It keeps every request with its headers.
 */
final class FlakyReceiver implements AutoCloseable {

    /** Far longer than the retry policy's cap, so the cap is what the sink must honour. */
    static final String RETRY_AFTER_SECONDS = "120";

    static final String RETRY_AFTER_DATE = "Wed, 21 Oct 2099 07:28:00 GMT";

    /** One POST as received. */
    record Request(byte[] body, Map<String, String> headers, int status) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean accepted() {
            return status / 100 == 2;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Request> requests = new ArrayList<>();
    private boolean down;
    private int refused;

    FlakyReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(2);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    synchronized void down() {
        down = true;
    }

    synchronized void up() {
        down = false;
    }

    synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    synchronized List<Request> accepted() {
        return requests.stream().filter(Request::accepted).toList();
    }

    /** How many requests were answered 503 so far. */
    synchronized int refused() {
        return refused;
    }

    /** Waits until the requests so far satisfy the condition. */
    synchronized void await(Predicate<FlakyReceiver> condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(this)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(
                        what
                                + " not seen within "
                                + timeout
                                + "; requests: "
                                + requests.size()
                                + ", refused: "
                                + refused);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name, values.get(0)));
            int status;
            synchronized (this) {
                status = down ? 503 : 202;
                if (down) {
                    refused++;
                    if (refused % 3 == 1) {
                        exchange.getResponseHeaders().add("Retry-After", RETRY_AFTER_SECONDS);
                    } else if (refused % 3 == 2) {
                        exchange.getResponseHeaders().add("Retry-After", RETRY_AFTER_DATE);
                    }
                }
                requests.add(new Request(body, Collections.unmodifiableMap(headers), status));
                notifyAll();
            }
            byte[] answer =
                    (status == 503 ? "unavailable" : "accepted").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
