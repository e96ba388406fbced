package io.outagewatch.status;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/events}: server-sent events telling open pages that the board changed, so they
 * fetch the API again without a reload. One thread checks the board's version every {@link #CHECK}
 * and writes to every client; at most {@link #MAX_CLIENTS} at once, the rest get 503 (browsers
 * retry).
 */
public final class ChangeStream implements AutoCloseable {

    public static final int MAX_CLIENTS = 16;
    static final Duration CHECK = Duration.ofSeconds(1);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final Duration CLIENT_RETRY = Duration.ofSeconds(2);

    private final StatusBoard board;
    private final Set<HttpExchange> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;
    private long announcedVersion;
    private long lastWriteNanos = System.nanoTime();

    public ChangeStream(StatusBoard board) {
        this.board = board;
        this.announcedVersion = board.version();
        this.ticker =
                Executors.newSingleThreadScheduledExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "status-page-events");
                            thread.setDaemon(true);
                            return thread;
                        });
        ticker.scheduleWithFixedDelay(
                this::tick, CHECK.toMillis(), CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    public int clients() {
        return clients.size();
    }

    /**
     * Takes the exchange over and keeps it open, or answers 503 when there are enough clients. The
     * caller must not close the exchange.
     */
    void open(HttpExchange exchange) throws IOException {
        if (clients.size() >= MAX_CLIENTS) {
            exchange.getResponseHeaders().add("Retry-After", "10");
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        clients.add(exchange);
        send(exchange, "retry: " + CLIENT_RETRY.toMillis() + "\n" + event(board.version()));
    }

    private synchronized void tick() {
        long version = board.version();
        if (version != announcedVersion) {
            announcedVersion = version;
            broadcast(event(version));
        } else if (System.nanoTime() - lastWriteNanos >= HEARTBEAT.toNanos()) {
            broadcast(": keep-alive\n\n");
        }
    }

    private void broadcast(String message) {
        lastWriteNanos = System.nanoTime();
        for (HttpExchange client : clients) {
            send(client, message);
        }
    }

    private void send(HttpExchange client, String message) {
        try {
            OutputStream body = client.getResponseBody();
            body.write(message.getBytes(StandardCharsets.UTF_8));
            body.flush();
        } catch (IOException e) {
            // The page went away.
            clients.remove(client);
            client.close();
        }
    }

    private static String event(long version) {
        return "event: change\ndata: " + version + "\n\n";
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        for (HttpExchange client : clients) {
            client.close();
        }
        clients.clear();
    }
}
