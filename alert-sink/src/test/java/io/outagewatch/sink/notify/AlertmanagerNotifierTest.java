package io.outagewatch.sink.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class AlertmanagerNotifierTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpDelivery http = HttpDelivery.create(Duration.ofSeconds(5), Clock.systemUTC());

    @Test
    void pushesToEveryAlertmanagerWithStartsAtThenEndsAt() throws Exception {
        try (RecordingServer one = RecordingServer.start();
                RecordingServer two = RecordingServer.start()) {
            AlertmanagerNotifier notifier =
                    new AlertmanagerNotifier(
                            "am",
                            List.of(one.url(""), two.url("/am/")),
                            Optional.of("https://outagewatch.example/incidents"),
                            http);
            assertThat(notifier.endpoints())
                    .extracting(Object::toString)
                    .containsExactly(one.url("/api/v2/alerts"), two.url("/am/api/v2/alerts"));
            assertThat(notifier.resendInterval()).contains(Duration.ofMinutes(1));
            assertThat(notifier.resolvedResendWindow()).isEqualTo(Duration.ofMinutes(5));

            Delivery open = notifier.deliver(TestAlerts.started());
            Delivery resent = notifier.deliver(TestAlerts.started());
            Delivery closed = notifier.deliver(TestAlerts.recovered());

            assertThat(List.of(open, resent, closed))
                    .allMatch(d -> d instanceof Delivery.Delivered);
            assertThat(open.detail()).contains("HTTP 200");
            assertThat(one.requests()).hasSize(3);
            assertThat(two.requests()).hasSize(3);
            assertThat(one.requests().get(0).path()).isEqualTo("/api/v2/alerts");
            assertThat(two.requests().get(0).path()).isEqualTo("/am/api/v2/alerts");
            assertThat(one.requests().get(0).header("Content-Type")).isEqualTo("application/json");
            for (int i = 0; i < 3; i++) {
                assertThat(one.requests().get(i).body()).isEqualTo(two.requests().get(i).body());
            }

            JsonNode firing = JSON.readTree(one.requests().get(0).body());
            assertThat(firing.isArray()).isTrue();
            assertThat(firing.size()).isEqualTo(1);
            JsonNode alert = firing.get(0);
            JsonNode labels =
                    JSON.readTree(
                            "{\"alertname\":\"OutageWatchOutage\",\"service\":\"chatgpt\","
                                    + "\"severity\":\"critical\","
                                    + "\"incident_id\":\"chatgpt-20231108-1342\"}");
            assertThat(alert.get("labels")).isEqualTo(labels);
            assertThat(alert.get("annotations").get("summary").asText())
                    .isEqualTo(AlertText.headline(TestAlerts.started()));
            assertThat(alert.get("annotations").get("description").asText())
                    .startsWith("Evidence: probes failing 92%");
            assertThat(alert.get("startsAt").asText()).isEqualTo("2023-11-08T13:42:00Z");
            assertThat(alert.has("endsAt")).isFalse();
            assertThat(alert.get("generatorURL").asText())
                    .isEqualTo("https://outagewatch.example/incidents");

            JsonNode resolved = JSON.readTree(one.requests().get(2).body()).get(0);
            assertThat(resolved.get("labels")).isEqualTo(labels);
            assertThat(resolved.get("startsAt").asText()).isEqualTo("2023-11-08T13:42:00Z");
            assertThat(resolved.get("endsAt").asText()).isEqualTo("2023-11-08T16:00:00Z");
            assertThat(resolved.get("annotations").get("summary").asText())
                    .contains("was down for 2 h 18 min");
        }
    }

    @Test
    void annotationsSayTheTimeLeftAndWhatTheEstimateRestsOn() throws Exception {
        AlertmanagerNotifier notifier =
                new AlertmanagerNotifier(
                        "am", List.of("http://alertmanager:9093"), Optional.empty(), http);

        JsonNode annotations =
                JSON.readTree(notifier.body(TestAlerts.startedWithTimeLeft()))
                        .get(0)
                        .get("annotations");

        assertThat(annotations.get("summary").asText())
                .endsWith(
                        "expected to last about 2 h 36 min (44 min to 16 h), about 1 h 50 min"
                                + " left — typical of major outages");
        assertThat(annotations.get("description").asText())
                .startsWith("Time left: about 1 h 50 min (20 min to 14 h)\nEvidence: ");
    }

    @Test
    void outcomesAreCombinedAcrossAlertmanagers() throws Exception {
        try (RecordingServer ok = RecordingServer.start();
                RecordingServer failing = RecordingServer.answering(503, "restarting");
                RecordingServer refusing = RecordingServer.answering(400, "bad alert")) {
            Delivery partly =
                    new AlertmanagerNotifier(
                                    "am",
                                    List.of(ok.url(""), failing.url("")),
                                    Optional.empty(),
                                    http)
                            .deliver(TestAlerts.started());
            assertThat(partly).isInstanceOf(Delivery.Retryable.class);
            assertThat(partly.detail())
                    .contains("HTTP 200")
                    .contains("retryable, HTTP 503: restarting");

            Delivery refused =
                    new AlertmanagerNotifier(
                                    "am",
                                    List.of(ok.url(""), refusing.url("")),
                                    Optional.empty(),
                                    http)
                            .deliver(TestAlerts.started());
            assertThat(refused).isInstanceOf(Delivery.Rejected.class);
            assertThat(refused.detail()).contains("rejected, HTTP 400: bad alert");
            assertThat(ok.requests().get(0).body()).doesNotContain((byte) '\r');
        }
    }

    @Test
    void everyClientErrorIsRejectedAndServerErrorsRetried() throws Exception {
        try (RecordingServer server = RecordingServer.start()) {
            server.then(
                    RecordingServer.Answer.of(429, "slow down"),
                    RecordingServer.Answer.of(500, "oops").withHeader("Retry-After", "9"));
            AlertmanagerNotifier notifier =
                    new AlertmanagerNotifier("am", List.of(server.url("")), Optional.empty(), http);
            assertThat(notifier.deliver(TestAlerts.started()))
                    .isEqualTo(new Delivery.Rejected("HTTP 429: slow down"));
            assertThat(notifier.deliver(TestAlerts.started()))
                    .isEqualTo(
                            new Delivery.Retryable(
                                    "HTTP 500: oops", Optional.of(Duration.ofSeconds(9))));
            assertThat(notifier.kind()).isEqualTo("alertmanager");
        }
    }
}
