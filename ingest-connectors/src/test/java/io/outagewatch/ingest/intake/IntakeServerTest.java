package io.outagewatch.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outagewatch.events.InvalidReason;
import io.outagewatch.events.SocialReport;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The endpoint on a real Jetty server on 127.0.0.1, driven by the JDK's HTTP client. */
@Timeout(30)
class IntakeServerTest {

    private static final Instant T0 = Instant.parse("2023-11-08T13:42:00Z");
    private static final String ALICE_TOKEN = "alice-0123456789abcdef";
    private static final String BOB_TOKEN = "bob-0123456789abcdef";
    private static final BearerAuth AUTH =
            BearerAuth.of(Map.of("alice", ALICE_TOKEN, "bob", BOB_TOKEN));
    private static final long MAX_BODY_BYTES = 16 * 1024;

    /** Jetty's default request header size, which the intake keeps. */
    private static final int JETTY_HEADER_LIMIT_BYTES = 8 * 1024;

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    // High enough that no test but the rate-limit ones ever meets the limit.
    private static final double UNLIMITED_RATE = 10_000;
    private static final int UNLIMITED_BURST = 10_000;

    private static final String CHATGPT_REPORT =
            "{\"timestamp\":\"2023-11-08T13:42:00Z\",\"text\":\"chatgpt is down\","
                    + "\"author\":\"a1\",\"service\":\"chatgpt\"}";
    private static final String SLACK_REPORT =
            "{\"timestamp\":1699450980000,\"text\":\"slack won't load\",\"source\":\"mastodon\"}";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(REQUEST_TIMEOUT)
                    .build();

    private static final CollectingPublisher PUBLISHER = new CollectingPublisher();
    private static IntakeServer server;

    @BeforeAll
    static void startServer() {
        server = IntakeServer.start(settings(UNLIMITED_RATE, UNLIMITED_BURST), PUBLISHER);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void forgetPublished() {
        PUBLISHER.clear();
    }

    @Test
    void listensOnLoopbackOnAFreePort() {
        assertThat(server.port()).isPositive();
        assertThat(server.uri().toString()).isEqualTo("http://127.0.0.1:" + server.port());
    }

    @Test
    void healthNeedsNoToken() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(server, "/healthz")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(json(response)).isEqualTo(JSON.readTree("{\"status\":\"ok\"}"));
    }

    @Test
    void aMissingTokenIs401WithABearerChallenge() throws Exception {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri(server, "/v1/reports")).POST(body(CHATGPT_REPORT)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .contains("Bearer realm=\"outagewatch-intake\"");
        assertThat(json(response).path("error").asText()).isEqualTo("a bearer token is required");
        assertThat(PUBLISHER.published()).isEmpty();
    }

    @Test
    void aWrongTokenIs401WithInvalidToken() throws Exception {
        HttpResponse<String> wrong = post(server, ALICE_TOKEN + "x", body(CHATGPT_REPORT));
        HttpResponse<String> basic =
                send(
                        HttpRequest.newBuilder(uri(server, "/v1/reports"))
                                .header("Authorization", "Basic YWxpY2U6c2VjcmV0")
                                .POST(body(CHATGPT_REPORT)));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate"))
                .contains("Bearer realm=\"outagewatch-intake\", error=\"invalid_token\"");
        assertThat(json(wrong).path("error").asText()).isEqualTo("invalid bearer token");
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(basic.headers().firstValue("WWW-Authenticate"))
                .contains("Bearer realm=\"outagewatch-intake\"");
        assertThat(PUBLISHER.published()).isEmpty();
    }

