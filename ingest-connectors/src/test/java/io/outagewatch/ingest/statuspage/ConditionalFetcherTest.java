package io.outagewatch.ingest.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.outagewatch.ingest.statuspage.FixtureServer.Reply;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConditionalFetcherTest {

    private static final String PATH = "/api/v2/incidents.json";
    private static final String BODY = "{\"incidents\":[]}";
    private static final String LAST_MODIFIED = "Fri, 20 Nov 2026 14:02:12 GMT";
    private static final int SMALL_LIMIT = 64;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** The endless server stops here, far past anything a fetcher may read. */
    private static final long ENDLESS_BODY_GIVE_UP_BYTES = 256L * 1024 * 1024;

    private final FixtureServer server = new FixtureServer(new MutableClock(Fixtures.NOW));
    private final ConditionalFetcher fetcher =
            new ConditionalFetcher(ConditionalFetcher.defaultClient(), SMALL_LIMIT, TIMEOUT);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsBackTheValidatorsAndReads304AsNotModified() {
        server.serve(PATH, Reply.document(BODY, "W/\"abc\"", LAST_MODIFIED));

        FetchResult first = fetcher.fetch(uri());
        FetchResult second = fetcher.fetch(uri());

        assertThat(first).isInstanceOf(FetchResult.Modified.class);
        assertThat(new String(((FetchResult.Modified) first).body(), StandardCharsets.UTF_8))
                .isEqualTo(BODY);
        assertThat(server.requests().get(0).ifNoneMatch()).isNull();
        assertThat(server.requests().get(1).ifNoneMatch()).isEqualTo("W/\"abc\"");
        assertThat(server.requests().get(1).ifModifiedSince()).isEqualTo(LAST_MODIFIED);
        assertThat(second).isInstanceOf(FetchResult.NotModified.class);
    }

    @Test
    void forgetSendsAnUnconditionalRequestNextTime() {
        server.serve(PATH, Reply.document(BODY, "\"abc\"", LAST_MODIFIED));
        fetcher.fetch(uri());

        fetcher.forget(uri());

        assertThat(fetcher.fetch(uri())).isInstanceOf(FetchResult.Modified.class);
        assertThat(server.lastRequest().ifNoneMatch()).isNull();
    }

    @Test
    void aBodyOverTheLimitFails() {
        server.serve(PATH, Reply.plain("{\"incidents\":[" + "{},".repeat(SMALL_LIMIT) + "{}]}"));

        FetchResult result = fetcher.fetch(uri());

        assertThat(result).isInstanceOf(FetchResult.Failed.class);
        assertThat(((FetchResult.Failed) result).reason()).contains("larger than 64 bytes");
    }

    @Test
    void anEndlessBodyWithoutALengthFailsAfterTheLimitAndIsNotReadOn() throws Exception {
        HttpServer endless =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicLong written = new AtomicLong();
        CompletableFuture<Void> writerStopped = new CompletableFuture<>();
        endless.createContext(
                "/",
                exchange -> {
                    // Chunked: no Content-Length to refuse on, so only the read limit can stop it.
                    exchange.sendResponseHeaders(200, 0);
                    byte[] chunk = "{\"incidents\":[".repeat(64).getBytes(StandardCharsets.UTF_8);
                    try (OutputStream out = exchange.getResponseBody()) {
                        while (written.get() < ENDLESS_BODY_GIVE_UP_BYTES) {
                            out.write(chunk);
                            written.addAndGet(chunk.length);
                        }
                    } catch (IOException closedByTheClient) {
                        // expected: the fetcher hung up
                    } finally {
                        writerStopped.complete(null);
                    }
                });
        endless.start();
        try {
            FetchResult result =
                    fetcher.fetch(
                            URI.create(
                                    "http://127.0.0.1:" + endless.getAddress().getPort() + PATH));

            assertThat(result).isInstanceOf(FetchResult.Failed.class);
            assertThat(((FetchResult.Failed) result).reason()).contains("larger than 64 bytes");
            writerStopped.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(written.get()).isLessThan(ENDLESS_BODY_GIVE_UP_BYTES);
        } finally {
            endless.stop(0);
        }
    }

    @Test
    void anErrorStatusFailsWithItsRetryAfter() {
        server.serve(PATH, Reply.status(429, Map.of("Retry-After", "30")));

        FetchResult.Failed failed = (FetchResult.Failed) fetcher.fetch(uri());

        assertThat(failed.status()).isEqualTo(429);
        assertThat(failed.rateLimited()).isTrue();
        assertThat(failed.retryAfter()).isEqualTo("30");
    }

    @Test
    void aRedirectFailsThePollAndIsNeverFollowed() throws Exception {
        AtomicLong canaryRequests = new AtomicLong();
        HttpServer canary =
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        canary.createContext(
                "/",
                exchange -> {
                    canaryRequests.incrementAndGet();
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
        canary.start();
        try {
            String location =
                    "http://127.0.0.1:" + canary.getAddress().getPort() + "/latest/meta-data/";
            server.serve(PATH, Reply.status(302, Map.of("Location", location)));

            FetchResult.Failed failed = (FetchResult.Failed) fetcher.fetch(uri());

            assertThat(failed.status()).isEqualTo(302);
            assertThat(failed.reason()).contains("not followed").contains(location);
            assertThat(canaryRequests).hasValue(0);
        } finally {
            canary.stop(0);
        }
    }

    @Test
    void noServerFailsWithStatusZero() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        FetchResult.Failed failed =
                (FetchResult.Failed)
                        fetcher.fetch(URI.create("http://127.0.0.1:" + closedPort + PATH));

        assertThat(failed.status()).isZero();
        assertThat(failed.rateLimited()).isFalse();
    }

    private URI uri() {
        return URI.create(server.baseUrl() + PATH);
    }
}
