package io.outagewatch.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.MinuteVerdict;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real server on loopback, with a real HTTP client. */
class StatusServerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final StatusBoard board = new StatusBoard(TestRecords.catalog(), Duration.ofHours(48));
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private StatusServer server;

    @BeforeEach
    void start() throws Exception {
        server = StatusServer.start(board, new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void bindsLoopback() {
        assertThat(server.url()).startsWith("http://127.0.0.1:");
    }

    @Test
    void servesBothPagesAndEveryAssetTheyLoad() throws Exception {
        HttpResponse<String> overview = get("/");
        HttpResponse<String> service = get("/service/chatgpt");

        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).startsWith("default-src 'self'"));
        assertThat(service.statusCode()).isEqualTo(200);
        for (String page : List.of(overview.body(), service.body())) {
            for (String asset : assetsOf(page)) {
                HttpResponse<String> response = get(asset);
                assertThat(response.statusCode()).as(asset).isEqualTo(200);
                assertThat(response.body()).as(asset).isNotBlank();
            }
            assertThat(page).doesNotContain("http://", "https://", "//cdn");
        }
        assertThat(get("/assets/uPlot.iife.min.js").headers().firstValue("Content-Type"))
                .contains("text/javascript; charset=utf-8");
    }

    @Test
    void unknownPathsServicesAndAssetsAre404() throws Exception {
        assertThat(get("/service/no-such-service").statusCode()).isEqualTo(404);
        assertThat(get("/api/services/no-such-service").statusCode()).isEqualTo(404);
        assertThat(get("/assets/../pom.xml").statusCode()).isEqualTo(404);
        assertThat(get("/assets/StatusServer.class").statusCode()).isEqualTo(404);
        assertThat(get("/etc/passwd").statusCode()).isEqualTo(404);
    }

    @Test
    void theApiAnswersJson() throws Exception {
        board.add(TestRecords.started());

        HttpResponse<String> services = get("/api/services");
        HttpResponse<String> chatgpt = get("/api/services/chatgpt");

        assertThat(services.statusCode()).isEqualTo(200);
        assertThat(services.headers().firstValue("Content-Type"))
                .contains("application/json; charset=utf-8");
        assertThat(services.body()).contains("\"id\":\"chatgpt\"", "\"state\":\"down\"");
        assertThat(chatgpt.body()).contains("\"incidentId\":\"" + TestRecords.INCIDENT + "\"");
    }

    @Test
    void onlyGetAndHeadWithoutBodiesOrLongUris() throws Exception {
        HttpResponse<String> post =
                client.send(
                        HttpRequest.newBuilder(URI.create(server.url() + "/api/services"))
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> getWithBody =
                client.send(
                        HttpRequest.newBuilder(URI.create(server.url() + "/api/services"))
                                .method("GET", HttpRequest.BodyPublishers.ofString("x".repeat(100)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(getWithBody.statusCode()).isEqualTo(413);
        assertThat(get("/?" + "q".repeat(StatusServer.MAX_URI_CHARS)).statusCode()).isEqualTo(414);
    }

    @Test
    void changesAreStreamedToOpenPages() throws Exception {
        HttpResponse<InputStream> stream = openStream();
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        try (BufferedReader events =
                new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertThat(nextData(events)).isEqualTo("data: " + board.version());

            board.add(TestRecords.minute(TestRecords.ONSET, 1, MinuteVerdict.OK));

            assertThat(nextData(events)).isEqualTo("data: " + board.version());
        }
    }

    @Test
    void streamsBeyondTheLimitAreTurnedAway() throws Exception {
        List<HttpResponse<InputStream>> open = new ArrayList<>();
        try {
            for (int i = 0; i < ChangeStream.MAX_CLIENTS; i++) {
                open.add(openStream());
            }
            assertThat(open).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));

            HttpResponse<InputStream> refused = openStream();

            assertThat(refused.statusCode()).isEqualTo(503);
            refused.body().close();
        } finally {
            for (HttpResponse<InputStream> response : open) {
                response.body().close();
            }
        }
    }

    private HttpResponse<InputStream> openStream() throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(server.url() + "/api/events")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    /** The next {@code data:} line; the read blocks at most until the server's heartbeat. */
    private static String nextData(BufferedReader events) throws Exception {
        for (String line = events.readLine(); line != null; line = events.readLine()) {
            if (line.startsWith("data: ")) {
                return line;
            }
        }
        throw new AssertionError("the stream ended");
    }

    private static List<String> assetsOf(String page) {
        List<String> assets = new ArrayList<>();
        for (String attribute : List.of("src=\"", "href=\"")) {
            int at = page.indexOf(attribute);
            while (at >= 0) {
                int start = at + attribute.length();
                String target = page.substring(start, page.indexOf('"', start));
                if (target.startsWith("/assets/")) {
                    assets.add(target);
                }
                at = page.indexOf(attribute, start);
            }
        }
        return assets;
    }
}
