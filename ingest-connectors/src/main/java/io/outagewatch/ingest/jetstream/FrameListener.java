package io.outagewatch.ingest.jetstream;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;

/**
 * Receives one connection's WebSocket messages and queues each whole one for the client. Text
 * fragments are joined until the last; the next message is requested only once the client has
 * handled the previous one, so a slow publisher slows the server down instead of filling memory.
 */
final class FrameListener implements WebSocket.Listener {

    /** What a connection delivers to the client. */
    sealed interface Event {}

    /** One whole text message. */
    record Text(String text) implements Event {}

    /** A message the client cannot use: binary, or text over the size limit. */
    record Unreadable(String reason) implements Event {}

    /** The server closed the connection. */
    record Closed(int statusCode, String reason) implements Event {}

    /** The connection failed. */
    record Failed(Throwable error) implements Event {}

    /** The client was asked to stop. */
    record Stop() implements Event {}

    private final BlockingQueue<Event> events;
    private final int maxMessageChars;
    private final StringBuilder partial = new StringBuilder();
    private boolean oversized;

    FrameListener(BlockingQueue<Event> events, int maxMessageChars) {
        this.events = Objects.requireNonNull(events, "events");
        this.maxMessageChars = maxMessageChars;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!oversized) {
            if (partial.length() + data.length() > maxMessageChars) {
                oversized = true;
                partial.setLength(0);
            } else {
                partial.append(data);
            }
        }
        if (last) {
            events.add(
                    oversized
                            ? new Unreadable("text message over " + maxMessageChars + " chars")
                            : new Text(partial.toString()));
            partial.setLength(0);
            oversized = false;
        } else {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        if (last) {
            events.add(new Unreadable("binary message (compression is not supported)"));
        } else {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        events.add(new Closed(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        events.add(new Failed(error));
    }
}
