package io.outagewatch.sink.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The history contract on SQLite files, plus what only the embedded default promises. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SqliteOutageHistoryTest extends OutageHistoryContract {

    @TempDir Path directory;

    private final AtomicInteger databases = new AtomicInteger();

    @Override
    String newDatabaseUrl() {
        // A directory that does not exist yet: the store creates it.
        return "jdbc:sqlite:"
                + directory.resolve("data-" + databases.incrementAndGet()).resolve("history.db");
    }

    @Test
    void aReaderQueriesWhileAWriterTransactionIsOpen() throws Exception {
        history.record(TestAlerts.started());
        try (Connection writer = DriverManager.getConnection(url);
                Statement write = writer.createStatement()) {
            assertThat(pragma(write, "journal_mode")).isEqualTo("wal");
            write.execute("BEGIN IMMEDIATE");
            write.executeUpdate("UPDATE incidents SET severity = 'DEGRADED'");

            // Without WAL this read would wait on the writer for the whole busy timeout.
            assertThat(history.incident(TestAlerts.INCIDENT).orElseThrow().severity())
                    .isEqualTo(TestAlerts.started().severity());

            write.execute("ROLLBACK");
        }
    }

    /**
     * Stores opening a new file at the same moment all switch it to WAL: SQLite can answer one of
     * two such switches with SQLITE_BUSY at once, without waiting, and the store tries again.
     */
    @Test
    void storesOpeningANewFileAtOnceAllGetWal() throws Exception {
        int stores = 4;
        ExecutorService pool = Executors.newFixedThreadPool(stores);
        try {
            for (int round = 0; round < 100; round++) {
                String fresh = newDatabaseUrl();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<HistoryStore>> opened = new ArrayList<>();
                for (int i = 0; i < stores; i++) {
                    opened.add(
                            pool.submit(
                                    () -> {
                                        go.await();
                                        return HistoryStore.open(fresh);
                                    }));
                }
                go.countDown();
                for (Future<HistoryStore> store : opened) {
                    try (HistoryStore s = store.get(1, TimeUnit.MINUTES)) {
                        assertThat(s.schemaVersion()).isEqualTo(SchemaMigrations.LATEST);
                    }
                }
                try (Connection connection = DriverManager.getConnection(fresh);
                        Statement statement = connection.createStatement()) {
                    assertThat(pragma(statement, "journal_mode")).isEqualTo("wal");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void otherDatabasesAreRefusedByName() {
        assertThatThrownBy(() -> HistoryStore.open("jdbc:mysql://localhost/history?password=x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "unsupported history database URL 'jdbc:mysql://localhost/history?...';"
                                + " use jdbc:sqlite:PATH or"
                                + " jdbc:postgresql://HOST[:PORT]/DATABASE");
    }

    private static String pragma(Statement statement, String name) throws Exception {
        try (ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
