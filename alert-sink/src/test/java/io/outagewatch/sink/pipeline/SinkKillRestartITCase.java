package io.outagewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.Alert;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.DeadLetterSerde;
import io.outagewatch.events.Topics;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import io.outagewatch.sink.pipeline.TestReceiverServer.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink on the real broker is killed in the middle of a delivery and started again with the same
 * group and delivery log: every receiver ends up with every alert exactly once, in incident order.
 */
@Timeout(90)
class SinkKillRestartITCase {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final int PARTITIONS = 2;
    private static final int VERSIONS = 4;
    private static final List<String> SERVICES = List.of("chatgpt", "github", "slack");
    private static final String GROUP = "sink-kill-restart";
    private static final RetryPolicy FAST_RETRY =
            new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(20));

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
    void killedMidDeliveryAndRestartedEveryReceiverGetsEachAlertOnceInOrder() throws Exception {
        List<Alert> alerts = new ArrayList<>();
        for (int version = 1; version <= VERSIONS; version++) {
            for (String service : SERVICES) {
                alerts.add(TestAlerts.alert("inc-" + service, service, version));
            }
        }
        int records =
                AlertTopic.publishInOneTransaction(
                        broker,
                        "sink-itcase-producer",
                        alerts,
                        List.of("not an alert".getBytes(StandardCharsets.UTF_8)));
        Alert blockAt = TestAlerts.alert("inc-github", "github", 2);
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Path logFile = dir.resolve("delivery-log");

        try (TestReceiverServer pager = TestReceiverServer.accepting();
                TestReceiverServer chat =
                        TestReceiverServer.start(
                                (alert, attempt) -> {
                                    if (alert.equals(blockAt) && attempt == 1) {
                                        arrived.countDown();
                                        release.await();
                                        return Response.status(503);
                                    }
                                    return Response.status(202);
                                })) {
            RunningSink first = RunningSink.start(logFile, pager, chat);
            assertThat(arrived.await(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            // pager is served first, so it already has the alert chat is stuck on.
            assertThat(pager.accepted()).contains(blockAt);
            first.crash();
            release.countDown();

            RunningSink second = RunningSink.start(logFile, pager, chat);
            pager.awaitAccepted(a -> a.size() >= alerts.size(), DEADLINE);
            chat.awaitAccepted(a -> a.size() >= alerts.size(), DEADLINE);
            // The unreadable record comes last on its partition.
            DeadLetter deadLetter =
                    DeadLetterSerde.INSTANCE
                            .parse(
                                    broker.readRecords(Topics.DEAD_LETTERS, 1, DEADLINE)
                                            .get(0)
                                            .value())
                            .value();
            assertThat(deadLetter.raw()).isEqualTo("not an alert");
            assertThat(deadLetter.reason()).startsWith("malformed_json");
            second.stop();

            for (TestReceiverServer receiver : List.of(pager, chat)) {
                List<Alert> accepted = receiver.accepted();
                assertThat(accepted)
                        .doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(alerts);
                Map<String, List<Integer>> versions =
                        accepted.stream()
                                .collect(
                                        Collectors.groupingBy(
                                                Alert::incidentId,
                                                Collectors.mapping(
                                                        Alert::version, Collectors.toList())));
                assertThat(versions.values()).allSatisfy(v -> assertThat(v).isSorted());
            }
            assertThat(chat.requests()).filteredOn(blockAt::equals).hasSize(2);
            assertThat(pager.requests()).filteredOn(blockAt::equals).hasSize(1);
        }

        assertThat(committedRecords()).isEqualTo(records);
    }

    /**
     * Records the group has committed, counting each partition's offset; with transactions the
     * commit marker takes an offset too, so the committed offset is one past the data.
     */
    private static long committedRecords() throws Exception {
        try (Admin admin = broker.admin()) {
            return AlertTopic.committedOffsets(admin, GROUP);
        }
    }

    /** One sink instance on its own thread, as {@code bin/outagewatch sink} would run it. */
    private static final class RunningSink {
        private final Thread thread;
        private final FileDeliveryLog log;
        private final KafkaDeadLetterPublisher deadLetters;
        private final AlertConsumer consumer;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        private RunningSink(Path logFile, TestReceiverServer pager, TestReceiverServer chat)
                throws Exception {
            TimeSource time = TimeSource.system();
            log = FileDeliveryLog.open(logFile, FileDeliveryLog.DEFAULT_RETENTION, time.clock());
            deadLetters = KafkaDeadLetterPublisher.connect(broker.bootstrapServers());
            DeliveryPipeline pipeline =
                    DeliveryPipeline.of(
                            Router.toAll(List.of("pager", "chat")),
                            List.of(
                                    new HttpTestNotifier("pager", pager.uri(), Clock.systemUTC()),
                                    new HttpTestNotifier("chat", chat.uri(), Clock.systemUTC())),
                            FAST_RETRY,
                            log,
                            deadLetters,
                            HistoryRecorder.NONE,
                            time);
            Map<String, Object> properties = broker.clientProperties();
            properties.putAll(
                    AlertConsumer.consumerProperties(broker.bootstrapServers(), GROUP, FAST_RETRY));
            consumer =
                    new AlertConsumer(
                            AlertConsumer.kafkaConsumer(properties),
                            pipeline,
                            deadLetters,
                            time.clock());
            thread =
                    new Thread(
                            () -> {
                                try {
                                    consumer.run();
                                } catch (InterruptedException e) {
                                    // the simulated crash
                                } catch (Exception | Error e) {
                                    failure.set(e);
                                }
                            },
                            "sink-under-test");
            thread.start();
        }

        static RunningSink start(Path logFile, TestReceiverServer pager, TestReceiverServer chat)
                throws Exception {
            return new RunningSink(logFile, pager, chat);
        }

        /** Interrupts the delivery in flight: nothing more is recorded or committed. */
        void crash() throws Exception {
            thread.interrupt();
            finish();
        }

        void stop() throws Exception {
            consumer.stop();
            finish();
        }

        private void finish() throws Exception {
            thread.join(DEADLINE.toMillis());
            assertThat(thread.isAlive()).as("sink thread still running").isFalse();
            log.close();
            deadLetters.close();
            assertThat(failure.get()).isNull();
        }
    }
}
