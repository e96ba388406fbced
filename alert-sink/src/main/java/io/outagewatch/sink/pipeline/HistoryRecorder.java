package io.outagewatch.sink.pipeline;

import io.outagewatch.events.Alert;

/**
 * The last stage: stores an alert in the outage history once every receiver is done with it. It may
 * see the same alert version again after a restart, so it must be idempotent (upsert on incident id
 * and version).
 */
public interface HistoryRecorder extends AutoCloseable {

    /** Records nothing; used when no history database is configured. */
    HistoryRecorder NONE = alert -> {};

    /**
     * @throws RuntimeException when the alert could not be stored; the sink stops without
     *     committing the alert's offset
     */
    void record(Alert alert);

    @Override
    default void close() {}

    /** Opens the history named by a JDBC URL ({@code --db}, {@code history.db}). */
    @FunctionalInterface
    interface Opener {
        HistoryRecorder open(String jdbcUrl);
    }
}
