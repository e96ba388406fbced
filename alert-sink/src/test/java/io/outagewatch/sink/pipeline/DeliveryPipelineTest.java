package io.outagewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.sink.notify.Notifier;
import io.outagewatch.sink.pipeline.AlertReport.Reason;
import io.outagewatch.sink.pipeline.TestReceiverServer.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The chain against real HTTP receivers on loopback; only backoff time is simulated. */
@Timeout(30)
class DeliveryPipelineTest {

    private static final Instant NOW = TestAlerts.NOW;
    private static final String ORIGIN = "outage-alerts-0-7";
    private static final double HALF = 0.5;
    private static final RetryPolicy POLICY =
            new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(10));

    @TempDir Path dir;

    private final FakeTime time = new FakeTime(NOW);
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    private final List<Alert> history = new CopyOnWriteArrayList<>();
    private final List<TestReceiverServer> servers = new ArrayList<>();
    private FileDeliveryLog log;

    @BeforeEach
    void openLog() throws IOException {
        log = FileDeliveryLog.open(dir.resolve("delivery-log"), Duration.ofDays(14), time);
    }

    @AfterEach
    void close() throws IOException {
        log.close();
        servers.forEach(TestReceiverServer::close);
    }

    @Test
    void serverErrorThenAcceptedIsDeliveredOnce() throws Exception {
        TestReceiverServer server =
                server((alert, attempt) -> Response.status(attempt == 1 ? 500 : 202));
        HttpTestNotifier oncall = notifier("oncall", server);
        Alert alert = TestAlerts.alert("inc-1", "chatgpt", 1);

        AlertReport report = pipeline(HALF, oncall).process(alert, ORIGIN);

        assertThat(report.receivers())
                .extracting(
                        AlertReport.Result::receiver,
                        AlertReport.Result::reason,
                        AlertReport.Result::attempts)
                .containsExactly(tuple("oncall", Reason.DELIVERED, 2));
        assertThat(server.requests()).hasSize(2);
        assertThat(server.accepted()).containsExactly(alert);
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500));
        assertThat(log.find("inc-1", 1, "oncall"))
                .map(DeliveryRecord::outcome)
                .contains(DeliveryOutcome.DELIVERED);
        assertThat(history).containsExactly(alert);
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void tooManyRequestsWaitsAtLeastRetryAfter() throws Exception {
        TestReceiverServer server =
                server(
                        (alert, attempt) ->
                                attempt == 1
                                        ? new Response(429, "slow down", Optional.of("3"))
                                        : Response.status(202));
        HttpTestNotifier slack = notifier("slack", server);

        pipeline(0, slack).process(TestAlerts.alert("inc-1", "chatgpt", 1), ORIGIN);

        List<Instant> attempts = slack.attempts();
        assertThat(attempts).hasSize(2);
        assertThat(Duration.between(attempts.get(0), attempts.get(1)))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(server.accepted()).hasSize(1);
    }

    @Test
    void badRequestIsDeadLetteredWithTheAnswerAndTheNextAlertProceeds() throws Exception {
        TestReceiverServer server =
                server(
                        (alert, attempt) ->
                                alert.incidentId().equals("inc-bad")
                                        ? new Response(400, "missing routing_key", Optional.empty())
                                        : Response.status(202));
        HttpTestNotifier oncall = notifier("oncall", server);
        DeliveryPipeline pipeline = pipeline(HALF, oncall);
        Alert bad = TestAlerts.alert("inc-bad", "chatgpt", 1);
        Alert good = TestAlerts.alert("inc-good", "github", 1);

        AlertReport badReport = pipeline.process(bad, ORIGIN);
        AlertReport goodReport = pipeline.process(good, "outage-alerts-0-8");

        assertThat(badReport.receivers())
                .extracting(AlertReport.Result::reason)
                .containsExactly(Reason.REJECTED);
        assertThat(goodReport.receivers())
                .extracting(AlertReport.Result::reason)
                .containsExactly(Reason.DELIVERED);
        assertThat(server.requests()).containsExactly(bad, good);
        assertThat(server.accepted()).containsExactly(good);
        assertThat(deadLetters).hasSize(1);
        DeadLetter letter = deadLetters.get(0);
        assertThat(letter.origin()).isEqualTo(ORIGIN);
        assertThat(letter.raw()).isEqualTo(AlertSerde.INSTANCE.toJson(bad));
        assertThat(letter.reason())
                .isEqualTo(
                        "receiver oncall (webhook) rejected inc-bad v1: HTTP 400: missing routing_key");
        assertThat(letter.timestamp()).isEqualTo(NOW);
        assertThat(log.find("inc-bad", 1, "oncall"))
                .map(DeliveryRecord::outcome)
                .contains(DeliveryOutcome.REJECTED);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void retriesStopAtTheGiveUpTimeWithADeadLetter() throws Exception {
        TestReceiverServer server = server((alert, attempt) -> Response.status(503));
        RetryPolicy policy =
                new RetryPolicy(
                        Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(10));
        HttpTestNotifier webhook = notifier("webhook", server);
        DeliveryPipeline pipeline =
                DeliveryPipeline.of(
                        Router.toAll(List.of("webhook")),
                        List.of(webhook),
                        policy,
                        log,
                        deadLetters::add,
                        history::add,
                        time.source(Math.nextDown(1.0)));

        AlertReport report = pipeline.process(TestAlerts.alert("inc-1", "chatgpt", 1), ORIGIN);

        assertThat(report.receivers())
                .extracting(AlertReport.Result::reason)
                .containsExactly(Reason.EXHAUSTED);
        // Waits of just under 1, 2, 4 s; the next (up to 4 s) would pass the 10 s limit.
        assertThat(webhook.attempts()).hasSize(4);
        assertThat(Duration.between(NOW, time.instant()))
                .isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(deadLetters)
                .singleElement()
                .satisfies(
                        d ->
                                assertThat(d.reason())
                                        .startsWith(
                                                "receiver webhook (webhook) rejected inc-1 v1: "
                                                        + RetryStage.RETRIES_EXHAUSTED
                                                        + " after 4 attempts")
                                        .endsWith("last answer: HTTP 503: status 503"));
        // The receiver never refused the alert, so nothing stops a replay from delivering it.
        assertThat(log.find("inc-1", 1, "webhook")).isEmpty();
        assertThat(pipeline.metrics().deliveries("webhook", SinkMetrics.Outcome.REJECTED))
                .isEqualTo(1);
    }

    @Test
    void anAlertWhoseRetriesRanOutIsDeliveredOnceWhenItsDeadLetterIsReplayed() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        TestReceiverServer server =
                server((alert, attempt) -> Response.status(down.get() ? 503 : 202));
        DeliveryPipeline pipeline = pipeline(HALF, notifier("oncall", server));
        Alert alert = TestAlerts.alert("inc-1", "chatgpt", 1);

        AlertReport exhausted = pipeline.process(alert, ORIGIN);
        down.set(false);
        Alert replayed = AlertSerde.INSTANCE.parse(deadLetters.get(0).raw()).value();
        AlertReport delivered = pipeline.process(replayed, "replay.jsonl:1");
        AlertReport again = pipeline.process(replayed, "replay.jsonl:1");

        assertThat(exhausted.receivers())
                .extracting(AlertReport.Result::reason)
                .containsExactly(Reason.EXHAUSTED);
        assertThat(delivered.receivers())
                .extracting(AlertReport.Result::reason)
                .containsExactly(Reason.DELIVERED);
        assertThat(again.receivers())
                .extracting(AlertReport.Result::reason)
                .containsExactly(Reason.ALREADY_DELIVERED);
        assertThat(server.accepted()).containsExactly(alert);
        assertThat(deadLetters).hasSize(1);
    }

    @Test
    void aReplayedVersionOlderThanOneDeliveredIsNotSent() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        TestReceiverServer server =
                server((alert, attempt) -> Response.status(down.get() ? 503 : 202));
        DeliveryPipeline pipeline = pipeline(HALF, notifier("oncall", server));
        Alert started = TestAlerts.alert("inc-1", "chatgpt", 1);
        Alert recovered =
                TestAlerts.alert(
                        "inc-1",
                        "chatgpt",
                        io.outagewatch.events.Severity.MAJOR,
                        io.outagewatch.events.AlertType.OUTAGE_RECOVERED,
                        2);

        pipeline.process(started, ORIGIN);
        down.set(false);
        pipeline.process(recovered, "outage-alerts-0-8");
        int requests = server.requests().size();
        AlertReport replay =
                pipeline.process(
                        AlertSerde.INSTANCE.parse(deadLetters.get(0).raw()).value(),
                        "replay.jsonl:1");

        // Sending the start after the recovery would re-open an incident that is over.
        assertThat(replay.receivers())
                .extracting(AlertReport.Result::reason, AlertReport.Result::detail)
                .containsExactly(tuple(Reason.SUPERSEDED, "v2 was delivered"));
        assertThat(server.requests()).hasSize(requests);
        assertThat(server.accepted()).containsExactly(recovered);
    }

    @Test
    void theDeliveryLogPreventsRedeliveryAfterAReopen() throws Exception {
        TestReceiverServer oncallServer = server((alert, attempt) -> Response.status(202));
        TestReceiverServer slackServer = server((alert, attempt) -> Response.status(202));
        Alert alert = TestAlerts.alert("inc-1", "chatgpt", 1);
        // Before the "crash" only oncall got the alert.
        pipelineTo(
                        List.of("oncall"),
                        notifier("oncall", oncallServer),
                        notifier("slack", slackServer))
                .process(alert, ORIGIN);
        log.close();
        log = FileDeliveryLog.open(dir.resolve("delivery-log"), Duration.ofDays(14), time);

        AlertReport again =
                pipelineTo(
                                List.of("oncall", "slack"),
                                notifier("oncall", oncallServer),
                                notifier("slack", slackServer))
                        .process(alert, ORIGIN);
        AlertReport thirdTime =
                pipelineTo(
                                List.of("oncall", "slack"),
                                notifier("oncall", oncallServer),
                                notifier("slack", slackServer))
                        .process(alert, ORIGIN);

        assertThat(again.receivers())
                .extracting(AlertReport.Result::receiver, AlertReport.Result::reason)
                .containsExactly(
                        tuple("oncall", Reason.ALREADY_DELIVERED),
                        tuple("slack", Reason.DELIVERED));
        assertThat(thirdTime.receivers())
                .extracting(AlertReport.Result::reason)
                .containsExactly(Reason.ALREADY_DELIVERED, Reason.ALREADY_DELIVERED);
        assertThat(oncallServer.requests()).containsExactly(alert);
        assertThat(slackServer.requests()).containsExactly(alert);
    }

    @Test
    void deliveriesArePacedByTheReceiversRate() throws Exception {
        TestReceiverServer server = server((alert, attempt) -> Response.status(202));
        HttpTestNotifier slack = new HttpTestNotifier("slack", server.uri(), 60, time);
        DeliveryPipeline pipeline = pipeline(0, slack);

        for (int version = 1; version <= 3; version++) {
            pipeline.process(TestAlerts.alert("inc-1", "chatgpt", version), ORIGIN);
        }

        assertThat(slack.attempts()).containsExactly(NOW, NOW.plusSeconds(1), NOW.plusSeconds(2));
    }

    @Test
    void alertsOfAnIncidentReachTheReceiverInOrderDespiteRetries() throws Exception {
        TestReceiverServer server =
                server(
                        (alert, attempt) ->
                                Response.status(attempt <= alert.version() % 2 ? 502 : 202));
        DeliveryPipeline pipeline = pipeline(HALF, notifier("oncall", server));
        List<Alert> input = new ArrayList<>();
        for (int version = 1; version <= 4; version++) {
            input.add(TestAlerts.alert("inc-a", "chatgpt", version));
            input.add(TestAlerts.alert("inc-b", "github", version));
        }

        for (Alert alert : input) {
            pipeline.process(alert, ORIGIN);
        }

        assertThat(server.accepted()).containsExactlyElementsOf(input);
        assertThat(server.requests()).hasSize(input.size() + input.size() / 2);
    }

    @Test
    void routesToUnconfiguredReceiversFailAtBuildTime() {
        Notifier oncall =
                new HttpTestNotifier("oncall", java.net.URI.create("http://127.0.0.1:9/"), time);
        assertThatThrownBy(() -> pipelineTo(List.of("oncall", "pager", "email"), oncall))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("routes name receivers that are not configured: [email, pager]");
    }

    private TestReceiverServer server(TestReceiverServer.Responder responder) throws IOException {
        TestReceiverServer server = TestReceiverServer.start(responder);
        servers.add(server);
        return server;
    }

    private HttpTestNotifier notifier(String name, TestReceiverServer server) {
        return new HttpTestNotifier(name, server.uri(), time);
    }

    private DeliveryPipeline pipeline(double random, Notifier notifier) {
        return DeliveryPipeline.of(
                Router.toAll(List.of(notifier.name())),
                List.of(notifier),
                POLICY,
                log,
                deadLetters::add,
                history::add,
                time.source(random));
    }

    private DeliveryPipeline pipelineTo(List<String> routed, Notifier... notifiers) {
        return DeliveryPipeline.of(
                Router.toAll(routed),
                List.of(notifiers),
                POLICY,
                log,
                deadLetters::add,
                history::add,
                time.source(HALF));
    }
}
