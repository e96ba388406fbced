package io.outagewatch.ingest.jetstream;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * A Jetstream stand-in on 127.0.0.1: on each connection it replays the recorded frames whose
 * time_us is at or after the requested cursor, then stays silent like a live tail with no news.
 * Each connection can be told to drop after some frames or to fragment every frame.
 */
public final class JetstreamTestServer implements AutoCloseable {

    static final String PATH = "/subscribe";

    private static final int GOING_AWAY = 1001;

    /** What the server does on one connection. */
    record Behaviour(int dropAfterFrames, boolean abrupt, int fragmentsPerFrame) {
        static final int NEVER = -1;

        static Behaviour replayAll() {
            return new Behaviour(NEVER, false, 1);
        }

        /** Cuts the TCP connection without a close frame, as a crashed server or proxy would. */
        static Behaviour disconnectAfter(int frames) {
            return new Behaviour(frames, true, 1);
        }

        /** Closes with 1001 "going away", as a server restarting for a deploy would. */
        static Behaviour goAwayAfter(int frames) {
            return new Behaviour(frames, false, 1);
        }

        static Behaviour fragmented(int fragments) {
            return new Behaviour(NEVER, false, fragments);
        }
    }

    /** One accepted connection as the server saw it. */
    record Connection(int index, String query, OptionalLong cursor, List<String> sent) {}

    /**
     * A recorded frame and the time it is replayed at (the previous frame's for unreadable ones).
     */
    private record Recorded(String text, long timeUs) {}

    private final List<Recorded> frames;
    private final IntFunction<Behaviour> behaviourByConnection;
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final ExecutorService senders = Executors.newCachedThreadPool();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Map<Integer, CompletableFuture<Connection>> connections =
            new ConcurrentHashMap<>();

    JetstreamTestServer(List<String> frames, IntFunction<Behaviour> behaviourByConnection) {
        this.frames = withTimes(frames);
        this.behaviourByConnection = behaviourByConnection;
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(
                WebSocketUpgradeHandler.from(
                        server,
                        container -> {
                            container.setIdleTimeout(Duration.ofMinutes(5));
                            container.addMapping(
                                    PATH, (request, response, callback) -> endpoint(request));
                        }));
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("test WebSocket server did not start", e);
        }
    }

    static List<String> fixture(String name) {
        try (InputStream in = JetstreamTestServer.class.getResourceAsStream("/jetstream/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + connector.getLocalPort() + PATH);
    }

    /** The connection with this index (0 first), once it has been accepted and fully served. */
    CompletableFuture<Connection> connection(int index) {
        return connections.computeIfAbsent(index, i -> new CompletableFuture<>());
    }

    Connection awaitConnection(int index, Duration timeout) throws Exception {
        return connection(index).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int accepted() {
        return accepted.get();
    }

    private Object endpoint(Request request) {
        int index = accepted.getAndIncrement();
        String query = request.getHttpURI().getQuery();
        String cursorText = Request.extractQueryParameters(request).getValue("cursor");
        OptionalLong cursor =
                cursorText == null
                        ? OptionalLong.empty()
                        : OptionalLong.of(Long.parseLong(cursorText));
        Behaviour behaviour = behaviourByConnection.apply(index);
        return new Endpoint(session -> replay(session, index, query, cursor, behaviour), senders);
    }

    /** Jetty reaches endpoint methods reflectively, so the class must be public. */
    public static final class Endpoint implements Session.Listener.AutoDemanding {
        private final Consumer<Session> onOpen;
        private final ExecutorService senders;

        Endpoint(Consumer<Session> onOpen, ExecutorService senders) {
            this.onOpen = onOpen;
            this.senders = senders;
        }

        @Override
        public void onWebSocketOpen(Session session) {
            senders.execute(() -> onOpen.accept(session));
        }
    }

    private void replay(
            Session session, int index, String query, OptionalLong cursor, Behaviour behaviour) {
        List<String> sent = new ArrayList<>();
        try {
            for (Recorded frame : frames) {
                if (cursor.isPresent() && frame.timeUs() < cursor.getAsLong()) {
                    continue;
                }
                if (sent.size() == behaviour.dropAfterFrames()) {
                    break;
                }
                send(session, frame.text(), behaviour.fragmentsPerFrame());
                sent.add(frame.text());
            }
            if (sent.size() == behaviour.dropAfterFrames()) {
                if (behaviour.abrupt()) {
                    session.disconnect();
                } else {
                    session.close(GOING_AWAY, "restarting", Callback.NOOP);
                }
            }
            connection(index).complete(new Connection(index, query, cursor, List.copyOf(sent)));
        } catch (Exception e) {
            connection(index).completeExceptionally(e);
        }
    }

    private static void send(Session session, String text, int fragments) throws Exception {
        int step = Math.max(1, (text.length() + fragments - 1) / fragments);
        for (int start = 0, end; start < text.length(); start = end) {
            end = Math.min(text.length(), start + step);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end++;
            }
            CompletableFuture<Void> done = new CompletableFuture<>();
            session.sendPartialText(
                    text.substring(start, end),
                    end == text.length(),
                    Callback.from(() -> done.complete(null), done::completeExceptionally));
            done.get(10, TimeUnit.SECONDS);
        }
    }

    private static List<Recorded> withTimes(List<String> frames) {
        List<Recorded> recorded = new ArrayList<>();
        long time = 0;
        for (String frame : frames) {
            try {
                JsonNode node = JetstreamFrame.MAPPER.readTree(frame);
                if (node != null && node.path("time_us").isIntegralNumber()) {
                    time = node.get("time_us").longValue();
                }
            } catch (IOException e) {
                // Unreadable on purpose: replayed with the frame before it.
            }
            recorded.add(new Recorded(frame, time));
        }
        return recorded;
    }

    @Override
    public void close() throws Exception {
        server.stop();
        senders.shutdownNow();
    }
}
