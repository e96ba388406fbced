package io.outagewatch.sink.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.Severity;
import io.outagewatch.sink.silence.Silence;
import io.outagewatch.sink.silence.SilenceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outage history over JDBC, on SQLite ({@code jdbc:sqlite:PATH}, the embedded default) or
 * PostgreSQL ({@code jdbc:postgresql://...}). One connection; calls take turns on it.
 */
public final class HistoryStore implements OutageHistory, SilenceStore {

    /** Where {@code bin/outagewatch} keeps the history unless told otherwise. */
    public static final String DEFAULT_URL = "jdbc:sqlite:outagewatch-data/history.db";

    /** How long a SQLite writer waits for another process's write lock before failing. */
    static final Duration SQLITE_BUSY_TIMEOUT = Duration.ofSeconds(10);

    /** SQLite's primary result code for a lock held elsewhere. */
    private static final int SQLITE_BUSY = 5;

    private static final Duration WAL_RETRY_PAUSE = Duration.ofMillis(20);

    private static final Logger LOG = LoggerFactory.getLogger(HistoryStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {};

    private static final String INCIDENT_COLUMNS =
            "incident_id, service, severity, regions, started_at, detected_at, recovered_at,"
                    + " duration_seconds, first_estimate_seconds, first_version, official_ack_at,"
                    + " lead_seconds_over_ack, latest_type, latest_version, silenced_by";

    private static final String SILENCE_COLUMNS =
            "id, service, severity, region, starts_at, ends_at, created_by, comment, created_at,"
                    + " source";

    private final String url;
    private final Dialect dialect;
    private final Connection connection;

    private HistoryStore(String url, Dialect dialect, Connection connection) {
        this.url = redacted(url);
        this.dialect = dialect;
        this.connection = connection;
    }

    /** Opens the history with the system clock; see {@link #open(String, Clock)}. */
    public static HistoryStore open(String jdbcUrl) {
        return open(jdbcUrl, Clock.systemUTC());
    }

    /**
     * Connects, prepares the connection (SQLite: creates the file's directories, WAL mode, busy
     * timeout, {@code synchronous=NORMAL}) and migrates the schema to {@link
     * SchemaMigrations#LATEST}.
     *
     * @param clock stamps {@code schema_version.applied_at}
     * @throws IllegalArgumentException when the URL is neither SQLite nor PostgreSQL
     * @throws HistoryException when the database cannot be opened or is of a newer schema
     */
    public static HistoryStore open(String jdbcUrl, Clock clock) {
        Dialect dialect = Dialect.forUrl(jdbcUrl);
        Connection connection = null;
        try {
            if (dialect == Dialect.SQLITE) {
                Optional<Path> file = sqliteFile(jdbcUrl);
                if (file.isPresent() && file.get().toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.get().toAbsolutePath().getParent());
                }
            }
            connection = DriverManager.getConnection(jdbcUrl);
            if (dialect == Dialect.SQLITE) {
                prepareSqlite(connection, jdbcUrl);
            }
            SchemaMigrations.migrate(connection, dialect, clock);
            return new HistoryStore(jdbcUrl, dialect, connection);
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietly(connection, e);
            if (e instanceof HistoryException history) {
                throw history;
            }
            throw new HistoryException(
                    "cannot open the outage history " + redacted(jdbcUrl) + ": " + e, e);
        }
    }

    /**
     * The file a {@code jdbc:sqlite:} URL names; empty for an in-memory database or another
     * dialect.
     */
    public static Optional<Path> sqliteFile(String jdbcUrl) {
        if (jdbcUrl == null || !jdbcUrl.startsWith(Dialect.SQLITE.urlPrefix)) {
            return Optional.empty();
        }
        String path = jdbcUrl.substring(Dialect.SQLITE.urlPrefix.length());
        if (path.startsWith("file:")) {
            path = path.substring("file:".length());
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (path.isEmpty() || path.equals(":memory:") || jdbcUrl.contains("mode=memory")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(path));
    }

    /** The URL without its parameters, which may hold a password: for messages and logs. */
    static String redacted(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?...";
    }

    private static void prepareSqlite(Connection connection, String jdbcUrl) throws SQLException {
        // The busy timeout first, so switching to WAL waits out another process's lock.
        Dialect.execute(connection, "PRAGMA busy_timeout = " + SQLITE_BUSY_TIMEOUT.toMillis());
        String mode = switchToWal(connection);
        if (!mode.equals("wal")) {
            // In-memory databases cannot use WAL; a file that refuses it is worth a warning.
            LOG.warn(
                    "{} uses journal mode {}, not WAL: readers may wait for the sink",
                    redacted(jdbcUrl),
                    mode);
        }
        Dialect.execute(connection, "PRAGMA synchronous = NORMAL");
    }

    /**
     * Asks for WAL mode and returns the journal mode the file is in. Two connections switching a
     * new file at once can get SQLITE_BUSY straight away, without the busy handler (SQLite does not
     * wait where waiting could deadlock): the switch is tried again, within the busy timeout.
     */
    private static String switchToWal(Connection connection) throws SQLException {
        long deadline = System.nanoTime() + SQLITE_BUSY_TIMEOUT.toNanos();
        while (true) {
            try (PreparedStatement pragma =
                            connection.prepareStatement("PRAGMA journal_mode = WAL");
                    ResultSet rows = pragma.executeQuery()) {
                rows.next();
                return rows.getString(1).toLowerCase(Locale.ROOT);
            } catch (SQLException e) {
                if ((e.getErrorCode() & 0xff) != SQLITE_BUSY || System.nanoTime() >= deadline) {
                    throw e;
                }
                LockSupport.parkNanos(WAL_RETRY_PAUSE.toNanos());
            }
        }
    }

    @Override
    public RecordOutcome record(Alert alert) {
        return record(alert, Optional.empty());
    }

    @Override
    public synchronized RecordOutcome record(Alert alert, Optional<String> silencedBy) {
        try {
            dialect.begin(connection);
            try {
                RecordOutcome outcome = recordInTransaction(alert, silencedBy.orElse(null));
                dialect.commit(connection);
                return outcome;
            } catch (SQLException | RuntimeException e) {
                SchemaMigrations.rollbackQuietly(connection, dialect, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure("record alert " + alert.incidentId() + " v" + alert.version(), e);
        }
    }

    private RecordOutcome recordInTransaction(Alert alert, String silencedBy) throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement(
                        "INSERT INTO alerts (incident_id, version, type, service, alert,"
                                + " silenced_by) VALUES (?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT (incident_id, version) DO NOTHING")) {
            insert.setString(1, alert.incidentId());
            insert.setInt(2, alert.version());
            insert.setString(3, alert.type().name());
            insert.setString(4, alert.service());
            insert.setString(5, AlertSerde.INSTANCE.toJson(alert));
            insert.setString(6, silencedBy);
            if (insert.executeUpdate() == 0) {
                return RecordOutcome.DUPLICATE;
            }
        }
        // Inserting first, and locking the row otherwise, keeps two writers of one new incident
        // from both inserting it.
        try (PreparedStatement insert =
                connection.prepareStatement(
                        "INSERT INTO incidents ("
                                + INCIDENT_COLUMNS
                                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT (incident_id) DO NOTHING")) {
            bindIncident(insert, Incident.from(alert).silencedBy(silencedBy));
            if (insert.executeUpdate() == 1) {
                return RecordOutcome.NEW_INCIDENT;
            }
        }
        Incident existing =
                selectIncident(alert.incidentId(), dialect.forUpdate)
                        .orElseThrow(() -> new IllegalStateException("incident row vanished"));
        Incident merged = existing.merge(alert).silencedBy(silencedBy);
        if (!merged.equals(existing)) {
            try (PreparedStatement update =
                    connection.prepareStatement(
                            "UPDATE incidents SET incident_id = ?, service = ?, severity = ?,"
                                    + " regions = ?, started_at = ?, detected_at = ?,"
                                    + " recovered_at = ?, duration_seconds = ?,"
                                    + " first_estimate_seconds = ?, first_version = ?,"
                                    + " official_ack_at = ?, lead_seconds_over_ack = ?,"
                                    + " latest_type = ?, latest_version = ?, silenced_by = ?"
                                    + " WHERE incident_id = ?")) {
                bindIncident(update, merged);
                update.setString(16, merged.incidentId());
                update.executeUpdate();
            }
        }
        return alert.version() > existing.latestVersion()
                ? RecordOutcome.UPDATED
                : RecordOutcome.OUT_OF_ORDER;
    }

    @Override
    public synchronized Optional<Incident> incident(String incidentId) {
        try {
            return selectIncident(incidentId, "");
        } catch (SQLException e) {
            throw failure("read incident " + incidentId, e);
        }
    }

    @Override
    public synchronized List<Incident> incidents(IncidentFilter filter) {
        StringBuilder sql =
                new StringBuilder("SELECT ")
                        .append(INCIDENT_COLUMNS)
                        .append(" FROM incidents WHERE 1 = 1");
        List<String> services = filter.services().stream().sorted().toList();
        if (!services.isEmpty()) {
            sql.append(" AND service IN (")
                    .append(String.join(", ", java.util.Collections.nCopies(services.size(), "?")))
                    .append(")");
        }
        filter.since().ifPresent(s -> sql.append(" AND started_at >= ?"));
        filter.until().ifPresent(s -> sql.append(" AND started_at < ?"));
        sql.append(" ORDER BY started_at, incident_id");
        try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
            int index = 1;
            for (String service : services) {
                query.setString(index++, service);
            }
            if (filter.since().isPresent()) {
                dialect.setInstant(query, index++, filter.since().get());
            }
            if (filter.until().isPresent()) {
                dialect.setInstant(query, index, filter.until().get());
            }
            List<Incident> incidents = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    incidents.add(readIncident(rows));
                }
            }
            return incidents;
        } catch (SQLException e) {
            throw failure("read incidents", e);
        }
    }

    @Override
    public synchronized List<Alert> alerts(String incidentId) {
        try (PreparedStatement query =
                connection.prepareStatement(
                        "SELECT alert FROM alerts WHERE incident_id = ? ORDER BY version")) {
            query.setString(1, incidentId);
            List<Alert> alerts = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    alerts.add(AlertSerde.INSTANCE.parse(rows.getString(1)).value());
                }
            }
            return alerts;
        } catch (SQLException e) {
            throw failure("read alerts of " + incidentId, e);
        }
    }

    /**
     * The latest alert of each open incident whose latest alert was silenced: what the sink holds
     * back until the silence ends. Oldest first.
     */
    @Override
    public synchronized List<HeldAlert> heldAlerts() {
        try (PreparedStatement query =
                connection.prepareStatement(
                        "SELECT a.alert, a.silenced_by FROM alerts a JOIN incidents i"
                                + " ON a.incident_id = i.incident_id"
                                + " AND a.version = i.latest_version"
                                + " WHERE i.recovered_at IS NULL AND a.silenced_by IS NOT NULL"
                                + " ORDER BY a.seq")) {
            List<HeldAlert> held = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    held.add(
                            new HeldAlert(
                                    AlertSerde.INSTANCE.parse(rows.getString(1)).value(),
                                    rows.getString(2)));
                }
            }
            return held;
        } catch (SQLException e) {
            throw failure("read the silenced open incidents", e);
        }
    }

    @Override
    public synchronized void add(Silence silence) {
        try {
            if (selectSilence(silence.id()).isPresent()) {
                throw new IllegalArgumentException("silence " + silence.id() + " exists already");
            }
            try (PreparedStatement insert =
                    connection.prepareStatement(
                            "INSERT INTO silences ("
                                    + SILENCE_COLUMNS
                                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bindSilence(insert, silence);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw failure("add silence " + silence.id(), e);
        }
    }

    @Override
    public synchronized void upsert(Silence silence) {
        try (PreparedStatement upsert =
                connection.prepareStatement(
                        "INSERT INTO silences ("
                                + SILENCE_COLUMNS
                                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " ON CONFLICT (id) DO UPDATE SET service = excluded.service,"
                                + " severity = excluded.severity, region = excluded.region,"
                                + " starts_at = excluded.starts_at, ends_at = excluded.ends_at,"
                                + " created_by = excluded.created_by,"
                                + " comment = excluded.comment,"
                                + " created_at = excluded.created_at,"
                                + " source = excluded.source")) {
            bindSilence(upsert, silence);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw failure("store silence " + silence.id(), e);
        }
    }

    @Override
    public synchronized List<Silence> silences() {
        try (PreparedStatement query =
                connection.prepareStatement(
                        "SELECT " + SILENCE_COLUMNS + " FROM silences ORDER BY starts_at, id")) {
            List<Silence> silences = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    silences.add(readSilence(rows));
                }
            }
            return silences;
        } catch (SQLException e) {
            throw failure("read silences", e);
        }
    }

    @Override
    public synchronized Optional<Silence> silence(String id) {
        try {
            return selectSilence(id);
        } catch (SQLException e) {
            throw failure("read silence " + id, e);
        }
    }

    @Override
    public synchronized Optional<Silence> expire(String id, Instant now) {
        try {
            Optional<Silence> existing = selectSilence(id);
            if (existing.isEmpty()) {
                return existing;
            }
            Silence expired = existing.get().expiredAt(now);
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE silences SET ends_at = ? WHERE id = ?")) {
                dialect.setInstant(update, 1, expired.endsAt());
                update.setString(2, id);
                update.executeUpdate();
            }
            return Optional.of(expired);
        } catch (SQLException e) {
            throw failure("expire silence " + id, e);
        }
    }

    private Optional<Silence> selectSilence(String id) throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement(
                        "SELECT " + SILENCE_COLUMNS + " FROM silences WHERE id = ?")) {
            query.setString(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(readSilence(rows)) : Optional.empty();
            }
        }
    }

    private void bindSilence(PreparedStatement statement, Silence silence) throws SQLException {
        statement.setString(1, silence.id());
        statement.setString(2, silence.service());
        statement.setString(3, silence.severity().map(Severity::name).orElse(null));
        statement.setString(4, silence.region().orElse(null));
        dialect.setInstant(statement, 5, silence.startsAt());
        dialect.setInstant(statement, 6, silence.endsAt());
        statement.setString(7, silence.createdBy());
        statement.setString(8, silence.comment());
        dialect.setInstant(statement, 9, silence.createdAt());
        statement.setString(10, silence.source().wireName());
    }

    private Silence readSilence(ResultSet rows) throws SQLException {
        String severity = rows.getString("severity");
        return new Silence(
                rows.getString("id"),
                rows.getString("service"),
                Optional.ofNullable(severity).map(Severity::valueOf),
                Optional.ofNullable(rows.getString("region")),
                dialect.getInstant(rows, "starts_at"),
                dialect.getInstant(rows, "ends_at"),
                rows.getString("created_by"),
                rows.getString("comment"),
                dialect.getInstant(rows, "created_at"),
                Silence.Source.fromWire(rows.getString("source")));
    }

    /** The schema version the database is at. */
    synchronized int schemaVersion() {
        try {
            return SchemaMigrations.currentVersion(connection);
        } catch (SQLException e) {
            throw failure("read the schema version", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }

    private Optional<Incident> selectIncident(String incidentId, String lockClause)
            throws SQLException {
        try (PreparedStatement query =
                connection.prepareStatement(
                        "SELECT "
                                + INCIDENT_COLUMNS
                                + " FROM incidents WHERE incident_id = ?"
                                + lockClause)) {
            query.setString(1, incidentId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(readIncident(rows)) : Optional.empty();
            }
        }
    }

    private void bindIncident(PreparedStatement statement, Incident incident) throws SQLException {
        statement.setString(1, incident.incidentId());
        statement.setString(2, incident.service());
        statement.setString(3, incident.severity().name());
        statement.setString(4, regionsJson(incident.regions()));
        dialect.setInstant(statement, 5, incident.startedAt());
        dialect.setInstant(statement, 6, incident.detectedAt());
        dialect.setInstant(statement, 7, incident.recoveredAt());
        setLong(statement, 8, incident.durationSeconds());
        setLong(statement, 9, incident.firstEstimateSeconds());
        statement.setInt(10, incident.firstVersion());
        dialect.setInstant(statement, 11, incident.officialAckAt());
        setLong(statement, 12, incident.leadSecondsOverAck());
        statement.setString(13, incident.latestType().name());
        statement.setInt(14, incident.latestVersion());
        statement.setString(15, incident.silencedBy());
    }

    private Incident readIncident(ResultSet rows) throws SQLException {
        return new Incident(
                rows.getString("incident_id"),
                rows.getString("service"),
                Severity.valueOf(rows.getString("severity")),
                regionsFromJson(rows.getString("regions")),
                dialect.getInstant(rows, "started_at"),
                dialect.getInstant(rows, "detected_at"),
                dialect.getInstant(rows, "recovered_at"),
                getLong(rows, "duration_seconds"),
                getLong(rows, "first_estimate_seconds"),
                rows.getInt("first_version"),
                dialect.getInstant(rows, "official_ack_at"),
                getLong(rows, "lead_seconds_over_ack"),
                AlertType.valueOf(rows.getString("latest_type")),
                rows.getInt("latest_version"),
                rows.getString("silenced_by"));
    }

    private static void setLong(PreparedStatement statement, int index, Long value)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static Long getLong(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private static String regionsJson(List<String> regions) {
        try {
            return JSON.writeValueAsString(regions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
    }

    private static List<String> regionsFromJson(String json) throws SQLException {
        try {
            return JSON.readValue(json, STRING_LIST);
        } catch (JsonProcessingException e) {
            throw new SQLException("incidents.regions is not a JSON array of strings: " + json, e);
        }
    }

    private HistoryException failure(String action, SQLException e) {
        return new HistoryException("cannot " + action + " in " + url + ": " + e.getMessage(), e);
    }

    private static void closeQuietly(Connection connection, Exception cause) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException closeFailure) {
                cause.addSuppressed(closeFailure);
            }
        }
    }
}
