package io.outagewatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.KafkaEnvironment;
import io.outagewatch.kafka.Await;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import io.outagewatch.sink.notify.TestAlerts;
import io.outagewatch.sink.notify.WebhookNotifier;
import io.outagewatch.sink.pipeline.AlertTopic;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/outagewatch sink} as its own JVM, killed with SIGKILL while PagerDuty holds a request
 * open, then started again on the same delivery log: the webhook gets every alert exactly once,
 * PagerDuty gets every alert, and the only event it sees twice is the one in flight at the kill,
 * repeated with the same {@code dedup_key} and action, which PagerDuty folds into the same
 * incident: no second page. The sink is a static group member, so the restart resumes at once.
 */
@Timeout(180)
class SinkProcessKillITCase {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int PARTITIONS = 2;
    private static final List<String> SERVICES = List.of("chatgpt", "github", "slack", "zoom");
    private static final List<AlertType> LIFECYCLE =
            List.of(AlertType.OUTAGE_STARTED, AlertType.OUTAGE_UPDATED, AlertType.OUTAGE_RECOVERED);

    /** The PagerDuty request (1-based) that is held open when the sink is killed. */
    private static final int HELD_REQUEST = 6;

    private static final String ROUTING_KEY_ENV = "OUTAGEWATCH_TEST_ROUTING_KEY";
    private static final String ROUTING_KEY = "R0utingKeyForTheKillTest00000042";
    private static final String GROUP = "sink-process-kill";
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void aSinkKilledWithSigkillWhilePagingRepeatsAtMostTheEventInFlight() throws Exception {
        List<Alert> alerts = alerts();
        AlertTopic.publishInOneTransaction(broker, "sink-process-kill-producer", alerts, List.of());
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Receiver pager = new Receiver(n -> n == HELD_REQUEST, held, release);
                Receiver webhook = new Receiver(n -> false, held, release)) {
            Path config = config(pager, webhook);

            Process first = start(config, "first");
            try {
                assertThat(held.await(DEADLINE.toSeconds(), TimeUnit.SECONDS))
                        .as("PagerDuty request %d arrived", HELD_REQUEST)
                        .isTrue();
                first.destroyForcibly(); // SIGKILL while the request is open
                assertThat(first.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            } finally {
                release.countDown();
                first.destroyForcibly();
            }
            assertThat(pager.requests()).hasSize(HELD_REQUEST);

            long committedByFirst = committed();
            long restartedAt = System.nanoTime();
            Process second = start(config, "second");
            try {
                Await.until(
                        "progress after the restart",
                        DEADLINE,
                        () -> committed() > committedByFirst);
                System.out.printf(
                        "SinkProcessKillITCase: first sink committed %d of %d records; the"
                                + " restarted sink committed more after %d ms%n",
                        committedByFirst,
                        alerts.size(),
                        Duration.ofNanos(System.nanoTime() - restartedAt).toMillis());
                Await.until(
                        alerts.size() + " records committed",
                        DEADLINE,
                        () -> committed() == alerts.size());
                second.destroy(); // SIGTERM: a clean stop
                assertThat(second.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            } finally {
                second.destroyForcibly();
            }

            List<String> pagerEvents =
                    pager.requests().stream().map(SinkProcessKillITCase::pagerEvent).toList();
            List<String> expected = alerts.stream().map(SinkProcessKillITCase::pagerEvent).toList();
            String inFlight = pagerEvents.get(HELD_REQUEST - 1);
            assertThat(pagerEvents).containsAll(expected).hasSize(expected.size() + 1);
            assertThat(repeated(pagerEvents)).containsExactly(inFlight);
            assertThat(pagerEvents.stream().distinct().toList())
                    .as("PagerDuty events in order per incident")
                    .isEqualTo(inIncidentOrder(pagerEvents.stream().distinct().toList(), expected));

            List<String> webhookIds =
                    webhook.requests().stream().map(r -> r.headers().get("webhook-id")).toList();
            assertThat(webhookIds)
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(
                            alerts.stream().map(WebhookNotifier::webhookId).toList());
        }
    }

    /** The incidents of several services, each started, updated and recovered. */
    private static List<Alert> alerts() {
        Alert template = TestAlerts.started();
        List<Alert> alerts = new ArrayList<>();
        for (int version = 1; version <= LIFECYCLE.size(); version++) {
            for (String service : SERVICES) {
                AlertType type = LIFECYCLE.get(version - 1);
                boolean recovered = type == AlertType.OUTAGE_RECOVERED;
                alerts.add(
                        new Alert(
                                "inc-" + service,
                                type,
                                service,
                                template.severity(),
                                template.regions(),
                                TestAlerts.START,
                                TestAlerts.DETECTED,
                                recovered ? TestAlerts.RECOVERED : null,
                                recovered
                                        ? Duration.between(TestAlerts.START, TestAlerts.RECOVERED)
                                                .toSeconds()
                                        : null,
                                template.estimatedDurationSeconds(),
                                template.estimatedDurationLowSeconds(),
                                template.estimatedDurationHighSeconds(),
                                template.evidence(),
                                null,
                                null,
                                version));
            }
        }
        return alerts;
    }

    /** {@code <dedup_key> trigger v<n>} or {@code <dedup_key> resolve}. */
    private static String pagerEvent(Request request) {
        try {
            JsonNode event = JSON.readTree(request.body());
            String action = event.get("event_action").asText();
            return event.get("dedup_key").asText()
                    + " "
                    + action
                    + (action.equals("resolve")
                            ? ""
                            : " v" + event.at("/payload/custom_details/version").asInt());
        } catch (IOException e) {
            throw new AssertionError("PagerDuty got a body that is not JSON", e);
        }
    }

    private static String pagerEvent(Alert alert) {
        return alert.incidentId()
                + (alert.type() == AlertType.OUTAGE_RECOVERED
                        ? " resolve"
                        : " trigger v" + alert.version());
    }

    private static List<String> repeated(List<String> events) {
        return events.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet()
                .stream()
                .filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The events as they would be if each incident's events came in version order. */
    private static List<String> inIncidentOrder(List<String> seen, List<String> expected) {
        Map<String, List<String>> byIncident = new LinkedHashMap<>();
        for (String event : expected) {
            byIncident.computeIfAbsent(event.split(" ")[0], k -> new ArrayList<>()).add(event);
        }
        Map<String, Integer> next = new LinkedHashMap<>();
        List<String> ordered = new ArrayList<>();
        for (String event : seen) {
            String incident = event.split(" ")[0];
            int index = next.merge(incident, 1, Integer::sum) - 1;
            ordered.add(byIncident.get(incident).get(index));
        }
        return ordered;
    }

    private Path config(Receiver pager, Receiver webhook) throws IOException {
        Path secret = dir.resolve("webhook.secret");
        Files.writeString(
                secret,
                "whsec_"
                        + Base64.getEncoder()
                                .encodeToString(
                                        "kill-test-webhook-signing-key-32"
                                                .getBytes(StandardCharsets.UTF_8)));
        return Files.writeString(
                dir.resolve("sink.yaml"),
                """
                kafka:
                  bootstrapServers: %s
                  groupId: %s
                deliveryLog:
                  file: delivery-log
                retry:
                  initialBackoff: 10ms
                  maxBackoff: 100ms
                  giveUpAfter: 1m
                receivers:
                  - name: oncall
                    kind: pagerduty
                    url: %s
                    secretEnv: %s
                  - name: automation
                    kind: webhook
                    url: %s
                    secretFile: webhook.secret
                defaultReceivers: [oncall, automation]
                """
                        .formatted(
                                broker.bootstrapServers(),
                                GROUP,
                                pager.url(),
                                ROUTING_KEY_ENV,
                                webhook.url()));
    }

    private Process start(Path config, String name) throws IOException {
        ProcessBuilder builder =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                SinkMain.class.getName(),
                                "--config",
                                config.toString())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(dir.resolve(name + ".stderr").toFile());
        builder.environment().put(ROUTING_KEY_ENV, ROUTING_KEY);
        builder.environment().put(KafkaEnvironment.PROPERTIES_FILE, staticMembership().toString());
        return builder.start();
    }

    /**
     * A static group member: the restarted sink takes over the killed one's partitions at once,
     * instead of after the broker's session timeout (45 s), as docs/alerting.md advises.
     */
    private Path staticMembership() throws IOException {
        return Files.writeString(
                dir.resolve("kafka.properties"), "group.instance.id=" + GROUP + "-1\n");
    }

    private record Request(byte[] body, Map<String, String> headers) {}

    /**
     * A receiver on 127.0.0.1 that answers 202, except that the request picked by {@code hold} (by
     * its 1-based number) is held open until {@code release}.
     */
    private static final class Receiver implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService executor = Executors.newFixedThreadPool(2);
        private final Function<Integer, Boolean> hold;
        private final CountDownLatch held;
        private final CountDownLatch release;
        private final List<Request> requests = new ArrayList<>();

        Receiver(Function<Integer, Boolean> hold, CountDownLatch held, CountDownLatch release)
                throws IOException {
            this.hold = hold;
            this.held = held;
            this.release = release;
            server =
                    HttpServer.create(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(executor);
            server.createContext("/", this::handle);
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
        }

        synchronized List<Request> requests() {
            return List.copyOf(requests);
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                Map<String, String> headers = new LinkedHashMap<>();
                exchange.getRequestHeaders()
                        .forEach(
                                (name, values) ->
                                        headers.put(
                                                name.toLowerCase(java.util.Locale.ROOT),
                                                values.get(0)));
                int number;
                synchronized (this) {
                    requests.add(new Request(body, headers));
                    number = requests.size();
                }
                if (hold.apply(number)) {
                    held.countDown();
                    release.await();
                }
                byte[] answer = "{\"status\":\"success\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(202, answer.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // The sink was killed while this request was open; nobody reads the answer.
            }
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private static long committed() throws Exception {
        try (Admin admin = broker.admin()) {
            return AlertTopic.committedOffsets(admin, GROUP);
        }
    }
}
