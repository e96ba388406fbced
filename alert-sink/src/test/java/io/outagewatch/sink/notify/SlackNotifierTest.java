package io.outagewatch.sink.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class SlackNotifierTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOOK_PATH = "/services/T000/B000/XXXXXXXXXXXXXXXX";

    private final HttpDelivery http = HttpDelivery.create(Duration.ofSeconds(5), Clock.systemUTC());

    @Test
    void postsStartedAndRecoveredMessages() throws Exception {
        try (RecordingServer server = RecordingServer.answering(200, "ok")) {
            SlackNotifier slack = new SlackNotifier("ops", server.url(HOOK_PATH), http);

            assertThat(slack.deliver(TestAlerts.started()))
                    .isEqualTo(new Delivery.Delivered("HTTP 200: ok"));
            assertThat(slack.deliver(TestAlerts.recovered()))
                    .isEqualTo(new Delivery.Delivered("HTTP 200: ok"));

            assertThat(server.requests()).hasSize(2);
            RecordingServer.Request first = server.requests().get(0);
            assertThat(first.path()).isEqualTo(HOOK_PATH);
            assertThat(first.header("Content-Type")).isEqualTo("application/json");
            JsonNode started = JSON.readTree(first.body());
            assertThat(started.size()).isEqualTo(1);
            assertThat(started.get("text").asText())
                    .isEqualTo(
                            ":red_circle: *chatgpt* is down: major outage in eu-west, us-east"
                                    + " since 2023-11-08T13:42:00Z, expected to last about 1 h 30"
                                    + " min (30 min to 3 h)\n"
                                    + "Evidence: probes failing 92% (usual 1%); failing at fra-1,"
                                    + " iad-2, sin-1; healthy at syd-1; error reports 47.5/min"
                                    + " (usual 0.8/min); anomaly score 12.3\n"
                                    + "Incident chatgpt-20231108-1342, alert 1, detected 2023-11-08T13:43:30Z");

            String recovered = JSON.readTree(server.requests().get(1).body()).get("text").asText();
            assertThat(recovered)
                    .startsWith(
                            ":large_green_circle: *chatgpt* has recovered: it was down for 2 h 18"
                                    + " min (major outage in eu-west, us-east from"
                                    + " 2023-11-08T13:42:00Z to 2023-11-08T16:00:00Z)\n")
                    .contains("was down for 2 h 18 min")
                    .contains("&amp; the &lt;API&gt;")
                    .doesNotContain("<API>");
        }
    }

    @Test
    void updateSaysStillDown() {
        assertThat(SlackNotifier.text(TestAlerts.updated()))
                .startsWith(
                        ":large_orange_circle: *chatgpt* is still down: major outage in eu-west,"
                                + " us-east since 2023-11-08T13:42:00Z, now expected to last about"
                                + " 2 h (1 h to 4 h)");
    }

    @Test
    void messageSaysTheTimeLeftAndWhatTheEstimateRestsOn() {
        assertThat(SlackNotifier.text(TestAlerts.startedWithTimeLeft()))
                .isEqualTo(
                        ":red_circle: *chatgpt* is down: major outage in eu-west, us-east since"
                                + " 2023-11-08T13:42:00Z, expected to last about 2 h 36 min (44"
                                + " min to 16 h), about 1 h 50 min left — typical of major"
                                + " outages\n"
                                + "Time left: about 1 h 50 min (20 min to 14 h)\n"
                                + "Evidence: probes failing 92% (usual 1%); failing at fra-1,"
                                + " iad-2, sin-1; healthy at syd-1; error reports 47.5/min"
                                + " (usual 0.8/min); anomaly score 12.3\n"
                                + "Incident chatgpt-20231108-1342, alert 1, detected"
                                + " 2023-11-08T13:43:30Z");
        assertThat(SlackNotifier.text(TestAlerts.updatedWithTimeLeft()))
                .startsWith(
                        ":large_orange_circle: *chatgpt* is still down: major outage in eu-west,"
                                + " us-east since 2023-11-08T13:42:00Z, now expected to last about"
                                + " 2 h (1 h to 4 h), about 40 min left — from 41 past ChatGPT"
                                + " incidents, in monitoring\nTime left: about 40 min (10 min to 2"
                                + " h 30 min)\n");
    }

    @Test
    void aMessageWithHundredsOfRegionsKeepsTheEstimateAndDetails() {
        String text =
                SlackNotifier.text(
                        TestAlerts.withRegions(
                                TestAlerts.startedWithTimeLeft(), TestAlerts.manyRegions(250)));

        String headline = text.substring(0, text.indexOf('\n'));
        assertThat(headline)
                .hasSizeLessThanOrEqualTo(
                        ":red_circle: ".length() + SlackNotifier.HEADLINE_MAX_CHARS)
                .endsWith("about 1 h 50 min left — typical of major outages");
        assertThat(text)
                .hasSizeLessThanOrEqualTo(SlackNotifier.TEXT_MAX_CHARS)
                .contains("\nTime left: about 1 h 50 min (20 min to 14 h)\n")
                .endsWith("Incident chatgpt-20231108-1342, alert 1, detected 2023-11-08T13:43:30Z");
    }

    @Test
    void goneWebhookIsRejectedAndThrottlingRetried() throws Exception {
        try (RecordingServer server = RecordingServer.start()) {
            server.then(
                    RecordingServer.Answer.of(404, "no_service"),
                    RecordingServer.Answer.of(410, "channel_is_archived"),
                    RecordingServer.Answer.of(429, "{\"ok\":false}").withHeader("Retry-After", "3"),
                    RecordingServer.Answer.of(500, "rollup_error"));
            SlackNotifier slack = new SlackNotifier("ops", server.url(HOOK_PATH), http);
            assertThat(slack.deliver(TestAlerts.started()))
                    .isEqualTo(new Delivery.Rejected("HTTP 404: no_service"));
            assertThat(slack.deliver(TestAlerts.started()))
                    .isEqualTo(new Delivery.Rejected("HTTP 410: channel_is_archived"));
            assertThat(slack.deliver(TestAlerts.started()))
                    .isEqualTo(
                            new Delivery.Retryable(
                                    "HTTP 429: {\"ok\":false}",
                                    Optional.of(Duration.ofSeconds(3))));
            assertThat(slack.deliver(TestAlerts.started()))
                    .isEqualTo(new Delivery.Retryable("HTTP 500: rollup_error", Optional.empty()));
        }
    }

    @Test
    void theWebhookUrlIsNeverShown() {
        String secretUrl = "ftp://hooks.slack.com/services/T1/B2/supersecret";
        assertThatThrownBy(() -> new SlackNotifier("ops", secretUrl, http))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("supersecret");
        SlackNotifier slack =
                new SlackNotifier(
                        "ops", "https://hooks.slack.com/services/T1/B2/supersecret", http);
        assertThat(slack.toString()).doesNotContain("supersecret");
        assertThat(slack.kind()).isEqualTo("slack");
        assertThat(slack.maxDeliveriesPerMinute()).isEqualTo(60.0);
    }
}
