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
}
