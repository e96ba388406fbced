package io.outagewatch.sink.history;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;

/** The silence contract on SQLite files. */
class SqliteSilenceStoreTest extends SilenceStoreContract {

    @TempDir Path directory;

    private final AtomicInteger databases = new AtomicInteger();

    @Override
    String newDatabaseUrl() {
        return "jdbc:sqlite:"
                + directory.resolve("data-" + databases.incrementAndGet()).resolve("history.db");
    }
}
