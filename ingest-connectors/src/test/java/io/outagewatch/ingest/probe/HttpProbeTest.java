package io.outagewatch.ingest.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.ProbeResult;
import io.outagewatch.ingest.probe.ProbeTestServer.Mode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every outcome class against a real HTTP server on loopback. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpProbeTest {

    private static final Instant T0 = Instant.parse("2023-11-08T13:42:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    /** For the hanging server; every other check answers at once, well within GENEROUS. */
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    /** Leaves room for a cold JVM on a loaded machine (the first TLS handshake loads a lot). */
    private static final Duration GENEROUS = Duration.ofSeconds(5);

    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final Pattern HEALTHY = Pattern.compile("\"status\":\"ok\"");
    private static final String PLAIN_REPLY =
            "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    private static final HttpClient CLIENT = HttpProbe.newClient();

    private ProbeTestServer server;
    private HttpProbe probe;

    @BeforeEach
    void startServer() throws Exception {
        server = new ProbeTestServer();
        probe = new HttpProbe(CLIENT, new TargetPolicy(true, HostResolver.SYSTEM), CLOCK, "test-1");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void reportsEachOutcomeAsTheServerSwitches() {
        ProbeTarget target = target(server.url("/health"), HEALTHY);

        server.respondWith(Mode.OK);
        ProbeResult ok = check(target);
        assertThat(ok.success()).isTrue();
        assertThat(ok.error()).isNull();
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.latencyMs()).isNotNull().isBetween(0.0, (double) GENEROUS.toMillis());

        server.respondWith(Mode.UNAVAILABLE);
        ProbeResult unavailable = check(target);
        assertThat(unavailable.success()).isFalse();
        assertThat(unavailable.error()).isEqualTo("http_503");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.latencyMs()).isNotNull();

        server.respondWith(Mode.HANG);
        ProbeTarget impatient =
                new ProbeTarget(
                        "demo",
                        target.url(),
                        "GET",
                        ProberConfig.DEFAULT_EXPECTED_STATUS,
                        TIMEOUT,
                        INTERVAL,
                        HEALTHY,
                        null);
        long started = System.nanoTime();
        ProbeResult hanging = check(impatient);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(hanging.error()).isEqualTo("timeout");
        assertThat(hanging.success()).isFalse();
        assertThat(hanging.statusCode()).isNull();
        assertThat(hanging.latencyMs()).isNull();
        assertThat(took).isGreaterThanOrEqualTo(TIMEOUT).isLessThan(GENEROUS);

        server.respondWith(Mode.WRONG_BODY);
        ProbeResult wrongBody = check(target);
        assertThat(wrongBody.error()).isEqualTo("body_mismatch");
        assertThat(wrongBody.success()).isFalse();
        assertThat(wrongBody.statusCode()).isEqualTo(200);

        server.respondWith(Mode.OK);
        assertThat(check(target).success()).isTrue();

        server.close();
        ProbeResult closed = check(target);
        assertThat(closed.error()).isEqualTo("connect");
        assertThat(closed.latencyMs()).isNull();
    }

    @Test
    void resultCarriesIdentityTargetAndStartTime() {
        ProbeTarget target = target(server.url("/health"), null).withRegion("eu");

        ProbeResult result = check(target);

        assertThat(result.service()).isEqualTo("demo");
        assertThat(result.vantage()).isEqualTo("test-1");
        assertThat(result.region()).isEqualTo("eu");
        assertThat(result.target()).isEqualTo(server.url("/health").toString());
        assertThat(result.timestamp()).isEqualTo(T0);
    }

    @Test
    void closedPortIsAConnectError() throws Exception {
        URI closed = URI.create("http://127.0.0.1:" + ProbeTestServer.closedPort() + "/");

        assertThat(check(target(closed, null)).error()).isEqualTo("connect");
    }

    /** Type, version and length: what every TLS record, the client hello too, starts with. */
    private static final int TLS_RECORD_HEADER_BYTES = 5;

    @Test
    void plainTextWhereTlsIsExpectedIsATlsError() throws Exception {
        // A server that answers the client's TLS hello in plain text, as a misconfigured port
        // would, and keeps the connection open until the client gives up on it (closing first
        // races the handshake). Answering only after the hello arrived makes the client meet the
        // plain text while it waits for the server's hello, every time.
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answering =
                    new Thread(
                            () -> {
                                try (Socket socket = plain.accept()) {
                                    socket.setSoTimeout((int) GENEROUS.toMillis());
                                    socket.getInputStream().readNBytes(TLS_RECORD_HEADER_BYTES);
                                    socket.getOutputStream()
                                            .write(PLAIN_REPLY.getBytes(StandardCharsets.US_ASCII));
                                    socket.getOutputStream().flush();
                                    socket.getInputStream().readAllBytes();
                                } catch (IOException e) {
                                    // The test has ended.
                                }
                            });
            answering.start();
            URI https = URI.create("https://127.0.0.1:" + plain.getLocalPort() + "/health");

            assertThat(check(target(https, null)).error()).isEqualTo("tls");
            answering.join(GENEROUS.toMillis());
        }
    }

    @Test
    void unresolvableHostIsADnsErrorWithoutAnyQuery() {
        HostResolver nothingResolves =
                host -> {
                    throw new UnknownHostException(host);
                };
        HttpProbe offline =
                new HttpProbe(CLIENT, new TargetPolicy(false, nothingResolves), CLOCK, "test-1");

        Optional<ProbeResult> result =
                offline.check(target(URI.create("https://status.example.invalid/"), null));

        assertThat(result).get().extracting(ProbeResult::error).isEqualTo("dns");
        assertThat(result.get().latencyMs()).isNull();
    }

    @Test
    void hostThatNowResolvesToARefusedAddressIsNotProbed() throws Exception {
        InetAddress loopback =
                InetAddress.getByAddress("rebound.example", new byte[] {127, 0, 0, 1});
        HttpProbe guarded =
                new HttpProbe(
                        CLIENT,
                        new TargetPolicy(false, host -> new InetAddress[] {loopback}),
                        CLOCK,
                        "test-1");

        Optional<ProbeResult> result =
                guarded.check(
                        target(URI.create("http://rebound.example:" + server.port() + "/"), null));

        assertThat(result).isEmpty();
        assertThat(server.requests()).isZero();
    }

    @Test
    void bodyIsMatchedOnlyWithinTheReadLimit() {
        URI big = server.url(ProbeTestServer.BIG_BODY_PATH);

        assertThat(check(target(big, Pattern.compile("^x{1000}"))).success()).isTrue();
        assertThat(check(target(big, Pattern.compile(ProbeTestServer.BEYOND_LIMIT))).error())
                .isEqualTo("body_mismatch");
    }

    @Test
    void expectedStatusDecidesSuccess() {
        server.respondWith(Mode.UNAVAILABLE);
        ProbeTarget accepting503 =
                new ProbeTarget(
                        "demo",
                        server.url("/"),
                        "GET",
                        Set.of(503),
                        GENEROUS,
                        INTERVAL,
                        null,
                        null);
        server.respondWith(Mode.OK);
        assertThat(check(accepting503).error()).isEqualTo("http_200");
        server.respondWith(Mode.UNAVAILABLE);
        assertThat(check(accepting503).success()).isTrue();
    }

    @Test
    void headChecksStatusOnly() {
        ProbeTarget head =
                new ProbeTarget(
                        "demo",
                        server.url("/"),
                        "HEAD",
                        ProberConfig.DEFAULT_EXPECTED_STATUS,
                        GENEROUS,
                        INTERVAL,
                        null,
                        null);

        assertThat(check(head).success()).isTrue();
    }

    private ProbeResult check(ProbeTarget target) {
        return probe.check(target).orElseThrow();
    }

    private static ProbeTarget target(URI url, Pattern expectBody) {
        return new ProbeTarget(
                "demo",
                url,
                "GET",
                ProberConfig.DEFAULT_EXPECTED_STATUS,
                GENEROUS,
                INTERVAL,
                expectBody,
                null);
    }
}
