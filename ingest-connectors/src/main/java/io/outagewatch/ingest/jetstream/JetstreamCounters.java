package io.outagewatch.ingest.jetstream;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What the Jetstream client has seen since it started; read from any thread. */
final class JetstreamCounters {

    /** Complete messages received, of any kind. */
    final AtomicLong frames = new AtomicLong();

    /** Frames that could not be read (bad JSON, missing fields, binary, oversized): dropped. */
    final AtomicLong malformed = new AtomicLong();

    /** Readable frames that are not post creates (identity, account, update, delete, ...). */
    final AtomicLong skipped = new AtomicLong();

    /** Post creates read. */
    final AtomicLong posts = new AtomicLong();

    /** Posts that named at least one catalog service and were published. */
    final AtomicLong postsMatched = new AtomicLong();

    /** Social reports handed to the publisher. */
    final AtomicLong reports = new AtomicLong();

    /** Matching posts seen again after a rewind, and not published again. */
    final AtomicLong duplicates = new AtomicLong();

    /** Matching posts longer than a report may be: dropped. */
    final AtomicLong tooLong = new AtomicLong();

    /** Matching posts whose report failed validation (e.g. time out of range): dropped. */
    final AtomicLong invalid = new AtomicLong();

    /** WebSocket connections opened. */
    final AtomicLong connections = new AtomicLong();

    /** Connection attempts that failed before the socket opened. */
    final AtomicLong connectFailures = new AtomicLong();

    /** Connections reopened because no frame arrived within the idle timeout. */
    final AtomicLong idleTimeouts = new AtomicLong();

    /** Cursor saves that failed (the client carries on). */
    final AtomicLong cursorWriteFailures = new AtomicLong();

    /** All counters by name, in a stable order. */
    Map<String, Long> snapshot() {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("frames", frames.get());
        values.put("malformed", malformed.get());
        values.put("skipped", skipped.get());
        values.put("posts", posts.get());
        values.put("posts_matched", postsMatched.get());
        values.put("reports", reports.get());
        values.put("duplicates", duplicates.get());
        values.put("too_long", tooLong.get());
        values.put("invalid", invalid.get());
        values.put("connections", connections.get());
        values.put("connect_failures", connectFailures.get());
        values.put("idle_timeouts", idleTimeouts.get());
        values.put("cursor_write_failures", cursorWriteFailures.get());
        return values;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        snapshot()
                .forEach((name, value) -> text.append(' ').append(name).append('=').append(value));
        return text.toString().strip();
    }
}
