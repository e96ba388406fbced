package io.outagewatch.sink.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.events.Severity;
import io.outagewatch.sink.silence.Silence;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Silences in the history database; one subclass per dialect supplies fresh databases. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
abstract class SilenceStoreContract {

    private static final Instant STARTS = Instant.parse("2023-11-08T13:00:00Z");
    private static final Instant ENDS = Instant.parse("2023-11-08T17:00:00Z");
    private static final Instant CREATED = Instant.parse("2023-11-08T12:55:00.123456Z");

    String url;
    HistoryStore history;

    abstract String newDatabaseUrl() throws Exception;

    @BeforeEach
    void openHistory() throws Exception {
        url = newDatabaseUrl();
        history = HistoryStore.open(url, OutageHistoryContract.MIGRATION_CLOCK);
    }

    @AfterEach
    void closeHistory() {
        history.close();
    }

    @Test
    void theMigrationAddsSilencesAsVersionThree() throws Exception {
        assertThat(history.schemaVersion()).isEqualTo(3).isEqualTo(SchemaMigrations.LATEST);
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT description FROM schema_version WHERE version = 3")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).contains("silences");
        }
    }

    @Test
    void aSilenceIsStoredListedAndExpired() {
        Silence silence = silence("s-0123456789abcdef", Optional.of(Severity.MAJOR), "eu-west");
        history.add(silence);

        assertThat(history.silences()).containsExactly(silence);
        assertThat(history.silence(silence.id())).contains(silence);
        assertThatThrownBy(() -> history.add(silence))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("silence s-0123456789abcdef exists already");

        Instant now = Instant.parse("2023-11-08T14:00:00Z");
        assertThat(history.expire(silence.id(), now)).map(Silence::endsAt).contains(now);
        assertThat(history.silence(silence.id())).map(Silence::endsAt).contains(now);
        assertThat(history.expire("s-unknown", now)).isEmpty();
    }

    @Test
    void anAnnouncedSilenceIsReplacedByItsNewerVersion() {
        Silence first = silence("announced-chatgpt-0011223344556677", Optional.empty(), null);
        Silence moved =
                new Silence(
                        first.id(),
                        first.service(),
                        Optional.empty(),
                        Optional.empty(),
                        STARTS.plusSeconds(3600),
                        ENDS.plusSeconds(3600),
                        first.createdBy(),
                        "moved by an hour",
                        CREATED,
                        Silence.Source.ANNOUNCED);

        history.upsert(first);
        history.upsert(moved);

        assertThat(history.silences()).containsExactly(moved);
    }

    @Test
    void aSilencedAlertMarksItsIncidentAndIsHeldWhileOpen() {
        history.record(TestAlerts.started(), Optional.of("s-1"));
        history.record(TestAlerts.updated(), Optional.empty());

        assertThat(history.incident(TestAlerts.INCIDENT).orElseThrow().silencedBy())
                .isEqualTo("s-1");
        assertThat(history.heldAlerts()).as("the latest alert was not held back").isEmpty();

        history.record(TestAlerts.started("slack-1", "slack", STARTS), Optional.of("s-2"));
        assertThat(history.heldAlerts())
                .extracting(HeldAlert::silenceId, h -> h.alert().incidentId())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("s-2", "slack-1"));

        history.record(TestAlerts.recovered(), Optional.of("s-1"));
        assertThat(history.incident(TestAlerts.INCIDENT).orElseThrow().silencedBy())
                .isEqualTo("s-1");
        assertThat(history.heldAlerts()).hasSize(1);
    }

    private static Silence silence(String id, Optional<Severity> severity, String region) {
        return new Silence(
                id,
                "chatgpt",
                severity,
                Optional.ofNullable(region),
                STARTS,
                ENDS,
                "alice",
                "database failover",
                CREATED,
                id.startsWith("announced") ? Silence.Source.ANNOUNCED : Silence.Source.MANUAL);
    }
}
