package io.outagewatch.sink.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.AlertType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class WebhookNotifierTest {
    private static final Instant NOW = Instant.parse("2023-11-08T13:43:31Z");
    private static final String SECRET = StandardWebhookSignerTest.SECRET;

    private final HttpDelivery http = HttpDelivery.create(Duration.ofSeconds(5), Clock.systemUTC());
    private final StandardWebhookSigner signer = new StandardWebhookSigner(SECRET);

    @Test
    void postsTheAlertJsonSignedPerStandardWebhooks() throws Exception {
        try (RecordingServer server = RecordingServer.answering(204, "")) {
            WebhookNotifier notifier =
                    new WebhookNotifier(
                            "hook",
                            server.url("/hooks/outages?tenant=1"),
                            signer,
                            Clock.fixed(NOW, ZoneOffset.UTC),
                            http);

            assertThat(notifier.deliver(TestAlerts.started()))
                    .isEqualTo(new Delivery.Delivered("HTTP 204"));

            RecordingServer.Request request = server.requests().get(0);
            assertThat(request.path()).isEqualTo("/hooks/outages?tenant=1");
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.bodyText())
                    .isEqualTo(AlertSerde.INSTANCE.toJson(TestAlerts.started()));
            assertThat(AlertSerde.INSTANCE.parse(request.body()).value())
                    .isEqualTo(TestAlerts.started());
            String id = request.header("webhook-id");
            String timestamp = request.header("webhook-timestamp");
            String signature = request.header("webhook-signature");
            assertThat(id).isEqualTo("chatgpt-20231108-1342-v1");
            assertThat(timestamp).isEqualTo(Long.toString(NOW.getEpochSecond()));

            // The spec's algorithm, written out independently of the signer.
            assertThat(signature)
                    .isEqualTo("v1," + hmac(SECRET, id + "." + timestamp + ".", request.body()));
            assertThat(signer.verify(id, timestamp, request.body(), signature, NOW.plusSeconds(2)))
                    .isTrue();

            byte[] tampered =
                    request.bodyText().replace("MAJOR", "MINOR").getBytes(StandardCharsets.UTF_8);
            assertThat(signer.verify(id, timestamp, tampered, signature, NOW)).isFalse();
        }
    }

    @Test
    void retriesKeepTheIdAndGetAFreshTimestamp() throws Exception {
        try (RecordingServer server = RecordingServer.answering(200, "")) {
            server.then(RecordingServer.Answer.of(502, "bad gateway"));
            Alert alert = TestAlerts.updated();
            WebhookNotifier first =
                    new WebhookNotifier(
                            "hook",
                            server.url("/h"),
                            signer,
                            Clock.fixed(NOW, ZoneOffset.UTC),
                            http);
            WebhookNotifier later =
                    new WebhookNotifier(
                            "hook",
                            server.url("/h"),
                            signer,
                            Clock.fixed(NOW.plusSeconds(65), ZoneOffset.UTC),
                            http);

            assertThat(first.deliver(alert)).isInstanceOf(Delivery.Retryable.class);
            assertThat(later.deliver(alert)).isInstanceOf(Delivery.Delivered.class);

            RecordingServer.Request a = server.requests().get(0);
            RecordingServer.Request b = server.requests().get(1);
            assertThat(a.header("webhook-id"))
                    .isEqualTo(b.header("webhook-id"))
                    .isEqualTo("chatgpt-20231108-1342-v2");
            assertThat(
                            Long.parseLong(b.header("webhook-timestamp"))
                                    - Long.parseLong(a.header("webhook-timestamp")))
                    .isEqualTo(65);
            assertThat(a.header("webhook-signature")).isNotEqualTo(b.header("webhook-signature"));
            assertThat(a.body()).isEqualTo(b.body());
        }
    }

    @Test
    void goneEndpointIsRejected() throws Exception {
        try (RecordingServer server = RecordingServer.answering(410, "gone")) {
            WebhookNotifier notifier =
                    new WebhookNotifier("hook", server.url("/h"), signer, Clock.systemUTC(), http);
            Delivery delivery = notifier.deliver(TestAlerts.started());
            assertThat(delivery).isInstanceOf(Delivery.Rejected.class);
            assertThat(delivery.detail()).startsWith("HTTP 410: gone").contains("disable");
        }
    }

    @Test
    void incidentIdsWithDotsAreEncodedInTheWebhookId() {
        Alert a = TestAlerts.started();
        Alert dotted =
                new Alert(
                        "api.example.com/https 1",
                        AlertType.OUTAGE_STARTED,
                        a.service(),
                        a.severity(),
                        a.regions(),
                        a.startedAt(),
                        a.detectedAt(),
                        null,
                        null,
                        a.estimatedDurationSeconds(),
                        a.estimatedDurationLowSeconds(),
                        a.estimatedDurationHighSeconds(),
                        a.evidence(),
                        null,
                        null,
                        4);
        assertThat(WebhookNotifier.webhookId(dotted))
                .isEqualTo("api%2Eexample%2Ecom%2Fhttps%201-v4");
    }

    private static String hmac(String secret, String prefix, byte[] body) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update(prefix.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }
}
