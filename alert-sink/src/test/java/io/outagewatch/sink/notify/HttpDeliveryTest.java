package io.outagewatch.sink.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class HttpDeliveryTest {
    private static final Instant NOW = Instant.parse("2026-08-01T12:00:00Z");
    private static final byte[] BODY = "{}".getBytes(StandardCharsets.UTF_8);

    private final HttpDelivery http =
            HttpDelivery.create(Duration.ofSeconds(5), Clock.fixed(NOW, ZoneOffset.UTC));

    private Delivery post(RecordingServer server) throws InterruptedException {
        return http.postJson(URI.create(server.url("/x")), BODY, Map.of("X-Test", "1"));
    }

    @Test
    void classifiesAnswers() throws Exception {
        try (RecordingServer server = RecordingServer.start()) {
            server.then(
                    RecordingServer.Answer.of(500, "internal"),
                    RecordingServer.Answer.of(429, "").withHeader("Retry-After", "7"),
                    RecordingServer.Answer.of(400, "{\"error\":\"missing field summary\"}"),
                    RecordingServer.Answer.of(408, ""),
                    RecordingServer.Answer.of(302, "")
                            .withHeader("Location", "http://127.0.0.1:1/"),
                    RecordingServer.Answer.of(403, "action_prohibited"),
                    RecordingServer.Answer.of(202, "queued"));
            assertThat(post(server))
                    .isEqualTo(new Delivery.Retryable("HTTP 500: internal", Optional.empty()));
            assertThat(post(server))
                    .isEqualTo(
                            new Delivery.Retryable("HTTP 429", Optional.of(Duration.ofSeconds(7))));
            assertThat(post(server))
                    .isEqualTo(
                            new Delivery.Rejected(
                                    "HTTP 400: {\"error\":\"missing field summary\"}"));
            assertThat(post(server))
                    .isEqualTo(new Delivery.Retryable("HTTP 408", Optional.empty()));
            assertThat(post(server))
                    .isEqualTo(new Delivery.Rejected("HTTP 302 (redirects are not followed)"));
            assertThat(post(server))
                    .isEqualTo(new Delivery.Rejected("HTTP 403: action_prohibited"));
            assertThat(post(server)).isEqualTo(new Delivery.Delivered("HTTP 202: queued"));
            assertThat(server.requests()).hasSize(7);
            assertThat(server.requests().get(0).header("X-Test")).isEqualTo("1");
            assertThat(server.requests().get(0).header("User-Agent"))
                    .isEqualTo("OutageWatch-alert-sink");
        }
    }

    @Test
    void retryAfterAsSecondsOrHttpDate() {
        assertThat(http.parseRetryAfter("7")).contains(Duration.ofSeconds(7));
        assertThat(http.parseRetryAfter(" 0 ")).contains(Duration.ZERO);
        assertThat(http.parseRetryAfter("Sat, 01 Aug 2026 12:02:30 GMT"))
                .contains(Duration.ofSeconds(150));
        assertThat(http.parseRetryAfter("Sat, 01 Aug 2026 11:00:00 GMT")).contains(Duration.ZERO);
        assertThat(http.parseRetryAfter("soon")).isEmpty();
        assertThat(http.parseRetryAfter("-5")).isEmpty();
        assertThat(http.parseRetryAfter("99999999999999999999999")).isEmpty();
        assertThat(http.parseRetryAfter("")).isEmpty();
    }

    @Test
    void aClosedPortIsRetryable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Delivery delivery =
                http.postJson(
                        URI.create("http://127.0.0.1:" + port + "/secret-path"), BODY, Map.of());
        assertThat(delivery).isInstanceOf(Delivery.Retryable.class);
        assertThat(((Delivery.Retryable) delivery).retryAfter()).isEmpty();
        assertThat(delivery.detail()).startsWith("connection failed").doesNotContain("secret-path");
    }

    @Test
    void onlyTheStartOfALargeAnswerIsKept() throws Exception {
        String huge = "x".repeat(1_000_000);
        try (RecordingServer server = RecordingServer.answering(503, huge)) {
            Delivery delivery = post(server);
            assertThat(delivery).isInstanceOf(Delivery.Retryable.class);
            assertThat(delivery.detail())
                    .hasSize("HTTP 503: ".length() + HttpDelivery.MAX_DETAIL_BODY_BYTES);
        }
    }

    @Test
    void aReceiverThatDoesNotAnswerTimesOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        HttpServer server =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/",
                exchange -> {
                    try (exchange) {
                        release.await(10, TimeUnit.SECONDS);
                        exchange.sendResponseHeaders(200, -1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        server.setExecutor(executor);
        server.start();
        try {
            HttpDelivery impatient = HttpDelivery.create(Duration.ofMillis(300), Clock.systemUTC());
            Delivery delivery =
                    impatient.postJson(
                            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                            BODY,
                            Map.of());
            assertThat(delivery).isInstanceOf(Delivery.Retryable.class);
            assertThat(delivery.detail()).contains("timed out");
        } finally {
            release.countDown();
            server.stop(0);
            executor.shutdownNow();
        }
    }

    @Test
    void onlyHttpUrlsAreAccepted() {
        assertThat(HttpDelivery.httpUrl("x", "https://example.com/a", false))
                .isEqualTo(URI.create("https://example.com/a"));
        assertThatThrownBy(() -> HttpDelivery.httpUrl("--x-url", "file:///etc/passwd", false))
                .hasMessage("--x-url must be an http or https URL 'file:///etc/passwd'");
        assertThatThrownBy(() -> HttpDelivery.httpUrl("--x-url", "http:///nohost", false))
                .hasMessageContaining("no host");
        assertThatThrownBy(() -> HttpDelivery.httpUrl("--x-url", "https://u:p@example.com/", true))
                .hasMessageContaining("user:password")
                .hasMessageNotContaining("u:p");
        assertThatThrownBy(() -> HttpDelivery.httpUrl("--x-url", "http://exa mple/", true))
                .hasMessageNotContaining("exa mple");
    }

    @Test
    void interruptionIsPassedOn() throws Exception {
        try (RecordingServer server = RecordingServer.start()) {
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> post(server)).isInstanceOf(InterruptedException.class);
            } finally {
                Thread.interrupted();
            }
        }
    }
}
