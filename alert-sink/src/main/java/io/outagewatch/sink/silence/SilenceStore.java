package io.outagewatch.sink.silence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where silences are kept: the outage history database ({@link
 * io.outagewatch.sink.history.HistoryStore}), or memory when the sink keeps no history. Calls are
 * thread-safe.
 */
public interface SilenceStore {

    /**
     * Stores a new silence.
     *
     * @throws IllegalArgumentException when a silence with its id exists
     */
    void add(Silence silence);

    /** Stores a silence, replacing the one with the same id (announced maintenances change). */
    void upsert(Silence silence);

    /** Every silence, ended ones included, earliest start first. */
    List<Silence> silences();

    /** The silence with this id. */
    Optional<Silence> silence(String id);

    /**
     * Ends a silence at {@code now} (one that has not started is emptied).
     *
     * @return the silence as it is now; empty when there is none with this id
     */
    Optional<Silence> expire(String id, Instant now);
}
