package io.outagewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.Alert;
import io.outagewatch.kafka.Await;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import io.outagewatch.sink.history.HistoryStore;
import io.outagewatch.sink.silence.Silence;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Silences on the real broker: a silenced service is not paged while another is, across a sink
 * restart in the middle of the silence; when the silence is expired while the incident is open, its
 * latest state is paged once, within 30 s.
 */
@Timeout(120)
class SinkSilenceRestartITCase {

    private static final int PARTITIONS = 2;
    private static final String GROUP = "sink-silence-restart";
    private static final Duration RELEASE_DEADLINE = Duration.ofSeconds(30);
    private static final Instant SILENCE_STARTS = Instant.parse("2023-11-08T13:00:00Z");
    private static final Instant SILENCE_ENDS = Instant.parse("2023-11-08T18:00:00Z");

    private static EmbeddedKafkaBroker broker;

    @TempDir Path dir;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.startDefault();
        broker.createOutageWatchTopics(PARTITIONS);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aSilencedServiceIsNotPagedAcrossARestartAndIsPagedOnceWhenTheSilenceEnds()
            throws Exception {
        String db = "jdbc:sqlite:" + dir.resolve("history.db");
        FakeTime time = new FakeTime(TestAlerts.NOW);
        try (HistoryStore store = HistoryStore.open(db)) {
            store.add(
                    new Silence(
                            "s-failover",
                            "chatgpt",
                            Optional.empty(),
                            Optional.empty(),
                            SILENCE_STARTS,
                            SILENCE_ENDS,
                            "alice",
                            "planned database failover",
                            SILENCE_STARTS,
                            Silence.Source.MANUAL));
        }
        Alert chatgpt1 = TestAlerts.alert("inc-chatgpt", "chatgpt", 1);
        Alert github1 = TestAlerts.alert("inc-github", "github", 1);
        Alert chatgpt2 = TestAlerts.alert("inc-chatgpt", "chatgpt", 2);
        Alert github2 = TestAlerts.alert("inc-github", "github", 2);

        try (TestReceiverServer pager = TestReceiverServer.accepting()) {
            AlertTopic.publishInOneTransaction(
                    broker, "silence-itcase-1", List.of(chatgpt1, github1), List.of());
            try (SinkUnderTest first =
                    new SinkUnderTest(broker, GROUP, dir, db, pager, time, true)) {
                pager.awaitAccepted(a -> a.contains(github1), SinkUnderTest.DEADLINE);
                Await.until(
                        "the silenced alert recorded",
                        SinkUnderTest.DEADLINE,
                        () -> recorded(db, "inc-chatgpt", 1));
            }

            // Restarted in the middle of the silence: the next versions arrive.
            AlertTopic.publishInOneTransaction(
                    broker, "silence-itcase-2", List.of(chatgpt2, github2), List.of());
            try (SinkUnderTest second =
                    new SinkUnderTest(broker, GROUP, dir, db, pager, time, true)) {
                pager.awaitAccepted(a -> a.contains(github2), SinkUnderTest.DEADLINE);
                Await.until(
                        "the second silenced alert recorded",
                        SinkUnderTest.DEADLINE,
                        () -> recorded(db, "inc-chatgpt", 2));
                assertThat(pager.requests()).containsExactly(github1, github2);

                // bin/outagewatch silence expire, from another process, on the same clock.
                try (HistoryStore store = HistoryStore.open(db)) {
                    store.expire("s-failover", time.instant());
                }
                pager.awaitAccepted(a -> a.contains(chatgpt2), RELEASE_DEADLINE);
            }
            // Once more after a restart: the history still shows chatgpt v2 held back and open,
            // but the delivery log knows it went out.
            try (HistoryStore store = HistoryStore.open(db)) {
                assertThat(store.heldAlerts()).extracting(h -> h.alert()).containsExactly(chatgpt2);
            }
            try (SinkUnderTest third =
                    new SinkUnderTest(broker, GROUP, dir, db, pager, time, true)) {
                Await.until(
                        "the restarted sink released what the history held",
                        RELEASE_DEADLINE,
                        () -> third.heldCount() == 0);
            }
            assertThat(pager.requests()).containsExactly(github1, github2, chatgpt2);
        }
        try (HistoryStore store = HistoryStore.open(db)) {
            assertThat(store.incident("inc-chatgpt").orElseThrow().silencedBy())
                    .isEqualTo("s-failover");
            assertThat(store.incident("inc-github").orElseThrow().silenced()).isFalse();
        }
    }

    private static boolean recorded(String db, String incidentId, int version) {
        try (HistoryStore store = HistoryStore.open(db)) {
            return store.incident(incidentId).map(i -> i.latestVersion() >= version).orElse(false);
        }
    }
}
