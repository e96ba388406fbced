package io.outagewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outagewatch.sink.notify.AlertmanagerNotifier;
import io.outagewatch.sink.notify.ConsoleNotifier;
import io.outagewatch.sink.notify.HttpDelivery;
import io.outagewatch.sink.notify.RecordingServer;
import io.outagewatch.sink.notify.TestAlerts;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class OpenIncidentsTest {

    private static final Instant T0 = Instant.parse("2023-11-08T13:45:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anOpenIncidentIsPushedToAlertmanagerEveryIntervalUntilItsRecovery() throws Exception {
        try (RecordingServer alertmanager = RecordingServer.start()) {
            AlertmanagerNotifier notifier =
                    new AlertmanagerNotifier(
                            "am",
                            List.of(alertmanager.url("")),
                            Optional.empty(),
                            HttpDelivery.create(),
                            Duration.ofMinutes(1));
            OpenIncidents open = new OpenIncidents();

            open.delivered(notifier, TestAlerts.updated(), T0);
            open.delivered(notifier, TestAlerts.started(), T0); // older version: ignored
            assertThat(open.resendDue(T0.plusSeconds(30))).isZero();
            assertThat(open.resendDue(T0.plusSeconds(60))).isEqualTo(1);
            assertThat(open.resendDue(T0.plusSeconds(90))).isZero();
            assertThat(open.resendDue(T0.plusSeconds(120))).isEqualTo(1);

            List<RecordingServer.Request> pushes = alertmanager.requests();
            assertThat(pushes).hasSize(2);
            for (RecordingServer.Request push : pushes) {
                JsonNode alert = JSON.readTree(push.bodyText()).get(0);
                assertThat(alert.has("endsAt")).isFalse();
                assertThat(alert.get("labels").get("incident_id").asText())
                        .isEqualTo(TestAlerts.updated().incidentId());
            }

            open.delivered(notifier, TestAlerts.recovered(), T0.plusSeconds(150));
            assertThat(open.size()).isZero();
            assertThat(open.resendDue(T0.plusSeconds(600))).isZero();
            assertThat(alertmanager.requests()).hasSize(2);
        }
    }

    @Test
    void receiversThatRememberAreNotSentAgain() throws Exception {
        OpenIncidents open = new OpenIncidents();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        open.delivered(
                new ConsoleNotifier("console", new PrintStream(out, true, StandardCharsets.UTF_8)),
                TestAlerts.started(),
                T0);

        assertThat(open.size()).isZero();
        assertThat(open.resendDue(T0.plus(Duration.ofHours(1)))).isZero();
        assertThat(out.size()).isZero();
    }

    @Test
    void aRecoveryTheReceiverDidNotTakeStillEndsTheResends() throws Exception {
        OpenIncidents open = new OpenIncidents();
        AlertmanagerNotifier notifier = alertmanager("http://127.0.0.1:9");

        open.delivered(notifier, TestAlerts.started(), T0);
        open.notDelivered(notifier, TestAlerts.updated());
        assertThat(open.size()).isEqualTo(1);
        open.notDelivered(notifier, TestAlerts.recovered());

        assertThat(open.size()).isZero();
    }

    @Test
    void atMostTheLimitIsTrackedAndTheLeastRecentlyUpdatedGoesFirst() throws Exception {
        try (RecordingServer server = RecordingServer.start()) {
            AlertmanagerNotifier notifier = alertmanager(server.url(""));
            OpenIncidents open = new OpenIncidents(2);
            open.delivered(notifier, incident("inc-a", 1), T0);
            open.delivered(notifier, incident("inc-b", 1), T0);
            open.delivered(notifier, incident("inc-a", 2), T0.plusSeconds(1));
            open.delivered(notifier, incident("inc-c", 1), T0.plusSeconds(2));

            assertThat(open.size()).isEqualTo(2);
            assertThat(open.resendDue(T0.plus(Duration.ofHours(1)))).isEqualTo(2);
            assertThat(server.requests())
                    .extracting(r -> JSON.readTree(r.bodyText()).get(0).get("labels"))
                    .extracting(labels -> labels.get("incident_id").asText())
                    .containsExactlyInAnyOrder("inc-a", "inc-c");
        }
    }

    private static AlertmanagerNotifier alertmanager(String url) {
        return new AlertmanagerNotifier(
                "am", List.of(url), Optional.empty(), HttpDelivery.create(), Duration.ofMinutes(1));
    }

    private static io.outagewatch.events.Alert incident(String incidentId, int version) {
        io.outagewatch.events.Alert started = TestAlerts.started();
        return new io.outagewatch.events.Alert(
                incidentId,
                version == 1
                        ? io.outagewatch.events.AlertType.OUTAGE_STARTED
                        : io.outagewatch.events.AlertType.OUTAGE_UPDATED,
                started.service(),
                started.severity(),
                started.regions(),
                started.startedAt(),
                started.detectedAt(),
                null,
                null,
                started.estimatedDurationSeconds(),
                started.estimatedDurationLowSeconds(),
                started.estimatedDurationHighSeconds(),
                started.evidence(),
                started.officialStatus(),
                started.leadSecondsOverAck(),
                version);
    }
}
