package io.outagewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The metrics endpoint bounds what a client can make it read: the JDK server it runs on refuses a
 * header block over {@value #HEADER_LIMIT_BYTES} bytes or with more than {@value
 * #HEADER_COUNT_LIMIT} lines, and reads at most {@value #DRAIN_BYTES} bytes of a body it does not
 * want; the endpoint keeps serving afterwards.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MetricsServerLimitsTest {

    /** The JDK defaults of sun.net.httpserver.maxReqHeaderSize, maxReqHeaders and drainAmount. */
    static final int HEADER_LIMIT_BYTES = 380 * 1024;

    static final int HEADER_COUNT_LIMIT = 200;
    static final int DRAIN_BYTES = 64 * 1024;

    private static final int SOCKET_TIMEOUT_MILLIS = 10_000;

    /** Far more than any limit: a client that gets all of it through was not stopped. */
    private static final long OVERSIZED_BYTES = 64L * 1024 * 1024;

    private MetricsServer server;

    @BeforeEach
    void start() throws IOException {
        server =
                MetricsServer.start(
                        new SinkMetrics(),
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anOversizedHeaderIsCutOffWithoutAnAnswer() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(ascii("GET /metrics HTTP/1.1\r\nHost: metrics\r\nX-Padding: "));
            long sent = sendUpTo(out, OVERSIZED_BYTES);

            assertThat(sent).isLessThan(OVERSIZED_BYTES);
            assertThat(answer(socket)).doesNotContain("200");
        }
        assertStillServes();
    }

    @Test
    void tooManyHeadersAreCutOffWithoutAnAnswer() throws Exception {
        StringBuilder request = new StringBuilder("GET /metrics HTTP/1.1\r\nHost: metrics\r\n");
        for (int i = 0; i <= HEADER_COUNT_LIMIT * 5; i++) {
            request.append("X-Header-").append(i).append(": v\r\n");
        }
        request.append("\r\n");
        try (Socket socket = connect()) {
            try {
                socket.getOutputStream().write(ascii(request.toString()));
            } catch (IOException resetWhileSending) {
                // The server may hang up before the whole request is written.
            }

            assertThat(answer(socket)).doesNotContain("200");
        }
        assertStillServes();
    }

    @Test
    void aLargeBodyIsAnsweredAndNotReadToTheEnd() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(
                    ascii(
                            "POST /metrics HTTP/1.1\r\nHost: metrics\r\nContent-Length: "
                                    + OVERSIZED_BYTES
                                    + "\r\n\r\n"));
            long sent = sendUpTo(out, OVERSIZED_BYTES);

            assertThat(sent).isLessThan(OVERSIZED_BYTES);
        }
        assertStillServes();
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(server.address().getAddress(), server.address().getPort());
        socket.setSoTimeout(SOCKET_TIMEOUT_MILLIS);
        return socket;
    }

    /** Writes up to {@code limit} bytes; returns how many got out before the server hung up. */
    private static long sendUpTo(OutputStream out, long limit) {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'a');
        long sent = 0;
        try {
            while (sent < limit) {
                out.write(chunk);
                sent += chunk.length;
            }
            out.flush();
        } catch (IOException hungUp) {
            // expected once the server stops reading and closes the connection
        }
        return sent;
    }

    private static String answer(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            return new String(in.readNBytes(64), StandardCharsets.US_ASCII);
        } catch (IOException reset) {
            return "";
        }
    }

    private void assertStillServes() throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(server.url()))
                                        .timeout(Duration.ofSeconds(10))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
