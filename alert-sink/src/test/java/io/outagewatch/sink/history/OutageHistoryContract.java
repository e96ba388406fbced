package io.outagewatch.sink.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.events.Alert;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What every history database must do; one subclass per dialect supplies fresh databases. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
abstract class OutageHistoryContract {

    static final Clock MIGRATION_CLOCK =
            Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);

    String url;
    HistoryStore history;

    /** A JDBC URL of a new, empty database. */
    abstract String newDatabaseUrl() throws Exception;

    @BeforeEach
    void openHistory() throws Exception {
        url = newDatabaseUrl();
        history = HistoryStore.open(url, MIGRATION_CLOCK);
    }

    @AfterEach
    void closeHistory() {
        history.close();
    }

    @Test
    void startedUpdatedRecoveredGiveOneRowWithEveryField() {
        assertThat(history.record(TestAlerts.started())).isEqualTo(RecordOutcome.NEW_INCIDENT);
        assertThat(history.record(TestAlerts.updated())).isEqualTo(RecordOutcome.UPDATED);
        assertThat(history.record(TestAlerts.recovered())).isEqualTo(RecordOutcome.UPDATED);

        assertThat(history.incidents(IncidentFilter.ALL))
                .containsExactly(TestAlerts.recoveredIncident());
        assertThat(history.alerts(TestAlerts.INCIDENT))
                .containsExactly(
                        TestAlerts.started(), TestAlerts.updated(), TestAlerts.recovered());
    }

    @Test
    void theSameVersionAgainChangesNothing() {
        history.record(TestAlerts.started());
        history.record(TestAlerts.updated());
        Optional<Incident> before = history.incident(TestAlerts.INCIDENT);

        assertThat(history.record(TestAlerts.updated())).isEqualTo(RecordOutcome.DUPLICATE);
        assertThat(history.record(TestAlerts.started())).isEqualTo(RecordOutcome.DUPLICATE);

        assertThat(history.incident(TestAlerts.INCIDENT)).isEqualTo(before);
        assertThat(history.alerts(TestAlerts.INCIDENT))
                .extracting(Alert::version)
                .containsExactly(1, 2);
    }

    @Test
    void olderVersionsArrivingLateDoNotRegressTheRow() {
        assertThat(history.record(TestAlerts.recovered())).isEqualTo(RecordOutcome.NEW_INCIDENT);
        assertThat(history.record(TestAlerts.updated())).isEqualTo(RecordOutcome.OUT_OF_ORDER);
        assertThat(history.incident(TestAlerts.INCIDENT).orElseThrow().latestVersion())
                .isEqualTo(3);
        assertThat(history.record(TestAlerts.started())).isEqualTo(RecordOutcome.OUT_OF_ORDER);

        // The first estimate belongs to version 1, whenever it arrives.
        assertThat(history.incident(TestAlerts.INCIDENT)).contains(TestAlerts.recoveredIncident());
    }

    @Test
    void queriesFilterByServiceAndStartAndSummarisePerService() {
        Instant day = TestAlerts.STARTED;
        Instant nextDay = day.plus(Duration.ofDays(1));
        history.record(TestAlerts.recovered("chatgpt-1", "chatgpt", day, 600));
        history.record(TestAlerts.recovered("chatgpt-2", "chatgpt", nextDay, 1800));
        history.record(TestAlerts.started("chatgpt-3", "chatgpt", nextDay.plusSeconds(7200)));
        history.record(TestAlerts.recovered("slack-1", "slack", nextDay, 300));

        assertThat(history.incidents(IncidentFilter.ALL))
                .extracting(Incident::incidentId)
                .containsExactly("chatgpt-1", "chatgpt-2", "slack-1", "chatgpt-3");
        assertThat(history.incidents(IncidentFilter.ALL.withService("chatgpt").withSince(nextDay)))
                .extracting(Incident::incidentId)
                .containsExactly("chatgpt-2", "chatgpt-3");

        Duration lead = Duration.ofSeconds(TestAlerts.LEAD_SECONDS);
        assertThat(history.summaryByService(IncidentFilter.ALL))
                .containsExactly(
                        new ServiceSummary(
                                "chatgpt",
                                3,
                                2,
                                Duration.ofSeconds(2400),
                                Optional.of(Duration.ofSeconds(1200)),
                                Optional.of(Duration.ofSeconds(1200)),
                                Optional.of(lead),
                                Optional.of(Duration.ofSeconds(1800)),
                                0),
                        new ServiceSummary(
                                "slack",
                                1,
                                1,
                                Duration.ofSeconds(300),
                                Optional.of(Duration.ofSeconds(300)),
                                Optional.of(Duration.ofSeconds(300)),
                                Optional.of(lead),
                                Optional.of(Duration.ofSeconds(300)),
                                0));
    }

    @Test
    void migrationsApplyOnceAndReopeningChangesNothing() throws Exception {
        history.record(TestAlerts.started());
        history.close();
        history = HistoryStore.open(url, MIGRATION_CLOCK);

        assertThat(history.schemaVersion()).isEqualTo(SchemaMigrations.LATEST);
        assertThat(appliedVersions()).hasSize(SchemaMigrations.STEPS.size());
        assertThat(history.incident(TestAlerts.INCIDENT)).isPresent();
    }

    @Test
    void twoStoresOpeningAtOnceMigrateOnce() throws Exception {
        String fresh = newDatabaseUrl();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<HistoryStore>> opened =
                    List.of(
                            pool.submit(() -> openAfter(go, fresh)),
                            pool.submit(() -> openAfter(go, fresh)));
            go.countDown();
            for (Future<HistoryStore> store : opened) {
                try (HistoryStore s = store.get()) {
                    assertThat(s.schemaVersion()).isEqualTo(SchemaMigrations.LATEST);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        url = fresh;
        assertThat(appliedVersions()).hasSize(SchemaMigrations.STEPS.size());
    }

    @Test
    void aDatabaseOfANewerSchemaIsRefused() throws Exception {
        history.close();
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES ("
                            + (SchemaMigrations.LATEST + 1)
                            + ", 'from the future', '2030-01-01T00:00:00.000000Z')");
        }

        assertThatThrownBy(() -> HistoryStore.open(url, MIGRATION_CLOCK))
                .isInstanceOf(HistoryException.class)
                .hasMessageContaining(
                        "schema version "
                                + (SchemaMigrations.LATEST + 1)
                                + ", newer than the "
                                + SchemaMigrations.LATEST);
        history = HistoryStore.open(newDatabaseUrl(), MIGRATION_CLOCK);
    }

    private static HistoryStore openAfter(CountDownLatch go, String url) throws Exception {
        go.await();
        return HistoryStore.open(url, MIGRATION_CLOCK);
    }

    private List<Integer> appliedVersions() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT version FROM schema_version ORDER BY 1")) {
            List<Integer> versions = new ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
            return versions;
        }
    }
}
