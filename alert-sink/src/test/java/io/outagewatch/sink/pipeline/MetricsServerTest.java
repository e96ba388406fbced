package io.outagewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.sink.pipeline.TestReceiverServer.Response;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline against real receivers on loopback, one failing before it accepts and one refusing,
 * scraped over HTTP; only backoff time is simulated.
 */
@Timeout(30)
class MetricsServerTest {

    private static final RetryPolicy POLICY =
            new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(10));

    /** Per alert version. */
    private static final int FAILURES_BEFORE_ACCEPTING = 2;

    @TempDir Path dir;

    private final FakeTime time = new FakeTime(TestAlerts.NOW);
    private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aScrapeShowsDeliveriesRetriesRejectionsAndAlerts() throws Exception {
        Alert first = TestAlerts.alert("inc-1", "chatgpt", 1);
        Alert second = TestAlerts.alert("inc-1", "chatgpt", 2);
        Path alerts = dir.resolve("alerts.jsonl");
        Files.write(
                alerts,
                List.of(
                        AlertSerde.INSTANCE.toJson(first),
                        "not an alert",
                        AlertSerde.INSTANCE.toJson(second)));
        try (TestReceiverServer flaky =
                        TestReceiverServer.start(
                                (alert, attempt) ->
                                        Response.status(
                                                attempt <= FAILURES_BEFORE_ACCEPTING ? 503 : 202));
                TestReceiverServer refusing =
                        TestReceiverServer.start((alert, attempt) -> Response.status(400));
                FileDeliveryLog log =
                        FileDeliveryLog.open(
                                dir.resolve("delivery-log"), Duration.ofDays(1), time)) {
            DeliveryPipeline pipeline =
                    DeliveryPipeline.of(
                            Router.toAll(List.of("oncall", "audit \"log\"")),
                            List.of(
                                    new HttpTestNotifier("oncall", flaky.uri(), time),
                                    new HttpTestNotifier("audit \"log\"", refusing.uri(), time)),
                            POLICY,
                            log,
                            deadLetters::add,
                            HistoryRecorder.NONE,
                            time.source(0.5));
            try (MetricsServer server =
                    MetricsServer.start(
                            pipeline.metrics(),
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
                assertThat(scrape(server).body())
                        .contains(
                                "outagewatch_sink_deliveries_total{receiver=\"oncall\","
                                        + "outcome=\"delivered\"} 0\n");

                new FileAlertSource(pipeline, deadLetters::add, time).deliverAll(alerts);

                HttpResponse<String> response = scrape(server);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type"))
                        .contains(MetricsServer.CONTENT_TYPE);
                assertThat(response.body())
                        .contains(
                                "outagewatch_sink_deliveries_total{receiver=\"oncall\","
                                        + "outcome=\"delivered\"} 2\n",
                                "outagewatch_sink_deliveries_total{receiver=\"oncall\","
                                        + "outcome=\"retried\"} 4\n",
                                "outagewatch_sink_deliveries_total{receiver=\"oncall\","
                                        + "outcome=\"rejected\"} 0\n",
                                "outagewatch_sink_deliveries_total{receiver=\"audit \\\"log\\\"\","
                                        + "outcome=\"rejected\"} 2\n",
                                "outagewatch_sink_alerts_total{result=\"processed\"} 2\n",
                                "outagewatch_sink_alerts_total{result=\"invalid\"} 1\n");
                // Each alert version is refused twice before it is accepted: 2 retries each.
                assertThat(flaky.requests()).hasSize(2 * (FAILURES_BEFORE_ACCEPTING + 1));
                assertThat(deadLetters).hasSize(3);
            }
        }
    }

    @Test
    void onlyGetOnTheMetricsPathIsServed() throws Exception {
        try (MetricsServer server =
                MetricsServer.start(
                        new SinkMetrics(),
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            URI base = URI.create(server.url());
            assertThat(server.url()).startsWith("http://127.0.0.1:").endsWith("/metrics");
            assertThat(send(HttpRequest.newBuilder(base.resolve("/other")).GET()).statusCode())
                    .isEqualTo(404);
            assertThat(
                            send(HttpRequest.newBuilder(base)
                                            .POST(HttpRequest.BodyPublishers.noBody()))
                                    .statusCode())
                    .isEqualTo(405);
        }
    }

    private HttpResponse<String> scrape(MetricsServer server)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(server.url())).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return client.send(
                request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
