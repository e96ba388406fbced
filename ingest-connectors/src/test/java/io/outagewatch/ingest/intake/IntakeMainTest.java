package io.outagewatch.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.Parsed;
import io.outagewatch.events.SocialReport;
import io.outagewatch.events.SocialReportSerde;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class IntakeMainTest {

    private static final String TOKEN = "main-0123456789abcdef";
    private static final Map<String, String> ENV = Map.of(IntakeSettings.TOKEN_ENV, TOKEN);
    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final String LISTENING = "intake: listening on ";

    @Test
    void helpListsTheOptionsAndExitsZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status =
                IntakeMain.run(
                        new String[] {"--help"},
                        Map.of(),
                        print(out),
                        print(new ByteArrayOutputStream()),
                        new CountDownLatch(0));

        assertThat(status).isEqualTo(IntakeMain.OK);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("usage: bin/outagewatch intake")
                .contains("--token-file FILE", "--rate R", "(default: 127.0.0.1)");
    }

    @Test
    void badUsageAndAMissingTokenExitTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int unknown = run(ENV, err, "--nope");
        int noToken = run(Map.of(), err);

        assertThat(unknown).isEqualTo(IntakeMain.USAGE_ERROR);
        assertThat(noToken).isEqualTo(IntakeMain.USAGE_ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("intake: unknown option --nope")
                .contains(
                        "intake: no token: give --token-file FILE or set OUTAGEWATCH_INTAKE_TOKEN")
                .contains("usage: bin/outagewatch intake");
    }

    @Test
    void aTakenPortExitsOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int status =
                    run(
                            ENV,
                            err,
                            "--output",
                            "stdout",
                            "--port",
                            String.valueOf(taken.getLocalPort()));

            assertThat(status).isEqualTo(IntakeMain.FAILED);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .contains("intake: failed: cannot serve on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void servesUntilStoppedAndPrintsReportsInStdoutMode() throws Exception {
        LineQueue out = new LineQueue();
        LineQueue err = new LineQueue();
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<Integer> status =
                CompletableFuture.supplyAsync(
                        () ->
                                IntakeMain.run(
                                        new String[] {"--port", "0", "--output", "stdout"},
                                        ENV,
                                        out.printStream(),
                                        err.printStream(),
                                        stop));
        try {
            String listening = err.await(line -> line.startsWith(LISTENING), DEADLINE);
            URI base = URI.create(listening.substring(LISTENING.length()).split(" ")[0]);
            assertThat(base.getHost()).isEqualTo("127.0.0.1");

            HttpResponse<String> response =
                    HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .build()
                            .send(
                                    HttpRequest.newBuilder(base.resolve("/v1/reports"))
                                            .timeout(DEADLINE)
                                            .header("Authorization", "Bearer " + TOKEN)
                                            .POST(
                                                    HttpRequest.BodyPublishers.ofString(
                                                            "{\"timestamp\":\"2023-11-08T13:42:00Z\","
                                                                    + "\"text\":\"is chatgpt down?\"}"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(202);

            String line = out.await(l -> l.startsWith("{"), DEADLINE);
            Parsed<SocialReport> printed = SocialReportSerde.INSTANCE.parse(line);
            assertThat(printed.value().text()).isEqualTo("is chatgpt down?");
            assertThat(printed.value().source()).isEqualTo("webhook");
        } finally {
            stop.countDown();
        }
        assertThat(status.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(IntakeMain.OK);
    }

    private static int run(Map<String, String> env, ByteArrayOutputStream err, String... args) {
        return IntakeMain.run(
                args, env, print(new ByteArrayOutputStream()), print(err), new CountDownLatch(0));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
