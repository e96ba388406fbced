package io.outagewatch.sink.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outagewatch.sink.pipeline.MetricsServer;
import io.outagewatch.sink.pipeline.SinkMetrics;
import io.outagewatch.sink.silence.MemorySilenceStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The silences API on a real loopback HTTP server: tokens, limits, and the three calls. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SilenceApiTest {

    private static final String TOKEN = "s3cret-token-for-silences";
    private static final Instant NOW = Instant.parse("2024-03-02T21:00:00Z");
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final int SOCKET_TIMEOUT_MILLIS = 10_000;
    private static final int BURST = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MemorySilenceStore store = new MemorySilenceStore();
    private final AtomicLong nanos = new AtomicLong();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    private MetricsServer server;

    @BeforeEach
    void start() throws IOException {
        SilenceApi api =
                new SilenceApi(
                        ApiToken.of(TOKEN),
                        new RequestRateLimiter(1, BURST, nanos::get),
                        store,
                        Clock.fixed(NOW, ZoneOffset.UTC));
        server =
                MetricsServer.start(
                        new SinkMetrics(),
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                        Optional.of(api));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aWrongTokenIsRefusedAndNothingIsStored() throws Exception {
        HttpResponse<String> wrong =
                send(post(body("chatgpt")).header("Authorization", "Bearer not-the-token-at-all"));
        HttpResponse<String> none = send(post(body("chatgpt")));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate"))
                .contains("Bearer realm=\"outagewatch-sink\", error=\"invalid_token\"");
        assertThat(wrong.body()).doesNotContain("not-the-token-at-all").doesNotContain(TOKEN);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("a bearer token is required");
        assertThat(store.silences()).isEmpty();
    }

    @Test
    void anOversizedBodyIsRefusedByItsDeclaredLength() throws Exception {
        String padded =
                body("chatgpt")
                        .replace(
                                "}",
                                ",\"comment2\":\"" + "x".repeat(SilenceApi.MAX_BODY_BYTES) + "\"}");

        HttpResponse<String> response = send(authorized(post(padded)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("body is larger than " + SilenceApi.MAX_BODY_BYTES);
        assertThat(store.silences()).isEmpty();
    }

    @Test
    void anOversizedChunkedBodyIsRefusedWithoutReadingItAll() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(server.address(), SOCKET_TIMEOUT_MILLIS);
            socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            StringBuilder request =
                    new StringBuilder("POST " + SilenceApi.PATH + " HTTP/1.1\r\n")
                            .append("Host: sink\r\nAuthorization: Bearer ")
                            .append(TOKEN)
                            .append("\r\nTransfer-Encoding: chunked\r\n\r\n");
            String chunk = "y".repeat(SilenceApi.MAX_BODY_BYTES);
            for (int i = 0; i < 2; i++) {
                request.append(Integer.toHexString(chunk.length())).append("\r\n");
                request.append(chunk).append("\r\n");
            }
            request.append("0\r\n\r\n");
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status =
                    new String(in.readNBytes("HTTP/1.1 413".length()), StandardCharsets.US_ASCII);
            assertThat(status).isEqualTo("HTTP/1.1 413");
        }
        assertThat(store.silences()).isEmpty();
    }

    @Test
    void postListAndDeleteASilence() throws Exception {
        HttpResponse<String> created = send(authorized(post(body("chatgpt"))));

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode silence = JSON.readTree(created.body());
        String id = silence.get("id").asText();
        assertThat(id).matches("s-[0-9a-f]{16}");
        assertThat(silence.get("service").asText()).isEqualTo("chatgpt");
        assertThat(silence.get("startsAt").asText()).isEqualTo("2024-03-02T22:00:00Z");
        assertThat(silence.get("endsAt").asText()).isEqualTo("2024-03-03T00:00:00Z");
        assertThat(silence.get("createdBy").asText()).isEqualTo("bob");
        assertThat(silence.get("state").asText()).isEqualTo("pending");

        HttpResponse<String> listed = send(authorized(get(SilenceApi.PATH)));
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(listed.body()).get("silences")).hasSize(1);

        HttpResponse<String> deleted =
                send(authorized(HttpRequest.newBuilder(uri(SilenceApi.PATH + "/" + id)).DELETE()));
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(deleted.body()).get("state").asText()).isEqualTo("expired");
        assertThat(JSON.readTree(send(authorized(get(SilenceApi.PATH))).body()).get("silences"))
                .isEmpty();
        assertThat(
                        JSON.readTree(send(authorized(get(SilenceApi.PATH + "?all=true"))).body())
                                .get("silences"))
                .hasSize(1);

        HttpResponse<String> unknown =
                send(authorized(HttpRequest.newBuilder(uri(SilenceApi.PATH + "/s-nope")).DELETE()));
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void badSilencesAreRefusedWithTheReason() throws Exception {
        HttpResponse<String> noComment =
                send(authorized(post("{\"service\":\"chatgpt\",\"duration\":\"2h\"}")));
        HttpResponse<String> backwards =
                send(
                        authorized(
                                post(
                                        "{\"service\":\"chatgpt\",\"startsAt\":\"2024-03-03T00:00:00Z\","
                                                + "\"endsAt\":\"2024-03-02T22:00:00Z\","
                                                + "\"comment\":\"x\"}")));
        HttpResponse<String> unknownField =
                send(authorized(post("{\"service\":\"chatgpt\",\"matchers\":[]}")));
        HttpResponse<String> notJson = send(authorized(post("service=chatgpt")));

        assertThat(noComment.statusCode()).isEqualTo(400);
        assertThat(noComment.body()).contains("a comment is required");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("is not after the start");
        assertThat(unknownField.statusCode()).isEqualTo(400);
        assertThat(unknownField.body()).contains("unknown fields [matchers]");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(store.silences()).isEmpty();
    }

    @Test
    void requestsBeyondTheRateAreRefusedUntilTheBucketRefills() throws Exception {
        for (int i = 0; i < BURST; i++) {
            assertThat(send(authorized(get(SilenceApi.PATH))).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = send(authorized(get(SilenceApi.PATH)));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("1");
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(send(authorized(get(SilenceApi.PATH))).statusCode()).isEqualTo(200);
    }

    @Test
    void theTokenNeverShowsInItsText() {
        assertThat(ApiToken.of(TOKEN).toString()).doesNotContain(TOKEN);
        assertThat(ApiToken.of(TOKEN).accepts("Bearer " + TOKEN)).isTrue();
        assertThat(ApiToken.of(TOKEN).accepts("bearer " + TOKEN)).isTrue();
        assertThat(ApiToken.of(TOKEN).accepts("Basic " + TOKEN)).isFalse();
        assertThat(ApiToken.of(TOKEN).accepts("Bearer " + TOKEN + "x")).isFalse();
    }

    private static String body(String service) {
        return "{\"service\":\""
                + service
                + "\",\"startsAt\":\"2024-03-02T22:00:00Z\",\"duration\":\"2h\","
                + "\"createdBy\":\"bob\",\"comment\":\"database failover\"}";
    }

    private HttpRequest.Builder post(String body) {
        return HttpRequest.newBuilder(uri(SilenceApi.PATH))
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT).GET();
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + TOKEN);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        InetSocketAddress address = server.address();
        return URI.create(
                "http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + path);
    }
}
