package io.outagewatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.sink.history.HistoryStore;
import io.outagewatch.sink.history.Incident;
import io.outagewatch.sink.notify.HttpDelivery;
import io.outagewatch.sink.notify.RecordingServer;
import io.outagewatch.sink.notify.StandardWebhookSigner;
import io.outagewatch.sink.notify.TestAlerts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink as {@code bin/outagewatch sink} wires it: real receivers, a signed webhook on a local
 * server, the console, and the SQLite history, fed from a file.
 */
@Timeout(60)
class SinkWiringTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final Instant NOW = Instant.parse("2023-11-08T16:01:00Z");

    @TempDir Path dir;

    @Test
    void aFileOfAlertsReachesEveryReceiverAndTheHistory() throws Exception {
        List<Alert> alerts =
                List.of(TestAlerts.started(), TestAlerts.updated(), TestAlerts.recovered());
        Path file = dir.resolve("alerts.jsonl");
        Files.write(file, alerts.stream().map(AlertSerde.INSTANCE::toJson).toList());
        Path secret = dir.resolve("webhook.secret");
        Files.writeString(secret, SECRET + "\n");
        String db = "jdbc:sqlite:" + dir.resolve("history.db");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        try (RecordingServer webhook = RecordingServer.start()) {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            PrintStream console = new PrintStream(out, true, StandardCharsets.UTF_8);
            int status =
                    io.outagewatch.sink.pipeline.SinkMain.run(
                            new String[] {
                                "--from-file",
                                file.toString(),
                                "--console",
                                "--webhook-url",
                                webhook.url("/hooks/outagewatch"),
                                "--webhook-secret-file",
                                secret.toString(),
                                "--db",
                                db,
                                "--delivery-log",
                                dir.resolve("delivery-log").toString()
                            },
                            Map.of(),
                            console,
                            new PrintStream(err, true, StandardCharsets.UTF_8),
                            new Receivers(console, clock, HttpDelivery.create()),
                            SinkMain::openHistory,
                            new CountDownLatch(1));

            assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
            List<RecordingServer.Request> requests = webhook.requests();
            assertThat(requests).hasSize(3);
            StandardWebhookSigner signer = new StandardWebhookSigner(SECRET);
            for (int i = 0; i < 3; i++) {
                RecordingServer.Request request = requests.get(i);
                assertThat(request.bodyText()).isEqualTo(AlertSerde.INSTANCE.toJson(alerts.get(i)));
                assertThat(
                                signer.verify(
                                        request.header("webhook-id"),
                                        request.header("webhook-timestamp"),
                                        request.body(),
                                        request.header("webhook-signature"),
                                        NOW))
                        .isTrue();
            }
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2 h 18 min");
        try (HistoryStore history = HistoryStore.open(db)) {
            Incident incident = history.incident(TestAlerts.started().incidentId()).orElseThrow();
            assertThat(incident.durationSeconds()).isEqualTo(8280L);
            assertThat(history.alerts(incident.incidentId())).hasSize(3);
        }
    }
}
