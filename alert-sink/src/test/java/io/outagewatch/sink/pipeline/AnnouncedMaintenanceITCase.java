package io.outagewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.Alert;
import io.outagewatch.events.Maintenance;
import io.outagewatch.events.MaintenanceSerde;
import io.outagewatch.events.Topics;
import io.outagewatch.kafka.Await;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import io.outagewatch.sink.history.HistoryStore;
import io.outagewatch.sink.history.Incident;
import io.outagewatch.sink.silence.Silence;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A maintenance a status page announced, on the {@code maintenances} topic of the real broker,
 * silences the incident inside its window and is never taken for the official acknowledgement; with
 * {@code silences.announcedMaintenances: false} the incident is paged.
 */
@Timeout(120)
class AnnouncedMaintenanceITCase {

    private static final int PARTITIONS = 2;
    private static final Instant ANNOUNCED = Instant.parse("2023-11-07T09:00:00Z");
    private static final Instant WINDOW_STARTS = Instant.parse("2023-11-08T13:30:00Z");
    private static final Instant WINDOW_ENDS = Instant.parse("2023-11-08T17:30:00Z");

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
    void anAnnouncedMaintenanceSilencesTheIncidentInsideItAndIsNoAcknowledgement()
            throws Exception {
        publishMaintenance("slack");
        String db = "jdbc:sqlite:" + dir.resolve("on").resolve("history.db");
        Alert silenced = TestAlerts.alert("inc-slack", "slack", 1);
        Alert paged = TestAlerts.alert("inc-zoom", "zoom", 1);
        FakeTime time = new FakeTime(TestAlerts.NOW);

        try (TestReceiverServer pager = TestReceiverServer.accepting();
                SinkUnderTest sink =
                        new SinkUnderTest(
                                broker,
                                "maintenance-on",
                                dir.resolve("on"),
                                db,
                                pager,
                                time,
                                true)) {
            Await.until(
                    "the announced maintenance stored as a silence",
                    SinkUnderTest.DEADLINE,
                    () -> announcedSilences(db).size() == 1);
            AlertTopic.publishInOneTransaction(
                    broker, "maintenance-on", List.of(silenced, paged), List.of());
            pager.awaitAccepted(a -> a.contains(paged), SinkUnderTest.DEADLINE);
            Await.until(
                    "the silenced alert recorded",
                    SinkUnderTest.DEADLINE,
                    () -> incident(db, "inc-slack") != null);
            assertThat(pager.requests()).containsExactly(paged);
        }
        Silence silence = announcedSilences(db).get(0);
        assertThat(silence.startsAt()).isEqualTo(WINDOW_STARTS);
        assertThat(silence.endsAt()).isEqualTo(WINDOW_ENDS);
        assertThat(silence.comment()).startsWith("Database upgrade (announced, scheduled");
        Incident incident = incident(db, "inc-slack");
        assertThat(incident.silencedBy()).isEqualTo(silence.id());
        assertThat(incident.officialAckAt()).as("a maintenance is no acknowledgement").isNull();
        assertThat(incident.leadSecondsOverAck()).isNull();
    }

    @Test
    void turnedOffTheAnnouncementIsIgnoredAndTheIncidentPaged() throws Exception {
        publishMaintenance("discord");
        String db = "jdbc:sqlite:" + dir.resolve("off").resolve("history.db");
        Alert alert = TestAlerts.alert("inc-discord", "discord", 1);
        FakeTime time = new FakeTime(TestAlerts.NOW);

        try (TestReceiverServer pager = TestReceiverServer.accepting();
                SinkUnderTest sink =
                        new SinkUnderTest(
                                broker,
                                "maintenance-off",
                                dir.resolve("off"),
                                db,
                                pager,
                                time,
                                false)) {
            AlertTopic.publishInOneTransaction(
                    broker, "maintenance-off", List.of(alert), List.of());
            pager.awaitAccepted(a -> a.contains(alert), SinkUnderTest.DEADLINE);
        }
        assertThat(announcedSilences(db)).isEmpty();
        assertThat(incident(db, "inc-discord").silenced()).isFalse();
    }

    private static void publishMaintenance(String service) {
        Maintenance maintenance =
                new Maintenance(
                        service,
                        ANNOUNCED,
                        "mnt-" + service,
                        Maintenance.Status.SCHEDULED,
                        WINDOW_STARTS,
                        WINDOW_ENDS,
                        "Database upgrade",
                        "https://status.example.com/incidents/mnt-" + service);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(
                        broker.clientProperties(),
                        new StringSerializer(),
                        new ByteArraySerializer())) {
            producer.send(
                    new ProducerRecord<>(
                            Topics.MAINTENANCES,
                            service,
                            MaintenanceSerde.INSTANCE.toBytes(maintenance)));
            producer.flush();
        }
    }

    private static List<Silence> announcedSilences(String db) {
        try (HistoryStore store = HistoryStore.open(db)) {
            return store.silences().stream()
                    .filter(s -> s.source() == Silence.Source.ANNOUNCED)
                    .toList();
        }
    }

    private static Incident incident(String db, String id) {
        try (HistoryStore store = HistoryStore.open(db)) {
            return store.incident(id).orElse(null);
        }
    }
}
