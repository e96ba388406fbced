package io.outagewatch.sink.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.Severity;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class PagerDutyNotifierTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "R0123456789abcdef0123456789abcde";
    private static final String ACCEPTED =
            "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\""
                    + TestAlerts.INCIDENT
                    + "\"}";

    private final HttpDelivery http = HttpDelivery.create(Duration.ofSeconds(5), Clock.systemUTC());

    private PagerDutyNotifier notifier(RecordingServer server) {
        return new PagerDutyNotifier("pd", URI.create(server.url("/v2/enqueue")), KEY, http);
    }

    @Test
    void triggersThenResolvesOneIncidentUnderOneDedupKey() throws Exception {
        try (RecordingServer server = RecordingServer.answering(202, ACCEPTED)) {
            PagerDutyNotifier notifier = notifier(server);

            Delivery started = notifier.deliver(TestAlerts.started());
            Delivery updated = notifier.deliver(TestAlerts.updated());
            Delivery recovered = notifier.deliver(TestAlerts.recovered());

            assertThat(started).isInstanceOf(Delivery.Delivered.class);
            assertThat(started.detail()).isEqualTo("HTTP 202: " + ACCEPTED);
            assertThat(updated).isInstanceOf(Delivery.Delivered.class);
            assertThat(recovered).isInstanceOf(Delivery.Delivered.class);

            List<RecordingServer.Request> requests = server.requests();
            assertThat(requests).hasSize(3);
            for (RecordingServer.Request request : requests) {
                assertThat(request.method()).isEqualTo("POST");
                assertThat(request.path()).isEqualTo("/v2/enqueue");
                assertThat(request.header("Content-Type")).isEqualTo("application/json");
                assertThat(request.header("Authorization")).isNull();
            }

            JsonNode trigger = JSON.readTree(requests.get(0).body());
            assertThat(fieldNames(trigger))
                    .containsExactly(
                            "routing_key", "event_action", "dedup_key", "payload", "client");
            assertThat(trigger.get("routing_key").asText()).isEqualTo(KEY);
            assertThat(trigger.get("event_action").asText()).isEqualTo("trigger");
            assertThat(trigger.get("dedup_key").asText()).isEqualTo(TestAlerts.INCIDENT);
            assertThat(trigger.get("client").asText()).isEqualTo("OutageWatch");
            JsonNode payload = trigger.get("payload");
            assertThat(fieldNames(payload))
                    .containsExactly(
                            "summary",
                            "source",
                            "severity",
                            "timestamp",
                            "component",
                            "class",
                            "custom_details");
            assertThat(payload.get("summary").asText())
                    .isEqualTo(
                            "chatgpt is down: major outage in eu-west, us-east since"
                                    + " 2023-11-08T13:42:00Z, expected to last about 1 h 30 min"
                                    + " (30 min to 3 h)");
            assertThat(payload.get("source").asText()).isEqualTo("outagewatch");
            assertThat(payload.get("severity").asText()).isEqualTo("critical");
            assertThat(payload.get("timestamp").asText()).isEqualTo("2023-11-08T13:43:30Z");
            assertThat(payload.get("component").asText()).isEqualTo("chatgpt");
            assertThat(payload.get("class").asText()).isEqualTo("outage");
            JsonNode details = payload.get("custom_details");
            assertThat(details.get("incidentId").asText()).isEqualTo(TestAlerts.INCIDENT);
            assertThat(details.get("alertType").asText()).isEqualTo("OUTAGE_STARTED");
            assertThat(details.get("version").asInt()).isEqualTo(1);
            assertThat(details.get("severity").asText()).isEqualTo("MAJOR");
            assertThat(details.get("regions").asText()).isEqualTo("eu-west, us-east");
            assertThat(details.get("startedAt").asText()).isEqualTo("2023-11-08T13:42:00Z");
            assertThat(details.get("estimatedDuration").asText())
                    .isEqualTo("about 1 h 30 min (30 min to 3 h)");
            assertThat(details.get("estimatedDurationSeconds").asLong()).isEqualTo(5400);
            assertThat(details.get("estimatedDurationLowSeconds").asLong()).isEqualTo(1800);
            assertThat(details.get("estimatedDurationHighSeconds").asLong()).isEqualTo(10800);
            assertThat(details.get("evidence"))
                    .isEqualTo(
                            JSON.readTree(
                                    "{\"probeFailureRate\":0.92,\"probeFailureBaseline\":0.01,"
                                            + "\"failingVantages\":[\"fra-1\",\"iad-2\",\"sin-1\"],"
                                            + "\"healthyVantages\":[\"syd-1\"],\"reportRate\":47.5,"
                                            + "\"reportBaseline\":0.8,\"score\":12.25}"));
            assertThat(details.has("officialStatus")).isFalse();
            assertThat(details.has("leadSecondsOverAck")).isFalse();
            assertThat(details.has("estimatedRemaining")).isFalse();
            assertThat(details.has("estimatedRemainingSeconds")).isFalse();
            assertThat(details.has("estimateBasis")).isFalse();

            JsonNode update = JSON.readTree(requests.get(1).body());
            assertThat(update.get("event_action").asText()).isEqualTo("trigger");
            assertThat(update.get("dedup_key").asText()).isEqualTo(TestAlerts.INCIDENT);
            JsonNode updateDetails = update.get("payload").get("custom_details");
            assertThat(updateDetails.get("officialStatus").get("status").asText())
                    .isEqualTo("investigating");
            assertThat(updateDetails.get("officialStatus").get("url").asText())
                    .isEqualTo("https://status.openai.com/incidents/yp8kx2y5ws2r");
            assertThat(updateDetails.get("leadSecondsOverAck").asLong()).isEqualTo(2790);
            assertThat(updateDetails.get("lead").asText())
                    .isEqualTo("Detected 47 min before the official acknowledgement");

            JsonNode resolve = JSON.readTree(requests.get(2).body());
            assertThat(resolve)
                    .isEqualTo(
                            JSON.createObjectNode()
                                    .put("routing_key", KEY)
                                    .put("event_action", "resolve")
                                    .put("dedup_key", TestAlerts.INCIDENT));
        }
    }

    @Test
    void severitiesMapToPagerDutysLowerCaseEnum() {
        assertThat(PagerDutyNotifier.severity(Severity.MAJOR)).isEqualTo("critical");
        assertThat(PagerDutyNotifier.severity(Severity.PARTIAL)).isEqualTo("error");
        assertThat(PagerDutyNotifier.severity(Severity.DEGRADED)).isEqualTo("warning");
    }

    @Test
    void triggerSaysTheTimeLeftAndWhatTheEstimateRestsOn() throws Exception {
        PagerDutyNotifier notifier =
                new PagerDutyNotifier("pd", URI.create(PagerDutyNotifier.DEFAULT_URL), KEY, http);

        JsonNode payload =
                JSON.readTree(notifier.event(TestAlerts.startedWithTimeLeft())).get("payload");

        assertThat(payload.get("summary").asText())
                .isEqualTo(
                        "chatgpt is down: major outage in eu-west, us-east since"
                                + " 2023-11-08T13:42:00Z, expected to last about 2 h 36 min (44"
                                + " min to 16 h), about 1 h 50 min left — typical of major"
                                + " outages");
        JsonNode details = payload.get("custom_details");
        assertThat(details.get("estimatedDuration").asText())
                .isEqualTo("about 2 h 36 min (44 min to 16 h)");
        assertThat(details.get("estimatedDurationSeconds").asLong()).isEqualTo(9360);
        assertThat(details.get("estimatedRemaining").asText())
                .isEqualTo("about 1 h 50 min (20 min to 14 h)");
        assertThat(details.get("estimatedRemainingSeconds").asLong()).isEqualTo(6600);
        assertThat(details.get("estimatedRemainingLowSeconds").asLong()).isEqualTo(1200);
        assertThat(details.get("estimatedRemainingHighSeconds").asLong()).isEqualTo(50400);
        assertThat(details.get("estimateBasis").asText()).isEqualTo("typical of major outages");
    }

    @Test
    void aBasisWithoutTimeLeftIsStillSent() throws Exception {
        PagerDutyNotifier notifier =
                new PagerDutyNotifier("pd", URI.create(PagerDutyNotifier.DEFAULT_URL), KEY, http);
        Alert alert =
                TestAlerts.withTimeLeft(
                        TestAlerts.updated(), null, null, null, "from 41 past ChatGPT incidents");

        JsonNode payload = JSON.readTree(notifier.event(alert)).get("payload");

        assertThat(payload.get("summary").asText())
                .endsWith(
                        "now expected to last about 2 h (1 h to 4 h) — from 41 past ChatGPT incidents");
        assertThat(payload.get("custom_details").get("estimateBasis").asText())
                .isEqualTo("from 41 past ChatGPT incidents");
        assertThat(payload.get("custom_details").has("estimatedRemaining")).isFalse();
    }

    @Test
    void aLongSummaryNamesFewerRegionsAndKeepsTheTimeLeftAndBasis() throws Exception {
        Alert wide =
                TestAlerts.withRegions(
                        TestAlerts.updatedWithTimeLeft(), TestAlerts.manyRegions(200));
        PagerDutyNotifier notifier =
                new PagerDutyNotifier("pd", URI.create(PagerDutyNotifier.DEFAULT_URL), KEY, http);

        JsonNode payload = JSON.readTree(notifier.event(wide)).get("payload");

        assertThat(payload.get("summary").asText())
                .hasSizeLessThanOrEqualTo(PagerDutyNotifier.SUMMARY_MAX_CHARS)
                .hasSizeGreaterThan(PagerDutyNotifier.SUMMARY_MAX_CHARS - 40)
                .contains(" more regions since 2023-11-08T13:42:00Z")
                .endsWith("about 40 min left — from 41 past ChatGPT incidents, in monitoring");
        assertThat(payload.get("custom_details").get("regions").asText())
                .contains("region-with-a-rather-long-name-199");
    }

    @Test
    void summaryIsCutTo1024Characters() throws Exception {
        List<String> regions = TestAlerts.manyRegions(200);
        Alert a = TestAlerts.started();
        Alert wide =
                new Alert(
                        a.incidentId(),
                        AlertType.OUTAGE_STARTED,
                        a.service(),
                        Severity.PARTIAL,
                        regions,
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
                        1);
        PagerDutyNotifier notifier =
                new PagerDutyNotifier("pd", URI.create(PagerDutyNotifier.DEFAULT_URL), KEY, http);
        JsonNode payload = JSON.readTree(notifier.event(wide)).get("payload");
        assertThat(payload.get("summary").asText())
                .hasSizeLessThanOrEqualTo(1024)
                .startsWith(
                        "chatgpt is partly down: partial outage in region-with-a-rather-long-name-0,")
                .contains(" more regions since ")
                .endsWith(", expected to last about 1 h 30 min (30 min to 3 h)");
        assertThat(payload.get("severity").asText()).isEqualTo("error");
    }

    @Test
    void invalidEventIsRejectedWithPagerDutysAnswer() throws Exception {
        String answer =
                "{\"status\":\"invalid event\",\"message\":\"Event object is invalid\","
                        + "\"errors\":[\"Length of 'routing_key' is incorrect (should be 32"
                        + " characters)\"]}";
        try (RecordingServer server = RecordingServer.answering(400, answer)) {
            Delivery delivery = notifier(server).deliver(TestAlerts.started());
            assertThat(delivery).isEqualTo(new Delivery.Rejected("HTTP 400: " + answer));
        }
    }

    @Test
    void throttlingIsRetriedAfterTheAskedDelay() throws Exception {
        try (RecordingServer server = RecordingServer.start()) {
            server.then(
                    RecordingServer.Answer.of(429, "").withHeader("Retry-After", "30"),
                    RecordingServer.Answer.of(503, "{\"status\":\"unavailable\"}"));
            PagerDutyNotifier notifier = notifier(server);
            assertThat(notifier.deliver(TestAlerts.started()))
                    .isEqualTo(
                            new Delivery.Retryable(
                                    "HTTP 429", Optional.of(Duration.ofSeconds(30))));
            assertThat(notifier.deliver(TestAlerts.started()))
                    .isEqualTo(
                            new Delivery.Retryable(
                                    "HTTP 503: {\"status\":\"unavailable\"}", Optional.empty()));
        }
    }

    @Test
    void aBadRoutingKeyIsRefusedWithoutShowingIt() {
        String key = "not-a-real-key-but-secret";
        assertThatThrownBy(
                        () ->
                                new PagerDutyNotifier(
                                        "pd", URI.create(PagerDutyNotifier.DEFAULT_URL), key, http))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32")
                .hasMessageNotContaining(key);
        assertThatThrownBy(
                        () -> new PagerDutyNotifier("pd", URI.create("ftp://example/x"), KEY, http))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http or https");
        assertThat(
                        new PagerDutyNotifier(
                                "pd", URI.create(PagerDutyNotifier.DEFAULT_URL), KEY, http))
                .hasToString("PagerDutyNotifier[pd -> https://events.pagerduty.com/v2/enqueue]")
                .satisfies(n -> assertThat(n.kind()).isEqualTo("pagerduty"))
                .satisfies(n -> assertThat(n.maxDeliveriesPerMinute()).isEqualTo(120.0));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
