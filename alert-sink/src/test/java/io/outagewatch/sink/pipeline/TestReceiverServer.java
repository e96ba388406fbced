package io.outagewatch.sink.pipeline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.Parsed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A receiver endpoint on 127.0.0.1: answers each POSTed alert as its {@link Responder} says and
 * remembers every request and every alert it accepted (answered 2xx).
 */
final class TestReceiverServer implements AutoCloseable {

    /** Decides the answer; may block, e.g. on a latch. */
    @FunctionalInterface
    interface Responder {
        /**
         * @param attempt 1 for the first request carrying this alert version
         */
        Response respond(Alert alert, int attempt) throws InterruptedException;
    }

    record Response(int status, String body, Optional<String> retryAfter) {
        static Response status(int status) {
            return new Response(status, "status " + status, Optional.empty());
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Responder responder;
    private final List<Alert> requests = new ArrayList<>();
    private final List<Alert> accepted = new ArrayList<>();

    private TestReceiverServer(Responder responder) throws IOException {
        this.responder = responder;
        this.server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    static TestReceiverServer start(Responder responder) throws IOException {
        return new TestReceiverServer(responder);
    }

    /** Accepts everything with 202. */
    static TestReceiverServer accepting() throws IOException {
        return start((alert, attempt) -> Response.status(202));
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/alerts");
    }

    synchronized List<Alert> requests() {
        return List.copyOf(requests);
    }

    synchronized List<Alert> accepted() {
        return List.copyOf(accepted);
    }

    /** Waits until the requests seen so far satisfy the condition. */
    void awaitRequests(Predicate<List<Alert>> condition, Duration timeout)
            throws InterruptedException {
        await(() -> condition.test(requests), timeout, "requests");
    }

    /** Waits until the accepted alerts satisfy the condition. */
    void awaitAccepted(Predicate<List<Alert>> condition, Duration timeout)
            throws InterruptedException {
        await(() -> condition.test(accepted), timeout, "accepted alerts");
    }

    private synchronized void await(
            java.util.function.BooleanSupplier condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(
                        "condition on "
                                + what
                                + " not met within "
                                + timeout
                                + "; accepted: "
                                + accepted.size()
                                + ", requests: "
                                + requests.size());
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
            Parsed<Alert> parsed = AlertSerde.INSTANCE.parse(body);
            if (!parsed.isOk()) {
                send(exchange, new Response(400, "bad alert", Optional.empty()));
                return;
            }
            Alert alert = parsed.value();
            int attempt;
            synchronized (this) {
                requests.add(alert);
                attempt =
                        (int)
                                requests.stream()
                                        .filter(
                                                a ->
                                                        a.incidentId().equals(alert.incidentId())
                                                                && a.version() == alert.version())
                                        .count();
                notifyAll();
            }
            Response response;
            try {
                response = responder.respond(alert, attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                response = Response.status(503);
            }
            synchronized (this) {
                if (response.status() / 100 == 2) {
                    accepted.add(alert);
                }
                notifyAll();
            }
            send(exchange, response);
        } catch (IOException e) {
            // The client went away (the sink "crashed"); what it was told no longer matters.
        }
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        response.retryAfter().ifPresent(v -> exchange.getResponseHeaders().add("Retry-After", v));
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
