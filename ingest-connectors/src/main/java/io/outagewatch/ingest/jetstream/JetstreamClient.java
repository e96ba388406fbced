package io.outagewatch.ingest.jetstream;

import io.outagewatch.events.SocialReport;
import io.outagewatch.ingest.jetstream.CursorStore.Checkpoint;
import io.outagewatch.ingest.jetstream.FrameListener.Event;
import io.outagewatch.ingest.publish.EventPublisher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to Jetstream, publishes a report for each new post that names a catalog service, and
 * reconnects with backoff when the connection drops or goes quiet, resuming a little before the
 * last frame it handled. Repeats caused by the rewind are recognised and not published again.
 *
 * <p>{@link #run} does all the work on the calling thread; {@link #stop} may be called from any
 * thread.
 */
final class JetstreamClient {

    private static final Logger LOG = LoggerFactory.getLogger(JetstreamClient.class);

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** How long a polite close may take before the connection is cut. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(1);

    /** Keys are kept this much longer than the rewind reaches, for frames slightly out of order. */
    static final Duration DEDUP_MARGIN = Duration.ofSeconds(10);

    /** Longer messages are dropped as malformed; real posts are a few kilobytes. */
    static final int MAX_MESSAGE_CHARS = 1 << 20;

    /** Log the first unreadable frame and then one in this many. */
    private static final long LOG_EVERY = 1000;

    private final JetstreamSettings settings;
    private final PostToReports mapping;
    private final EventPublisher<SocialReport> publisher;
    private final CursorStore cursors;
    private final Backoff backoff;
    private final HttpClient http;
    private final JetstreamCounters counters = new JetstreamCounters();
    private final RecentKeys recent = new RecentKeys(RecentKeys.DEFAULT_MAX_KEYS);
    private final CountDownLatch stopSignal = new CountDownLatch(1);

    private volatile boolean stopping;
    private volatile BlockingQueue<Event> currentEvents;

    /** time_us of the newest frame handled; 0 before the first. */
    private long lastTimeUs;

    private long framesSinceCheckpoint;
    private long lastCheckpointNanos = System.nanoTime();

    /**
     * @param restored what the previous run saved, from {@code cursors}
     */
    JetstreamClient(
            JetstreamSettings settings,
            PostToReports mapping,
            EventPublisher<SocialReport> publisher,
            CursorStore cursors,
            Optional<Checkpoint> restored,
            Backoff backoff,
            HttpClient http) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.cursors = Objects.requireNonNull(cursors, "cursors");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.http = Objects.requireNonNull(http, "http");
        restored.ifPresent(
                checkpoint -> {
                    lastTimeUs = checkpoint.timeUs();
                    checkpoint.recent().forEach(entry -> recent.add(entry.key(), entry.timeUs()));
                });
    }

    JetstreamCounters counters() {
        return counters;
    }

    /** The cursor the next connection would resume from; empty for the live tail. */
    OptionalLong resumeCursor() {
        if (lastTimeUs <= 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, lastTimeUs - micros(settings.rewind())));
    }

    /** Asks {@link #run} to save the cursor and return; returns at once. */
    void stop() {
        stopping = true;
        stopSignal.countDown();
        BlockingQueue<Event> events = currentEvents;
        if (events != null) {
            events.add(new FrameListener.Stop());
        }
    }

    /**
     * Runs until {@link #stop} or until {@code --max-reports} is reached, then saves the cursor.
     */
    void run() throws InterruptedException {
        try {
            while (!stopping) {
                URI uri = subscribeUri(settings.url(), resumeCursor());
                BlockingQueue<Event> events = new LinkedBlockingQueue<>();
                Optional<WebSocket> socket = open(uri, events);
                if (socket.isPresent() && consume(socket.get(), events)) {
                    backoff.reset();
                }
                if (stopping) {
                    break;
                }
                Duration pause = backoff.next();
                LOG.info("reconnecting to Jetstream in {} ms", pause.toMillis());
                if (stopSignal.await(pause.toNanos(), TimeUnit.NANOSECONDS)) {
                    break;
                }
            }
        } finally {
            checkpoint();
        }
    }

    private Optional<WebSocket> open(URI uri, BlockingQueue<Event> events)
            throws InterruptedException {
        LOG.info("connecting to {}", uri);
        var opening =
                http.newWebSocketBuilder()
                        .connectTimeout(CONNECT_TIMEOUT)
                        .buildAsync(uri, new FrameListener(events, MAX_MESSAGE_CHARS));
        try {
            WebSocket socket =
                    opening.get(CONNECT_TIMEOUT.plus(CLOSE_GRACE).toNanos(), TimeUnit.NANOSECONDS);
            counters.connections.incrementAndGet();
            return Optional.of(socket);
        } catch (ExecutionException | TimeoutException e) {
            opening.cancel(true);
            counters.connectFailures.incrementAndGet();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            LOG.warn("could not connect to {}: {}", uri, String.valueOf(cause));
            return Optional.empty();
        }
    }

    /**
     * Handles one connection's messages until it ends.
     *
     * @return whether the connection was healthy (delivered at least one message)
     */
    private boolean consume(WebSocket socket, BlockingQueue<Event> events)
            throws InterruptedException {
        currentEvents = events;
        if (stopping) {
            events.add(new FrameListener.Stop());
        }
        boolean healthy = false;
        try {
            while (true) {
                Event event = events.poll(settings.idleTimeout().toNanos(), TimeUnit.NANOSECONDS);
                if (event == null) {
                    counters.idleTimeouts.incrementAndGet();
                    LOG.warn("no frame for {}; reconnecting", settings.idleTimeout());
                    return healthy;
                }
                if (event instanceof FrameListener.Text text) {
                    healthy = true;
                    handle(text.text());
                    if (reachedMaxReports()) {
                        stopping = true;
                        return healthy;
                    }
                    checkpointIfDue();
                    socket.request(1);
                } else if (event instanceof FrameListener.Unreadable unreadable) {
                    healthy = true;
                    counters.frames.incrementAndGet();
                    countMalformed(unreadable.reason());
                    socket.request(1);
                } else if (event instanceof FrameListener.Closed closed) {
                    LOG.info(
                            "Jetstream closed the connection: {} {}",
                            closed.statusCode(),
                            closed.reason());
                    return healthy;
                } else if (event instanceof FrameListener.Failed failed) {
                    LOG.warn("Jetstream connection failed: {}", String.valueOf(failed.error()));
                    return healthy;
                } else {
                    return healthy;
                }
            }
        } finally {
            currentEvents = null;
            close(socket);
        }
    }

    /** Handles one text frame: parse, map, deduplicate, publish, move the cursor. */
    void handle(String text) {
        counters.frames.incrementAndGet();
        JetstreamFrame frame = JetstreamFrame.parse(text);
        if (frame instanceof JetstreamFrame.Malformed malformed) {
            countMalformed(malformed.reason());
            return;
        }
        if (frame instanceof JetstreamFrame.Skipped skipped) {
            counters.skipped.incrementAndGet();
            advance(skipped.timeUs());
            return;
        }
        JetstreamFrame.PostCreate post = (JetstreamFrame.PostCreate) frame;
        counters.posts.incrementAndGet();
        PostToReports.Mapping mapped = mapping.map(post);
        switch (mapped.outcome()) {
            case NO_MATCH -> {}
            case TOO_LONG -> counters.tooLong.incrementAndGet();
            case INVALID -> {
                long count = counters.invalid.incrementAndGet();
                if (count == 1 || count % LOG_EVERY == 0) {
                    LOG.warn("dropped a post ({} so far): {}", count, mapped.detail());
                }
            }
            case REPORTS -> {
                if (recent.add(post.key(), post.timeUs())) {
                    mapped.reports().forEach(publisher::publish);
                    counters.postsMatched.incrementAndGet();
                    counters.reports.addAndGet(mapped.reports().size());
                } else {
                    counters.duplicates.incrementAndGet();
                }
            }
        }
        advance(post.timeUs());
    }

    private void advance(long timeUs) {
        lastTimeUs = Math.max(lastTimeUs, timeUs);
        framesSinceCheckpoint++;
    }

    private void countMalformed(String reason) {
        long count = counters.malformed.incrementAndGet();
        if (count == 1 || count % LOG_EVERY == 0) {
            LOG.warn("dropped an unreadable frame ({} so far): {}", count, reason);
        }
    }

    private boolean reachedMaxReports() {
        OptionalLong max = settings.maxReports();
        return max.isPresent() && counters.reports.get() >= max.getAsLong();
    }

    private void checkpointIfDue() {
        long sinceNanos = System.nanoTime() - lastCheckpointNanos;
        if (framesSinceCheckpoint >= JetstreamSettings.CHECKPOINT_FRAMES
                || sinceNanos >= settings.checkpointInterval().toNanos()) {
            checkpoint();
        }
    }

    /**
     * Flushes the publisher, then saves the cursor, so the saved cursor never runs ahead of the
     * reports before it.
     */
    private void checkpoint() {
        lastCheckpointNanos = System.nanoTime();
        framesSinceCheckpoint = 0;
        if (lastTimeUs <= 0) {
            return;
        }
        recent.forgetBefore(lastTimeUs - micros(settings.rewind()) - micros(DEDUP_MARGIN));
        try {
            publisher.flush();
            cursors.save(new Checkpoint(lastTimeUs, recent.entries()));
        } catch (Exception e) {
            counters.cursorWriteFailures.incrementAndGet();
            LOG.warn("could not save the cursor to {}: {}", cursors.file(), e.toString());
        }
    }

    private static void close(WebSocket socket) {
        try {
            if (!socket.isOutputClosed()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "")
                        .get(CLOSE_GRACE.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The connection is going anyway.
        } finally {
            socket.abort();
        }
    }

    /**
     * The subscribe URL: {@code base} plus {@code wantedCollections=app.bsky.feed.post} (unless the
     * base already names collections) and the cursor, if any.
     */
    static URI subscribeUri(URI base, OptionalLong cursor) {
        String text = base.toString();
        String query = base.getRawQuery();
        StringBuilder uri = new StringBuilder(text);
        char separator = query == null ? '?' : '&';
        if (query == null || !(("&" + query).contains("&wantedCollections="))) {
            uri.append(separator)
                    .append("wantedCollections=")
                    .append(JetstreamFrame.POST_COLLECTION);
            separator = '&';
        }
        if (cursor.isPresent()) {
            uri.append(separator).append("cursor=").append(cursor.getAsLong());
        }
        return URI.create(uri.toString());
    }

    static long micros(Duration duration) {
        return TimeUnit.NANOSECONDS.toMicros(duration.toNanos());
    }
}
