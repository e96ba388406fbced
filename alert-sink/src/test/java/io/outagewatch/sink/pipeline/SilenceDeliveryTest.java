package io.outagewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.Severity;
import io.outagewatch.sink.SinkMain;
import io.outagewatch.sink.history.HistoryStore;
import io.outagewatch.sink.notify.ConsoleNotifier;
import io.outagewatch.sink.pipeline.AlertReport.Reason;
import io.outagewatch.sink.pipeline.TestReceiverServer.Response;
import io.outagewatch.sink.silence.Silence;
import io.outagewatch.sink.silence.SilenceStore;
import io.outagewatch.sink.silence.Silencer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

/**
 * Silences in the delivery chain, against real HTTP receivers on loopback, a real SQLite history
 * and the real delivery log; only the clock is simulated.
 */
@Timeout(60)
class SilenceDeliveryTest {

    private static final Instant SILENCE_STARTS = Instant.parse("2023-11-08T13:00:00Z");
    private static final Instant SILENCE_ENDS = Instant.parse("2023-11-08T16:30:00Z");
    private static final Instant AFTER_THE_SILENCE = Instant.parse("2023-11-08T16:31:00Z");
    private static final Instant CREATED = Instant.parse("2023-11-08T12:55:00Z");
    private static final RetryPolicy POLICY =
            new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(10));
    private static final String ORIGIN = "outage-alerts-0-1";

    @TempDir Path dir;

    private final FakeTime time = new FakeTime(TestAlerts.NOW);
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    private final List<TestReceiverServer> servers = new ArrayList<>();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private String db;
    private FileDeliveryLog log;
    private HistoryRecorder history;
    private Silence silence;

    @BeforeEach
    void open() throws IOException {
        db = "jdbc:sqlite:" + dir.resolve("history.db");
        log = FileDeliveryLog.open(dir.resolve("delivery-log"), Duration.ofDays(14), time);
        history = SinkMain.openHistory(db);
        silence =
                new Silence(
                        "s-failover",
                        "chatgpt",
                        Optional.empty(),
                        Optional.empty(),
                        SILENCE_STARTS,
                        SILENCE_ENDS,
                        "alice",
                        "database failover",
                        CREATED,
                        Silence.Source.MANUAL);
        store().add(silence);
    }

    @AfterEach
    void close() throws IOException {
        log.close();
        history.close();
        servers.forEach(TestReceiverServer::close);
    }

    @Test
    void aSilencedServiceIsNotPagedWhileAnotherIsAndTheConsoleShowsIt() throws Exception {
        TestReceiverServer pager = server((alert, attempt) -> Response.status(202));
        DeliveryPipeline pipeline = pipeline(pager);
        Alert silenced = TestAlerts.alert("inc-chatgpt", "chatgpt", 1);
        Alert paged = TestAlerts.alert("inc-github", "github", 1);

        AlertReport silencedReport = pipeline.process(silenced, ORIGIN);
        AlertReport pagedReport = pipeline.process(paged, ORIGIN);

        assertThat(silencedReport.silencedBy()).contains("s-failover");
        assertThat(silencedReport.receivers())
                .extracting(AlertReport.Result::receiver, AlertReport.Result::reason)
                .containsExactly(
                        tuple("pager", Reason.SILENCED), tuple("console", Reason.DELIVERED));
        assertThat(pagedReport.silencedBy()).isEmpty();
        assertThat(pager.accepted()).containsExactly(paged);
        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("== SILENCED (s-failover) OUTAGE STARTED == chatgpt")
                .contains("Silenced by s-failover: not paged")
                .contains("== OUTAGE STARTED == github");
        try (HistoryStore read = HistoryStore.open(db)) {
            assertThat(read.incident("inc-chatgpt").orElseThrow().silencedBy())
                    .isEqualTo("s-failover");
            assertThat(read.incident("inc-github").orElseThrow().silenced()).isFalse();
        }
        assertThat(pipeline.heldCount()).isEqualTo(1);
        assertThat(pipeline.metrics().render())
                .contains(
                        "outagewatch_sink_deliveries_total{receiver=\"pager\",outcome=\"silenced\"} 1");
    }

    @Test
    void aSilenceThatEndsDuringAnOpenIncidentPagesItsLatestStateOnceAcrossARestart()
            throws Exception {
        TestReceiverServer pager = server((alert, attempt) -> Response.status(202));
        DeliveryPipeline first = pipeline(pager);
        first.process(TestAlerts.alert("inc-chatgpt", "chatgpt", 1), ORIGIN);
        Alert latest = TestAlerts.alert("inc-chatgpt", "chatgpt", 2);
        first.process(latest, ORIGIN);

        assertThat(first.releaseEnded()).as("still silenced at 16:00").isZero();
        time.advance(Duration.between(TestAlerts.NOW, AFTER_THE_SILENCE));
        assertThat(first.releaseEnded()).isEqualTo(1);
        assertThat(first.releaseEnded()).isZero();
        assertThat(pager.accepted()).containsExactly(latest);

        // A restart: the history says the incident is open and was held back; the delivery log
        // says pager has it.
        DeliveryPipeline second = pipeline(pager);
        assertThat(second.heldCount()).isEqualTo(1);
        second.releaseEnded();
        assertThat(second.heldCount()).isZero();
        assertThat(pager.requests()).containsExactly(latest);

        // Its recovery falls inside the silence's range, but pager was paged: it hears the end.
        Alert recovery =
                TestAlerts.alert(
                        "inc-chatgpt", "chatgpt", Severity.MAJOR, AlertType.OUTAGE_RECOVERED, 3);
        AlertReport report = second.process(recovery, ORIGIN);
        assertThat(report.receivers())
                .extracting(AlertReport.Result::receiver, AlertReport.Result::reason)
                .contains(tuple("pager", Reason.DELIVERED));
        assertThat(pager.accepted()).containsExactly(latest, recovery);
    }

    @Test
    void aSilenceExpiredEarlyPagesTheOpenIncident() throws Exception {
        TestReceiverServer pager = server((alert, attempt) -> Response.status(202));
        DeliveryPipeline pipeline = pipeline(pager);
        Alert alert = TestAlerts.alert("inc-chatgpt", "chatgpt", 1);
        pipeline.process(alert, ORIGIN);
        assertThat(pipeline.releaseEnded()).isZero();

        store().expire("s-failover", time.instant());

        assertThat(pipeline.releaseEnded()).isEqualTo(1);
        assertThat(pager.accepted()).containsExactly(alert);
    }

    @Test
    void aSilenceExpiringDuringAReceiverOutagePagesOnceTheReceiverIsBack() throws Exception {
        AtomicBoolean down = new AtomicBoolean(true);
        TestReceiverServer pager =
                server((alert, attempt) -> Response.status(down.get() ? 503 : 202));
        DeliveryPipeline pipeline = pipeline(pager);
        Alert alert = TestAlerts.alert("inc-chatgpt", "chatgpt", 1);
        pipeline.process(alert, ORIGIN);
        time.advance(Duration.between(TestAlerts.NOW, AFTER_THE_SILENCE));

        assertThat(pipeline.releaseEnded()).as("the receiver is down").isZero();
        assertThat(pipeline.heldCount()).isEqualTo(1);
        assertThat(pager.accepted()).isEmpty();
        assertThat(deadLetters).isEmpty();
        assertThat(pipeline.releaseEnded()).as("not again before the retry interval").isZero();
        int attemptsWhileDown = pager.requests().size();

        down.set(false);
        time.advance(DeliveryPipeline.RELEASE_RETRY_INTERVAL);
        assertThat(pipeline.releaseEnded()).isEqualTo(1);
        assertThat(pipeline.releaseEnded()).isZero();

        assertThat(pager.accepted()).containsExactly(alert);
        assertThat(pager.requests()).hasSize(attemptsWhileDown + 1);
        assertThat(log.find("inc-chatgpt", 1, "pager"))
                .map(DeliveryRecord::outcome)
                .contains(DeliveryOutcome.DELIVERED);
    }

    @Test
    void aRecoveryInsideTheSilenceEndsTheHoldWithoutAPage() throws Exception {
        TestReceiverServer pager = server((alert, attempt) -> Response.status(202));
        DeliveryPipeline pipeline = pipeline(pager);
        pipeline.process(TestAlerts.alert("inc-chatgpt", "chatgpt", 1), ORIGIN);
        pipeline.process(
                TestAlerts.alert(
                        "inc-chatgpt", "chatgpt", Severity.MAJOR, AlertType.OUTAGE_RECOVERED, 2),
                ORIGIN);
        time.advance(Duration.between(TestAlerts.NOW, AFTER_THE_SILENCE));

        assertThat(pipeline.heldCount()).isZero();
        assertThat(pipeline.releaseEnded()).isZero();
        assertThat(pager.requests()).isEmpty();
    }

    private SilenceStore store() {
        return history.silenceStore().orElseThrow();
    }

    private TestReceiverServer server(TestReceiverServer.Responder responder) throws IOException {
        TestReceiverServer server = TestReceiverServer.start(responder);
        servers.add(server);
        return server;
    }

    private DeliveryPipeline pipeline(TestReceiverServer pager) {
        return DeliveryPipeline.of(
                        Router.toAll(List.of("pager", "console")),
                        List.of(
                                new HttpTestNotifier("pager", pager.uri(), time),
                                new ConsoleNotifier(
                                        "console",
                                        new PrintStream(console, true, StandardCharsets.UTF_8))),
                        POLICY,
                        log,
                        deadLetters::add,
                        history,
                        time.source(0.5))
                .silencing(new Silencer(store(), List.of(), true), history.heldAlerts());
    }
}
