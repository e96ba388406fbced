package io.outagewatch.ingest.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.outagewatch.events.ProbeResult;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The address guard and the body limit against real servers on 127.0.0.1: a name that resolves to
 * loopback is not contacted, a redirect is never followed, so a target that is allowed cannot lead
 * the prober to a private, link-local or loopback address, and an endless body is not read past
 * {@link HttpProbe#BODY_LIMIT_BYTES}.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProbeGuardTest {

    private static final Instant T0 = Instant.parse("2023-11-08T13:42:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final Duration GENEROUS = Duration.ofSeconds(5);

    /** The endless server stops here, far past the probe's read limit. */
    private static final long ENDLESS_BODY_GIVE_UP_BYTES = 256L * 1024 * 1024;

    private HttpServer redirecting;
    private HttpServer canary;
    private final AtomicInteger redirectRequests = new AtomicInteger();
    private final AtomicInteger canaryRequests = new AtomicInteger();

    @BeforeEach
    void startServers() throws IOException {
        canary = server();
        canary.createContext(
                "/",
                exchange -> {
                    canaryRequests.incrementAndGet();
                    exchange.sendResponseHeaders(200, -1);
                    exchange.close();
                });
        canary.start();
        redirecting = server();
        redirecting.createContext(
                "/",
                exchange -> {
                    redirectRequests.incrementAndGet();
                    String location = exchange.getRequestURI().getQuery().substring("to=".length());
                    exchange.getResponseHeaders().add("Location", location);
                    exchange.sendResponseHeaders(302, -1);
                    exchange.close();
                });
        redirecting.start();
    }

    @AfterEach
    void stopServers() {
        redirecting.stop(0);
        canary.stop(0);
    }

    @Test
    void aNameThatResolvesToLoopbackIsNeverContacted() {
        HttpProbe guarded =
                new HttpProbe(
                        HttpProbe.newClient(),
                        new TargetPolicy(false, HostResolver.SYSTEM),
                        CLOCK,
                        "test-1");

        Optional<ProbeResult> result =
                guarded.check(target(URI.create("http://localhost:" + port(canary) + "/")));

        assertThat(result).isEmpty();
        assertThat(canaryRequests).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.1/",
                "http://[fd00:ec2::254]/",
                "http://localhost:%d/",
                "http://127.0.0.1:%d/"
            })
    void aRedirectIsJudgedAsItsOwnAnswerAndNeverFollowed(String location) {
        // The redirecting server itself is on loopback, so private targets are allowed here: the
        // point is that the allowance for one target does not extend to where it redirects.
        HttpProbe probe =
                new HttpProbe(
                        HttpProbe.newClient(),
                        new TargetPolicy(true, HostResolver.SYSTEM),
                        CLOCK,
                        "test-1");
        URI target =
                URI.create(
                        "http://127.0.0.1:"
                                + port(redirecting)
                                + "/start?to="
                                + String.format(location, port(canary)));

        ProbeResult result = probe.check(target(target)).orElseThrow();

        // The redirect's own answer is judged (3xx counts as up by default); where it points is
        // never requested.
        assertThat(result.statusCode()).isEqualTo(302);
        assertThat(result.success()).isTrue();
        assertThat(redirectRequests).hasValue(1);
        assertThat(canaryRequests).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anEndlessBodyIsReadOnlyUpToTheLimit(boolean expectBody) throws Exception {
        AtomicLong written = new AtomicLong();
        CompletableFuture<Void> writerStopped = new CompletableFuture<>();
        HttpServer endless = server();
        endless.createContext(
                "/",
                exchange -> {
                    exchange.sendResponseHeaders(200, 0);
                    byte[] chunk = "ok ".repeat(1024).getBytes(StandardCharsets.UTF_8);
                    try (OutputStream out = exchange.getResponseBody()) {
                        while (written.get() < ENDLESS_BODY_GIVE_UP_BYTES) {
                            out.write(chunk);
                            written.addAndGet(chunk.length);
                        }
                    } catch (IOException closedByTheProbe) {
                        // expected: the probe stopped reading and closed the connection
                    } finally {
                        writerStopped.complete(null);
                    }
                });
        endless.start();
        try {
            HttpProbe probe =
                    new HttpProbe(
                            HttpProbe.newClient(),
                            new TargetPolicy(true, HostResolver.SYSTEM),
                            CLOCK,
                            "test-1");
            ProbeTarget target =
                    new ProbeTarget(
                            "demo",
                            URI.create("http://127.0.0.1:" + port(endless) + "/"),
                            "GET",
                            ProberConfig.DEFAULT_EXPECTED_STATUS,
                            GENEROUS,
                            Duration.ofSeconds(1),
                            expectBody ? Pattern.compile("^ok ok") : null,
                            null);

            ProbeResult result = probe.check(target).orElseThrow();

            assertThat(result.success()).isTrue();
            writerStopped.get(GENEROUS.toSeconds(), TimeUnit.SECONDS);
            assertThat(written.get()).isLessThan(ENDLESS_BODY_GIVE_UP_BYTES);
        } finally {
            endless.stop(0);
        }
    }

    private static ProbeTarget target(URI url) {
        return new ProbeTarget(
                "demo",
                url,
                "GET",
                ProberConfig.DEFAULT_EXPECTED_STATUS,
                GENEROUS,
                Duration.ofSeconds(1),
                null,
                null);
    }

    private static HttpServer server() throws IOException {
        return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    }

    private static int port(HttpServer server) {
        return server.getAddress().getPort();
    }
}