    @Test
    void aSingleReportIsAcceptedAndPublished() throws Exception {
        HttpResponse<String> response = post(server, ALICE_TOKEN, body(CHATGPT_REPORT));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response))
                .isEqualTo(JSON.readTree("{\"accepted\":1,\"rejected\":0,\"errors\":[]}"));
        assertThat(PUBLISHER.published())
                .containsExactly(
                        new SocialReport(
                                T0, "chatgpt is down", "webhook", "a1", null, "chatgpt", null));
    }

    @Test
    void anArrayIsAcceptedInPartWithAReasonPerRejectedIndex() throws Exception {
        String body =
                "["
                        + CHATGPT_REPORT
                        + ",{\"timestamp\":\"2023-11-08T13:42:00Z\",\"text\":\"   \"},"
                        + SLACK_REPORT
                        + ",{\"text\":\"no time\"},"
                        + "{\"timestamp\":\"2023-11-08T13:42:00Z\",\"text\":\"x\","
                        + "\"service\":\"Not An Id\"}]";

        HttpResponse<String> response = post(server, BOB_TOKEN, body(body));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode result = json(response);
        assertThat(result.path("accepted").asInt()).isEqualTo(2);
        assertThat(result.path("rejected").asInt()).isEqualTo(3);
        assertThat(result.path("errors")).hasSize(3);
        assertThat(result.path("errors").findValues("index"))
                .extracting(JsonNode::asInt)
                .containsExactly(1, 3, 4);
        assertThat(result.path("errors").findValues("reason"))
                .extracting(JsonNode::asText)
                .satisfiesExactly(
                        r -> assertThat(r).isEqualTo("invalid_value: text is blank"),
                        r -> assertThat(r).startsWith(InvalidReason.MISSING_FIELD + ": "),
                        r -> assertThat(r).startsWith(InvalidReason.INVALID_ID + ": "));
        assertThat(PUBLISHER.published())
                .extracting(SocialReport::text, SocialReport::source, SocialReport::service)
                .containsExactly(
                        tuple("chatgpt is down", "webhook", "chatgpt"),
                        tuple("slack won't load", "mastodon", null));
    }

    @Test
    void requestHeadersOverJettysLimitAre431AndNothingIsPublished() throws Exception {
        HttpResponse<String> response =
                send(
                        HttpRequest.newBuilder(uri(server, "/v1/reports"))
                                .header("Authorization", "Bearer " + ALICE_TOKEN)
                                .header("X-Padding", "p".repeat(JETTY_HEADER_LIMIT_BYTES))
                                .POST(body(CHATGPT_REPORT)));

        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(PUBLISHER.published()).isEmpty();
    }

    @Test
    void eachFieldOverItsLimitRejectsOnlyItsItem() throws Exception {
        String at = "{\"timestamp\":\"2023-11-08T13:42:00Z\",";
        String body =
                "["
                        + at
                        + "\"text\":\""
                        + "x".repeat(SocialReport.TEXT_MAX_CHARS + 1)
                        + "\"},"
                        + at
                        + "\"text\":\"t\",\"author\":\""
                        + "a".repeat(SocialReport.AUTHOR_MAX_CHARS + 1)
                        + "\"},"
                        + at
                        + "\"text\":\"t\",\"source\":\""
                        + "s".repeat(SocialReport.SOURCE_MAX_CHARS + 1)
                        + "\"},"
                        + at
                        + "\"text\":\"t\",\"lang\":\""
                        + "l".repeat(SocialReport.LANG_MAX_CHARS + 1)
                        + "\"},"
                        + at
                        + "\"text\":\""
                        + "x".repeat(SocialReport.TEXT_MAX_CHARS)
                        + "\"}]";

        HttpResponse<String> response = post(server, ALICE_TOKEN, body(body));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode result = json(response);
        assertThat(result.path("accepted").asInt()).isEqualTo(1);
        assertThat(result.path("errors").findValues("index"))
                .extracting(JsonNode::asInt)
                .containsExactly(0, 1, 2, 3);
        assertThat(result.path("errors").findValues("reason"))
                .extracting(JsonNode::asText)
                .satisfiesExactly(
                        r -> assertThat(r).contains("text", "maximum is 4096"),
                        r -> assertThat(r).contains("author"),
                        r -> assertThat(r).contains("source"),
                        r -> assertThat(r).contains("lang"));
        assertThat(PUBLISHER.published())
                .extracting(SocialReport::text)
                .containsExactly("x".repeat(SocialReport.TEXT_MAX_CHARS));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"timestamp\": | body is not valid JSON: ",
                "not json | body is not valid JSON: ",
                "'' | body is empty",
                "[] | body is an empty array",
                "\"a string\" | body must be a report object or an array of them, got value_string",
                "[{}] [{}] | body has content after its JSON value",
            })
    void unparseableOrWronglyShapedBodiesAre400(String body, String error) throws Exception {
        HttpResponse<String> response = post(server, ALICE_TOKEN, body(body));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error").asText()).startsWith(error);
        assertThat(PUBLISHER.published()).isEmpty();
    }

    @Test
    void aBodyAtTheLimitIsRead() throws Exception {
        String padded = pad(CHATGPT_REPORT, (int) MAX_BODY_BYTES);

        HttpResponse<String> response = post(server, ALICE_TOKEN, body(padded));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(PUBLISHER.published()).hasSize(1);
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413() throws Exception {
        String oversized = pad(CHATGPT_REPORT, (int) MAX_BODY_BYTES + 1);

        HttpResponse<String> response = post(server, ALICE_TOKEN, body(oversized));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("error").asText())
                .isEqualTo("body is larger than " + MAX_BODY_BYTES + " bytes");
        assertThat(PUBLISHER.published()).isEmpty();
    }

    @Test
    void aChunkedBodyOverTheLimitIs413WhileReading() throws Exception {
        byte[] oversized =
                pad(CHATGPT_REPORT, (int) MAX_BODY_BYTES * 2).getBytes(StandardCharsets.UTF_8);
        // An input stream of unknown length goes out chunked, without Content-Length.
        BodyPublisher chunked =
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(oversized));
        assertThat(chunked.contentLength()).isNegative();

        HttpResponse<String> response = post(server, ALICE_TOKEN, chunked);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(PUBLISHER.published()).isEmpty();
        // The connection may have been closed after the 413; the next request still works.
        assertThat(post(server, ALICE_TOKEN, body(CHATGPT_REPORT)).statusCode()).isEqualTo(202);
    }

    @Test
    void aChunkedBodyWithinTheLimitIsAccepted() throws Exception {
        byte[] report = CHATGPT_REPORT.getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response =
                post(
                        server,
                        ALICE_TOKEN,
                        BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(report)));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(PUBLISHER.published()).hasSize(1);
    }

    @Test
    void anArrayOfMoreThanTheMaximumIs413AndNothingIsPublished() throws Exception {
        String items =
                IntStream.range(0, IntakeSettings.DEFAULT_MAX_ITEMS + 1)
                        .mapToObj(i -> "{}")
                        .collect(Collectors.joining(",", "[", "]"));
        assertThat(items.length()).isLessThan((int) MAX_BODY_BYTES);

        HttpResponse<String> response = post(server, ALICE_TOKEN, body(items));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("error").asText())
                .isEqualTo("an array may hold at most 1000 reports");
        assertThat(PUBLISHER.published()).isEmpty();
    }

    @Test
    void wrongMethodsAre405WithAllow() throws Exception {
        HttpResponse<String> getReports =
                send(
                        HttpRequest.newBuilder(uri(server, "/v1/reports"))
                                .header("Authorization", "Bearer " + ALICE_TOKEN)
                                .GET());
        HttpResponse<String> postHealth =
                send(HttpRequest.newBuilder(uri(server, "/healthz")).POST(body("{}")));

        assertThat(getReports.statusCode()).isEqualTo(405);
        assertThat(getReports.headers().firstValue("Allow")).contains("POST");
        assertThat(postHealth.statusCode()).isEqualTo(405);
        assertThat(postHealth.headers().firstValue("Allow")).contains("GET");
    }

    @Test
    void otherPathsAre404() throws Exception {
        HttpResponse<String> response =
                send(
                        HttpRequest.newBuilder(uri(server, "/v1/reports/extra"))
                                .header("Authorization", "Bearer " + ALICE_TOKEN)
                                .POST(body(CHATGPT_REPORT)));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").asText()).isEqualTo("no such path");
    }

    @Test
    void aClientPastItsBurstIs429WithRetryAfterAndOthersAreUnaffected() throws Exception {
        AtomicLong now = new AtomicLong();
        double ratePerSecond = 0.5;
        int burst = 2;
        try (IntakeServer limited =
                IntakeServer.start(settings(ratePerSecond, burst), PUBLISHER, now::get)) {
            for (int i = 0; i < burst; i++) {
                assertThat(post(limited, ALICE_TOKEN, body(CHATGPT_REPORT)).statusCode())
                        .isEqualTo(202);
            }
            HttpResponse<String> refused = post(limited, ALICE_TOKEN, body(CHATGPT_REPORT));

            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).contains("2");
            assertThat(json(refused).path("error").asText()).contains("rate limit exceeded");
            assertThat(post(limited, BOB_TOKEN, body(CHATGPT_REPORT)).statusCode()).isEqualTo(202);
            assertThat(PUBLISHER.published()).hasSize(burst + 1);

            now.addAndGet(Duration.ofSeconds(2).toNanos());
            assertThat(post(limited, ALICE_TOKEN, body(CHATGPT_REPORT)).statusCode())
                    .isEqualTo(202);
        }
    }

    @Test
    void aPublisherThatRefusesGives503() throws Exception {
        try (IntakeServer refusing =
                IntakeServer.start(
                        settings(UNLIMITED_RATE, UNLIMITED_BURST),
                        CollectingPublisher.refusing())) {
            HttpResponse<String> response = post(refusing, ALICE_TOKEN, body(CHATGPT_REPORT));

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
            assertThat(json(response).path("published").asInt()).isZero();
        }
    }

    private static IntakeSettings settings(double rate, int burst) {
        return new IntakeSettings(
                "127.0.0.1",
                0,
                AUTH,
                MAX_BODY_BYTES,
                IntakeSettings.DEFAULT_MAX_ITEMS,
                rate,
                burst,
                IntakeSettings.Output.STDOUT,
                Optional.empty(),
                IntakeSettings.DEFAULT_SOURCE);
    }

    private static HttpResponse<String> post(IntakeServer target, String token, BodyPublisher body)
            throws Exception {
        return send(
                HttpRequest.newBuilder(uri(target, "/v1/reports"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(body));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(REQUEST_TIMEOUT).build(), BodyHandlers.ofString());
    }

    private static URI uri(IntakeServer target, String path) {
        return target.uri().resolve(path);
    }

    private static BodyPublisher body(String text) {
        return BodyPublishers.ofString(text, StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /** The JSON followed by spaces up to exactly {@code bytes} bytes. */
    private static String pad(String json, int bytes) {
        return json + " ".repeat(bytes - json.getBytes(StandardCharsets.UTF_8).length);
    }
}
