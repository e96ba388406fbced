package io.outagewatch.sink.history;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

/**
 * The history contract on a real PostgreSQL server, started once for the class from zonky's Maven
 * artifacts (see {@link EmbeddedPostgresServer} for running as root); a new database per test.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PostgresOutageHistoryITCase extends OutageHistoryContract {

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
