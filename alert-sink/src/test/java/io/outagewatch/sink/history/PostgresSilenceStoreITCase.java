package io.outagewatch.sink.history;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/** The silence contract on a real PostgreSQL server; a new database per test. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PostgresSilenceStoreITCase extends SilenceStoreContract {

    private static EmbeddedPostgresServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = EmbeddedPostgresServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Override
    String newDatabaseUrl() throws Exception {
        return server.newDatabaseUrl();
    }
}
