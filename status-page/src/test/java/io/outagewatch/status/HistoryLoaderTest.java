package io.outagewatch.status;

import static io.outagewatch.status.TestRecords.ONSET;
import static io.outagewatch.status.TestRecords.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.sink.history.HistoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real SQLite history, written by the sink's store and read back through it. */
class HistoryLoaderTest {

    private final StatusBoard board = new StatusBoard(TestRecords.catalog(), Duration.ofHours(48));

    @Test
    void incidentsOfTheWindowComeFromTheHistory(@TempDir Path dir) {
        String url = "jdbc:sqlite:" + dir.resolve("history.db");
        try (HistoryStore history = HistoryStore.open(url)) {
            history.record(TestRecords.started());
            history.record(TestRecords.recovered());
        }

        assertThat(HistoryLoader.load(url, board, ONSET.minus(Duration.ofHours(1)))).contains(1);

        IncidentView incident =
                board.service(SERVICE).orElseThrow().incidents().stream().findFirst().orElseThrow();
        assertThat(incident.incidentId()).isEqualTo(TestRecords.INCIDENT);
        assertThat(incident.recoveredAt()).isEqualTo(TestRecords.RECOVERED);
        assertThat(incident.estimate())
                .hasValueSatisfying(
                        e ->
                                assertThat(e.durationSeconds())
                                        .isEqualTo(TestRecords.ESTIMATE_SECONDS));
    }

    @Test
    void incidentsThatStartedBeforeTheWindowAreLeftOut(@TempDir Path dir) {
        String url = "jdbc:sqlite:" + dir.resolve("history.db");
        try (HistoryStore history = HistoryStore.open(url)) {
            history.record(TestRecords.started());
        }

        assertThat(HistoryLoader.load(url, board, ONSET.plus(Duration.ofMinutes(1)))).contains(0);
    }

    @Test
    void aMissingSqliteFileIsSkippedNotCreated(@TempDir Path dir) {
        Path file = dir.resolve("none/history.db");

        assertThat(HistoryLoader.load("jdbc:sqlite:" + file, board, ONSET)).isEmpty();
        assertThat(file).doesNotExist();
        assertThat(Files.exists(file.getParent())).isFalse();
    }
}
