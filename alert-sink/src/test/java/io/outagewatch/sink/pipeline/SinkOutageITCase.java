package io.outagewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.Severity;
import io.outagewatch.kafka.Await;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import io.outagewatch.sink.notify.HttpDelivery;
import io.outagewatch.sink.notify.PagerDutyNotifier;
import io.outagewatch.sink.notify.StandardWebhookSigner;
import io.outagewatch.sink.notify.WebhookNotifier;
import io.outagewatch.sink.pipeline.FlakyReceiver.Request;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Receivers that answer 503 for a long stretch (many retries, with and without {@code Retry-After})
 * and then recover: the sink on the real broker delivers every alert exactly once to a
 * PagerDuty-style and a signed-webhook receiver, in order per incident, and while it waits it holds
 * at most one Kafka poll of alerts; the rest stays uncommitted in Kafka.
 */
@Timeout(180)
class SinkOutageITCase {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int PARTITIONS = 4;
    private static final List<String> SERVICES =
            List.of(
                    "chatgpt", "github", "slack", "discord", "zoom", "stripe", "twilio", "okta",
                    "fastly", "heroku");
    private static final int INCIDENTS_PER_SERVICE = 10;
    private static final List<AlertType> LIFECYCLE =
            List.of(AlertType.OUTAGE_STARTED, AlertType.OUTAGE_UPDATED, AlertType.OUTAGE_RECOVERED);

    /** Answers of 503 each receiver gets through before it comes back: a long stretch. */
    private static final int OUTAGE_ANSWERS = 60;

    /** Tiny delays so many retries fit in seconds; a give-up far beyond the test. */
    private static final RetryPolicy FAST_RETRY =
            new RetryPolicy(Duration.ofMillis(2), Duration.ofMillis(20), Duration.ofMinutes(10));

    /** Coarse: the structural bound is the pending gauge; this catches gross buffering. */
    private static final long HEAP_GROWTH_LIMIT_BYTES = 128L << 20;

    private static final String GROUP = "sink-outage";
    private static final String PAGER = "oncall";
    private static final String WEBHOOK = "automation";
    private static final String ROUTING_KEY = "R0UT1NGKEY0123456789abcdefABCDEF";
    private static final String WEBHOOK_SECRET =
            "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Duration SAMPLE_INTERVAL = Duration.ofMillis(1);

    private static EmbeddedKafkaBroker broker;
    private static Admin admin;

