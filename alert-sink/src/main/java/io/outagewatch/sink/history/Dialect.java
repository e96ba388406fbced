package io.outagewatch.sink.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** What differs between the two databases the history runs on; everything else is shared SQL. */
enum Dialect {
    /**
     * The embedded default: one file in WAL mode. Timestamps are ISO-8601 UTC text with exactly six
     * fraction digits ({@code 2023-11-08T13:42:00.000000Z}), so text order is time order and the
     * file stays readable with the {@code sqlite3} shell. Transactions are {@code BEGIN IMMEDIATE}:
     * they take the write lock at the start, so two writers queue on {@code busy_timeout} instead
     * of failing when one upgrades a read lock. The JDBC connection stays in autocommit mode and
     * these statements frame each transaction: sqlite-jdbc's own non-autocommit mode would open the
     * next transaction, and take the write lock, as soon as one commits.
     */
    SQLITE("jdbc:sqlite:", "TEXT", "INTEGER PRIMARY KEY AUTOINCREMENT", "") {
        @Override
        void begin(Connection connection) throws SQLException {
            execute(connection, "BEGIN IMMEDIATE");
        }

        @Override
        void commit(Connection connection) throws SQLException {
            execute(connection, "COMMIT");
        }

        @Override
        void rollback(Connection connection) throws SQLException {
            execute(connection, "ROLLBACK");
        }

        @Override
        void lockForMigration(Connection connection) {
            // BEGIN IMMEDIATE already holds the database's only write lock.
        }

        @Override
        void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.VARCHAR);
            } else {
                statement.setString(index, SQLITE_TIME.format(Incident.stored(value)));
            }
        }

        @Override
        Instant getInstant(ResultSet rows, String column) throws SQLException {
            String text = rows.getString(column);
            return text == null ? null : Instant.parse(text);
        }
    },

    /**
     * Production: a PostgreSQL server by JDBC URL. Timestamps are {@code timestamptz}; concurrent
     * start-ups serialise their migrations on a transaction-scoped advisory lock.
     */
    POSTGRESQL(
            "jdbc:postgresql:",
            "TIMESTAMPTZ",
            "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
            " FOR UPDATE") {
        @Override
        void begin(Connection connection) throws SQLException {
            connection.setAutoCommit(false);
        }

        @Override
        void commit(Connection connection) throws SQLException {
            connection.commit();
            connection.setAutoCommit(true);
        }

        @Override
        void rollback(Connection connection) throws SQLException {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }

        @Override
        void lockForMigration(Connection connection) throws SQLException {
            try (PreparedStatement lock =
                    connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, MIGRATION_LOCK_KEY);
                lock.execute();
            }
        }

        @Override
        void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
            if (value == null) {
                statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
            }
        }

        @Override
        Instant getInstant(ResultSet rows, String column) throws SQLException {
            OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
            return value == null ? null : value.toInstant();
        }
    };

    /** The advisory-lock key PostgreSQL migrations hold: "OWHIST" in ASCII. */
    static final long MIGRATION_LOCK_KEY = 0x4f57_4849_5354L;

    private static final DateTimeFormatter SQLITE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    final String urlPrefix;
    final String timestampType;
    final String identityPrimaryKey;
    final String forUpdate;

    Dialect(String urlPrefix, String timestampType, String identityPrimaryKey, String forUpdate) {
        this.urlPrefix = urlPrefix;
        this.timestampType = timestampType;
        this.identityPrimaryKey = identityPrimaryKey;
        this.forUpdate = forUpdate;
    }

    /**
     * @throws IllegalArgumentException naming the URL and the supported prefixes
     */
    static Dialect forUrl(String jdbcUrl) {
        for (Dialect dialect : values()) {
            if (jdbcUrl != null && jdbcUrl.startsWith(dialect.urlPrefix)) {
                return dialect;
            }
        }
        throw new IllegalArgumentException(
                "unsupported history database URL '"
                        + (jdbcUrl == null ? null : HistoryStore.redacted(jdbcUrl))
                        + "'; use jdbc:sqlite:PATH or jdbc:postgresql://HOST[:PORT]/DATABASE");
    }

    /** Starts a write transaction. */
    abstract void begin(Connection connection) throws SQLException;

    abstract void commit(Connection connection) throws SQLException;

    /** Rolls back the transaction {@link #begin} started. */
    abstract void rollback(Connection connection) throws SQLException;

    /** Inside a transaction: waits until no other process is migrating this database. */
    abstract void lockForMigration(Connection connection) throws SQLException;

    abstract void setInstant(PreparedStatement statement, int index, Instant value)
            throws SQLException;

    abstract Instant getInstant(ResultSet rows, String column) throws SQLException;

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
