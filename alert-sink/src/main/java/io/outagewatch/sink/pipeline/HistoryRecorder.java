package io.outagewatch.sink.pipeline;

import io.outagewatch.events.Alert;
import io.outagewatch.sink.history.HeldAlert;
import io.outagewatch.sink.silence.SilenceStore;
import java.util.List;
import java.util.Optional;

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

    /** Records an alert a silence held back, marked with the silence's id. */
    default void recordSilenced(Alert alert, String silenceId) {
        record(alert);
    }

    /** Where silences are kept: the history database; empty when it keeps none. */
    default Optional<SilenceStore> silenceStore() {
        return Optional.empty();
    }

    /** The open incidents whose latest alert a silence held back, to hold again after a restart. */
    default List<HeldAlert> heldAlerts() {
        return List.of();
    }

    @Override
    default void close() {}

    /** Opens the history named by a JDBC URL ({@code --db}, {@code history.db}). */
    @FunctionalInterface
    interface Opener {
        HistoryRecorder open(String jdbcUrl);
    }
}