    @TempDir Path dir;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.startDefault();
        broker.createOutageWatchTopics(PARTITIONS);
        admin = broker.admin();
    }

    @AfterAll
    static void stopBroker() {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void longReceiverOutagesDeliverEveryAlertOnceInOrderWhileTheSinkHoldsOnePollAtMost()
            throws Exception {
        List<Alert> alerts = alerts();
        AlertTopic.publishInOneTransaction(broker, "sink-outage-producer", alerts, List.of());
        StandardWebhookSigner signer = new StandardWebhookSigner(WEBHOOK_SECRET);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        try (FlakyReceiver pager = new FlakyReceiver();
                FlakyReceiver webhook = new FlakyReceiver()) {
            pager.down();
            webhook.down();
            memory.gc();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();
            RunningSink sink = new RunningSink(dir.resolve("delivery-log"), pager, webhook, signer);
            try {
                // Stretch 1: the first receiver is down. Nothing is done, nothing committed, and
                // the second receiver is not even tried: receivers are served in order.
                pager.await(r -> r.refused() >= OUTAGE_ANSWERS, DEADLINE, "pager 503s");
                assertThat(committed()).isZero();
                assertThat(webhook.requests()).isEmpty();

                // Stretch 2: the pager recovers, the webhook is down. The pager has taken the
                // first alert and no other: the sink does not move on while the webhook waits.
                pager.up();
                webhook.await(r -> r.refused() >= OUTAGE_ANSWERS, DEADLINE, "webhook 503s");
                assertThat(pager.accepted()).hasSize(1);
                assertThat(committed()).isZero();
                memory.gc();
                long heapDuringOutage = memory.getHeapMemoryUsage().getUsed();
                webhook.up();

                // Stretch 3: both go down in mid-stream. Progress stops and stays stopped.
                webhook.await(
                        r -> r.accepted().size() >= alerts.size() / 2, DEADLINE, "half the alerts");
                pager.down();
                webhook.down();
                int refusedBefore = pager.refused() + webhook.refused();
                awaitRefusals(pager, webhook, refusedBefore + 5);
                long committedStuck = committed();
                int pagerStuck = pager.accepted().size();
                int webhookStuck = webhook.accepted().size();
                awaitRefusals(pager, webhook, refusedBefore + 5 + OUTAGE_ANSWERS);
                assertThat(committed()).isEqualTo(committedStuck).isLessThan(alerts.size());
                assertThat(pager.accepted()).hasSize(pagerStuck);
                assertThat(webhook.accepted()).hasSize(webhookStuck);
                pager.up();
                webhook.up();

                awaitCommitted(alerts.size());
                sink.stop();
                System.out.printf(
                        "SinkOutageITCase: %d alerts; pager %d requests, webhook %d; at most %d"
                                + " alerts pending; heap after GC %d MiB before, %d MiB during the"
                                + " outage%n",
                        alerts.size(),
                        pager.requests().size(),
                        webhook.requests().size(),
                        sink.maxPending.get(),
                        heapBefore >> 20,
                        heapDuringOutage >> 20);
                assertThat(heapDuringOutage - heapBefore).isLessThan(HEAP_GROWTH_LIMIT_BYTES);
            } finally {
                sink.stop();
            }

            assertThat(sink.maxPending.get())
                    .isPositive()
                    .isLessThanOrEqualTo(AlertConsumer.MAX_POLL_RECORDS);
            assertThat(sink.metrics.deliveries(PAGER, SinkMetrics.Outcome.REJECTED)).isZero();
            assertThat(sink.metrics.deliveries(WEBHOOK, SinkMetrics.Outcome.REJECTED)).isZero();
            assertThat(sink.metrics.deliveries(PAGER, SinkMetrics.Outcome.RETRIED))
                    .isGreaterThanOrEqualTo(2L * OUTAGE_ANSWERS);
            assertThat(pagerEvents(pager.accepted())).isEqualTo(expectedPagerEvents(alerts));
            assertThat(webhookIds(webhook.accepted(), signer))
                    .isEqualTo(expectedWebhookIds(alerts));
        }
        assertThat(committed()).isEqualTo(alerts.size());
    }

    /** Several incidents per service, each started, updated and recovered, services interleaved. */
    private static List<Alert> alerts() {
        List<Alert> alerts = new ArrayList<>();
        for (int incident = 0; incident < INCIDENTS_PER_SERVICE; incident++) {
            for (int version = 1; version <= LIFECYCLE.size(); version++) {
                for (String service : SERVICES) {
                    alerts.add(
                            TestAlerts.alert(
                                    service + "-" + incident,
                                    service,
                                    Severity.MAJOR,
                                    LIFECYCLE.get(version - 1),
                                    version));
                }
            }
        }
        return alerts;
    }

    /**
     * Per incident, the PagerDuty events in the order they were accepted: {@code trigger v1},
     * {@code trigger v2}, {@code resolve}. A repeat would show up as a second entry.
     */
    private static Map<String, List<String>> pagerEvents(List<Request> accepted)
            throws IOException {
        Map<String, List<String>> events = new LinkedHashMap<>();
        for (Request request : accepted) {
            JsonNode event = JSON.readTree(request.body());
            assertThat(event.get("routing_key").asText()).isEqualTo(ROUTING_KEY);
            String action = event.get("event_action").asText();
            String identity =
                    action.equals("resolve")
                            ? action
                            : action + " v" + event.at("/payload/custom_details/version").asInt();
            events.computeIfAbsent(event.get("dedup_key").asText(), k -> new ArrayList<>())
                    .add(identity);
        }
        return events;
    }

    private static Map<String, List<String>> expectedPagerEvents(List<Alert> alerts) {
        Map<String, List<String>> events = new LinkedHashMap<>();
        for (Alert alert : alerts) {
            events.computeIfAbsent(alert.incidentId(), k -> new ArrayList<>())
                    .add(
                            alert.type() == AlertType.OUTAGE_RECOVERED
                                    ? "resolve"
                                    : "trigger v" + alert.version());
        }
        return events;
    }

    /** Per incident, the {@code webhook-id}s accepted, in order; every signature is checked. */
    private static Map<String, List<String>> webhookIds(
            List<Request> accepted, StandardWebhookSigner signer) {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        for (Request request : accepted) {
            String id = request.headers().get("webhook-id");
            assertThat(
                            signer.verifySignature(
                                    id,
                                    request.headers().get("webhook-timestamp"),
                                    request.body(),
                                    request.headers().get("webhook-signature")))
                    .as("signature of %s", id)
                    .isTrue();
            Alert alert = AlertSerde.INSTANCE.parse(request.body()).value();
            ids.computeIfAbsent(alert.incidentId(), k -> new ArrayList<>()).add(id);
        }
        return ids;
    }

    private static Map<String, List<String>> expectedWebhookIds(List<Alert> alerts) {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        for (Alert alert : alerts) {
            ids.computeIfAbsent(alert.incidentId(), k -> new ArrayList<>())
                    .add(WebhookNotifier.webhookId(alert));
        }
        return ids;
    }

    private static void awaitRefusals(FlakyReceiver pager, FlakyReceiver webhook, int total)
            throws Exception {
        Await.until(
                total + " refusals", DEADLINE, () -> pager.refused() + webhook.refused() >= total);
    }

    private static void awaitCommitted(long records) throws Exception {
        Await.until(records + " records committed", DEADLINE, () -> committed() == records);
    }

    /** Records the group has committed: the sum of its offsets, one past each partition's data. */
    private static long committed() throws Exception {
        return AlertTopic.committedOffsets(admin, GROUP);
    }

    /** The sink as {@code bin/outagewatch sink} wires it, minus rate limits, on its own thread. */
    private static final class RunningSink {
        final SinkMetrics metrics = new SinkMetrics();
        final AtomicLong maxPending = new AtomicLong();
        private final FileDeliveryLog log;
        private final KafkaDeadLetterPublisher deadLetters;
        private final AlertConsumer consumer;
        private final Thread thread;
        private final Thread sampler;
        private final AtomicBoolean sampling = new AtomicBoolean(true);
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private boolean stopped;

        RunningSink(
                Path logFile,
                FlakyReceiver pager,
                FlakyReceiver webhook,
                StandardWebhookSigner signer)
                throws IOException {
            TimeSource time = TimeSource.system();
            Clock clock = time.clock();
            HttpDelivery http = HttpDelivery.create(HttpDelivery.DEFAULT_TIMEOUT, clock);
            log = FileDeliveryLog.open(logFile, FileDeliveryLog.DEFAULT_RETENTION, clock);
            deadLetters = KafkaDeadLetterPublisher.connect(broker.bootstrapServers());
            // Unlimited pacing: the real limits would stretch 300 alerts over minutes.
            RateLimiter unlimited = RateLimiter.perMinute(0, time);
            DeliveryPipeline pipeline =
                    new DeliveryPipeline(
                            Router.toAll(List.of(PAGER, WEBHOOK)),
                            List.of(
                                    new RetryStage(
                                            new PagerDutyNotifier(
                                                    PAGER,
                                                    URI.create(pager.url()),
                                                    ROUTING_KEY,
                                                    http),
                                            unlimited,
                                            FAST_RETRY,
                                            time),
                                    new RetryStage(
                                            new WebhookNotifier(
                                                    WEBHOOK, webhook.url(), signer, clock, http),
                                            unlimited,
                                            FAST_RETRY,
                                            time)),
                            log,
                            deadLetters,
                            HistoryRecorder.NONE,
                            time,
                            metrics);
            Map<String, Object> properties = broker.clientProperties();
            properties.putAll(
                    AlertConsumer.consumerProperties(broker.bootstrapServers(), GROUP, FAST_RETRY));
            consumer =
                    new AlertConsumer(
                            AlertConsumer.kafkaConsumer(properties), pipeline, deadLetters, clock);
            thread =
                    new Thread(
                            () -> {
                                try {
                                    consumer.run();
                                } catch (Exception | Error e) {
                                    failure.set(e);
                                }
                            },
                            "sink-under-test");
            sampler =
                    new Thread(
                            () -> {
                                while (sampling.get()) {
                                    maxPending.accumulateAndGet(metrics.pending(), Math::max);
                                    LockSupport.parkNanos(SAMPLE_INTERVAL.toNanos());
                                }
                            },
                            "pending-sampler");
            sampler.setDaemon(true);
            sampler.start();
            thread.start();
        }

        void stop() throws Exception {
            if (stopped) {
                return;
            }
            stopped = true;
            consumer.stop();
            thread.join(DEADLINE.toMillis());
            sampling.set(false);
            sampler.join(DEADLINE.toMillis());
            assertThat(thread.isAlive()).as("sink thread still running").isFalse();
            log.close();
            deadLetters.close();
            assertThat(failure.get()).isNull();
        }
    }
}
