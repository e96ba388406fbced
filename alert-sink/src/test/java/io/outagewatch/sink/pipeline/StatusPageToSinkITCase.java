package io.outagewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.outagewatch.events.Alert;
import io.outagewatch.events.Maintenance;
import io.outagewatch.events.MaintenanceSerde;
import io.outagewatch.events.StatusUpdate;
import io.outagewatch.events.StatusUpdateSerde;
import io.outagewatch.events.Topics;
import io.outagewatch.ingest.publish.EventPublisher;
import io.outagewatch.ingest.publish.KafkaEventPublisher;
import io.outagewatch.ingest.publish.KafkaPublishing;
import io.outagewatch.ingest.statuspage.ConditionalFetcher;
import io.outagewatch.ingest.statuspage.PageConfig;
import io.outagewatch.ingest.statuspage.PageEndpoint;
import io.outagewatch.ingest.statuspage.PollOutcome;
import io.outagewatch.ingest.statuspage.StatusPageConfig;
import io.outagewatch.ingest.statuspage.StatusPageService;
import io.outagewatch.kafka.Await;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import io.outagewatch.sink.history.HistoryStore;
import io.outagewatch.sink.history.Incident;
import io.outagewatch.sink.silence.Silence;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * From a status page to a silenced incident, all real: a Statuspage-format {@code summary.json}
 * announcing a maintenance, served on loopback, is polled by the status-page poller, which
 * publishes to the embedded broker; the sink reads the {@code maintenances} topic and does not page
 * the incident detected inside the window, while another service is paged. The announcement is no
 * status update, so it is never the incident's official acknowledgement.
 */
@Timeout(120)
class StatusPageToSinkITCase {

    private static final int PARTITIONS = 2;
    private static final Instant POLLED = Instant.parse("2023-11-08T13:00:00Z");
    private static final String SUMMARY_PATH = PageEndpoint.SUMMARY.path();

    /** A page with no incident and one maintenance of its ChatGPT component, 13:30 to 17:30 UTC. */
    private static final String SUMMARY =
            """
            {"page":{"id":"y2j98763l56x","name":"Example AI","url":"https://status.example-ai.test",
              "time_zone":"America/Chicago","updated_at":"2023-11-08T06:00:00.000-06:00"},
             "status":{"indicator":"maintenance","description":"Service Under Maintenance"},
             "components":[{"id":"b13yz5g2cw10","name":"ChatGPT","status":"under_maintenance"}],
             "incidents":[],
             "scheduled_maintenances":[{
               "id":"w8k2m4n6p8q0","name":"ChatGPT database failover","status":"scheduled",
               "impact":"maintenance","created_at":"2023-11-06T10:00:00.000-06:00",
               "updated_at":"2023-11-07T10:00:00.000-06:00","monitoring_at":null,"resolved_at":null,
               "shortlink":"https://stspg.io/w8k2m4n",
               "scheduled_for":"2023-11-08T07:30:00.000-06:00",
               "scheduled_until":"2023-11-08T11:30:00.000-06:00",
               "page_id":"y2j98763l56x","incident_updates":[],
               "components":[{"id":"b13yz5g2cw10","name":"ChatGPT","status":"under_maintenance"}]}]}
            """;

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
    void aMaintenanceOnAStatusPageSilencesTheIncidentInsideItAndIsNoAcknowledgement()
            throws Exception {
        HttpServer page =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        page.createContext(SUMMARY_PATH, StatusPageToSinkITCase::serveSummary);
        page.start();
        String db = "jdbc:sqlite:" + dir.resolve("history.db");
        Alert silenced = TestAlerts.alert("inc-chatgpt", "chatgpt", 1);
        Alert paged = TestAlerts.alert("inc-github", "github", 1);
        try (TestReceiverServer pager = TestReceiverServer.accepting();
                EventPublisher<StatusUpdate> updates =
                        KafkaEventPublisher.open(
                                KafkaPublishing.defaults(broker.bootstrapServers(), "e2e-updates"),
                                Topics.STATUS_UPDATES,
                                StatusUpdateSerde.INSTANCE,
                                StatusUpdate::service);
                EventPublisher<Maintenance> maintenances =
                        KafkaEventPublisher.open(
                                KafkaPublishing.defaults(
                                        broker.bootstrapServers(), "e2e-maintenances"),
                                Topics.MAINTENANCES,
                                MaintenanceSerde.INSTANCE,
                                Maintenance::service)) {
            PageConfig example =
                    new PageConfig(
                            "example",
                            PageEndpoint.SUMMARY,
                            URI.create("http://127.0.0.1:" + page.getAddress().getPort()),
                            Duration.ofSeconds(60),
                            Map.of("ChatGPT", "chatgpt"),
                            null);
            StatusPageService poller =
                    StatusPageService.create(
                            new StatusPageConfig(
                                    List.of(example),
                                    broker.bootstrapServers(),
                                    dir.resolve("statuspage-state.json"),
                                    StatusPageConfig.DEFAULT_BACKFILL,
                                    StatusPageConfig.DEFAULT_MAX_BACKOFF),
                            updates,
                            maintenances,
                            ConditionalFetcher.defaultClient(),
                            Clock.fixed(POLLED, ZoneOffset.UTC),
                            () -> 0.0);

            PollOutcome outcome = poller.pollOnce().get("example");

            assertThat(outcome.result()).isEqualTo(PollOutcome.Result.READ);
            assertThat(outcome.published()).as("status updates: none").isZero();

            try (SinkUnderTest sink =
                    new SinkUnderTest(
                            broker, "e2e", dir, db, pager, new FakeTime(TestAlerts.NOW), true)) {
                Await.until(
                        "the announced maintenance stored as a silence",
                        SinkUnderTest.DEADLINE,
                        () -> announced(db).size() == 1);
                AlertTopic.publishInOneTransaction(
                        broker, "e2e-alerts", List.of(silenced, paged), List.of());
                pager.awaitAccepted(a -> a.contains(paged), SinkUnderTest.DEADLINE);
                Await.until(
                        "the silenced alert recorded",
                        SinkUnderTest.DEADLINE,
                        () -> incident(db, "inc-chatgpt") != null);
            }
            assertThat(pager.requests()).containsExactly(paged);
        } finally {
            page.stop(0);
        }
        Silence silence = announced(db).get(0);
        assertThat(silence.startsAt()).isEqualTo(Instant.parse("2023-11-08T13:30:00Z"));
        assertThat(silence.endsAt()).isEqualTo(Instant.parse("2023-11-08T17:30:00Z"));
        Incident incident = incident(db, "inc-chatgpt");
        assertThat(incident.silencedBy()).isEqualTo(silence.id());
        assertThat(incident.officialAckAt()).as("a maintenance is no acknowledgement").isNull();
        assertThat(incident.leadSecondsOverAck()).isNull();
    }

    private static void serveSummary(com.sun.net.httpserver.HttpExchange exchange)
            throws IOException {
        try (exchange;
                InputStream ignored = exchange.getRequestBody()) {
            byte[] body = SUMMARY.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static List<Silence> announced(String db) {
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
