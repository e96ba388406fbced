package io.outagewatch.sink.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versioned schema creation and migration, run when a store opens. Table {@code schema_version}
 * holds one row per applied step. Each pending step runs in its own transaction under the dialect's
 * migration lock, so two processes starting at once apply every step exactly once; a database whose
 * version is newer than {@link #LATEST} is refused rather than written with an old layout.
 *
 * <p>Steps are append-only: never edit one that has shipped, add the next number instead.
 */
public final class SchemaMigrations {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    /** One numbered migration: its statements for a dialect. */
    record Step(int version, String description, Function<Dialect, List<String>> statements) {}

    static final List<Step> STEPS =
            List.of(
                    new Step(
                            1,
                            "incidents and alerts tables",
                            d ->
                                    List.of(
                                            "CREATE TABLE alerts ("
                                                    + " seq "
                                                    + d.identityPrimaryKey
                                                    + ", incident_id TEXT NOT NULL"
                                                    + ", version INTEGER NOT NULL"
                                                    + ", type TEXT NOT NULL"
                                                    + ", service TEXT NOT NULL"
                                                    + ", alert TEXT NOT NULL"
                                                    + ", CONSTRAINT alerts_incident_version"
                                                    + " UNIQUE (incident_id, version))",
                                            "CREATE TABLE incidents ("
                                                    + " incident_id TEXT PRIMARY KEY"
                                                    + ", service TEXT NOT NULL"
                                                    + ", severity TEXT NOT NULL"
                                                    + ", regions TEXT NOT NULL"
                                                    + ", started_at "
                                                    + d.timestampType
                                                    + " NOT NULL"
                                                    + ", detected_at "
                                                    + d.timestampType
                                                    + " NOT NULL"
                                                    + ", recovered_at "
                                                    + d.timestampType
                                                    + ", duration_seconds BIGINT"
                                                    + ", first_estimate_seconds BIGINT"
                                                    + ", first_version INTEGER NOT NULL"
                                                    + ", official_ack_at "
                                                    + d.timestampType
                                                    + ", lead_seconds_over_ack BIGINT"
                                                    + ", latest_type TEXT NOT NULL"
                                                    + ", latest_version INTEGER NOT NULL)")),
                    new Step(
                            2,
                            "index incidents by service and start",
                            d ->
                                    List.of(
                                            "CREATE INDEX incidents_service_started"
                                                    + " ON incidents (service, started_at)")),
                    new Step(
                            3,
                            "silences, and alerts and incidents marked silenced",
                            d ->
                                    List.of(
                                            "CREATE TABLE silences ("
                                                    + " id TEXT PRIMARY KEY"
                                                    + ", service TEXT NOT NULL"
                                                    + ", severity TEXT"
                                                    + ", region TEXT"
                                                    + ", starts_at "
                                                    + d.timestampType
                                                    + " NOT NULL"
                                                    + ", ends_at "
                                                    + d.timestampType
                                                    + " NOT NULL"
                                                    + ", created_by TEXT NOT NULL"
                                                    + ", comment TEXT NOT NULL"
                                                    + ", created_at "
                                                    + d.timestampType
                                                    + " NOT NULL"
                                                    + ", source TEXT NOT NULL)",
                                            "CREATE INDEX silences_service_ends"
                                                    + " ON silences (service, ends_at)",
                                            "ALTER TABLE alerts ADD COLUMN silenced_by TEXT",
                                            "ALTER TABLE incidents ADD COLUMN silenced_by TEXT")));

    /** The schema version this code writes. */
    public static final int LATEST = STEPS.get(STEPS.size() - 1).version();

    private SchemaMigrations() {}

    /**
     * Brings the database to {@link #LATEST}.
     *
     * @return the version the database had before
     * @throws HistoryException when the database's version is newer than {@link #LATEST}
     */
    static int migrate(Connection connection, Dialect dialect, Clock clock) throws SQLException {
        int before = -1;
        while (true) {
            dialect.begin(connection);
            try {
                dialect.lockForMigration(connection);
                Dialect.execute(
                        connection,
                        "CREATE TABLE IF NOT EXISTS schema_version ("
                                + " version INTEGER PRIMARY KEY"
                                + ", description TEXT NOT NULL"
                                + ", applied_at "
                                + dialect.timestampType
                                + " NOT NULL)");
                int current = currentVersion(connection);
                before = before < 0 ? current : before;
                if (current > LATEST) {
                    throw new HistoryException(
                            "the history database has schema version "
                                    + current
                                    + ", newer than the "
                                    + LATEST
                                    + " this OutageWatch knows; upgrade OutageWatch or use"
                                    + " another database");
                }
                Optional<Step> next =
                        STEPS.stream().filter(step -> step.version() > current).findFirst();
                if (next.isEmpty()) {
                    dialect.commit(connection);
                    return before;
                }
                apply(connection, dialect, clock, next.get());
                dialect.commit(connection);
                LOG.info(
                        "History schema migrated to version {}: {}",
                        next.get().version(),
                        next.get().description());
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, dialect, e);
                throw e;
            }
        }
    }

    /** The highest applied version; 0 for a new database. */
    static int currentVersion(Connection connection) throws SQLException {
        try (PreparedStatement query =
                        connection.prepareStatement(
                                "SELECT COALESCE(MAX(version), 0) FROM schema_version");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void apply(Connection connection, Dialect dialect, Clock clock, Step step)
            throws SQLException {
        for (String sql : step.statements().apply(dialect)) {
            Dialect.execute(connection, sql);
        }
        try (PreparedStatement insert =
                connection.prepareStatement(
                        "INSERT INTO schema_version (version, description, applied_at)"
                                + " VALUES (?, ?, ?)")) {
            insert.setInt(1, step.version());
            insert.setString(2, step.description());
            dialect.setInstant(insert, 3, clock.instant());
            insert.executeUpdate();
        }
    }

    static void rollbackQuietly(Connection connection, Dialect dialect, Exception cause) {
        try {
            dialect.rollback(connection);
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
}
