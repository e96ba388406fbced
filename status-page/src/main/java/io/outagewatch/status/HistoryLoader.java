package io.outagewatch.status;

import io.outagewatch.sink.history.HistoryStore;
import io.outagewatch.sink.history.Incident;
import io.outagewatch.sink.history.IncidentFilter;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Puts the outage history's incidents of the window on the board, read once at start through the
 * sink's own reader. Alerts read from Kafka afterwards refine them. A SQLite history that does not
 * exist (no sink has run here) is skipped rather than created.
 */
public final class HistoryLoader {

    private HistoryLoader() {}

    /**
     * @return how many incidents were put on the board, or empty when the history was skipped
     */
    public static Optional<Integer> load(String jdbcUrl, StatusBoard board, Instant since) {
        Optional<java.nio.file.Path> sqlite = HistoryStore.sqliteFile(jdbcUrl);
        if (jdbcUrl.startsWith("jdbc:sqlite:")
                && (sqlite.isEmpty() || !Files.exists(sqlite.get()))) {
            return Optional.empty();
        }
        try (HistoryStore history = HistoryStore.open(jdbcUrl)) {
            List<Incident> incidents = history.incidents(IncidentFilter.ALL.withSince(since));
            int added = 0;
            for (Incident incident : incidents) {
                if (board.add(incident)) {
                    added++;
                }
            }
            return Optional.of(added);
        }
    }
}
