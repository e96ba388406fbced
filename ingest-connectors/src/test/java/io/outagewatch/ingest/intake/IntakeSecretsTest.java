package io.outagewatch.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.kafka.LogCapture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bearer tokens never reach a log line, stdout or stderr: not for valid, wrong, truncated or
 * malformed Authorization headers, not when a token is misplaced in the URL, and not in the errors
 * of a bad token file or environment token.
 */
@Timeout(60)
class IntakeSecretsTest {

    private static final String ALICE_TOKEN = "alice-tok-5e0c7d13a9f2b846";
    private static final String BOB_TOKEN = "bob-tok-91d4a6c2e8b07f35";
    private static final String ENV_TOKEN = "env-tok-2b7f9e4c1a6d8035";
    private static final Duration DEADLINE = Duration.ofSeconds(15);
    private static final String LISTENING = "intake: listening on ";
    private static final String REPORT =
            "{\"timestamp\":\"2023-11-08T13:42:00Z\",\"text\":\"is chatgpt down?\"}";

    @Test
    void noTokenIsLoggedWhateverTheAuthorizationHeader(@TempDir Path dir) throws Exception {
        Path tokens =
                Files.writeString(
                        dir.resolve("tokens"),
                        "# intake clients\nalice " + ALICE_TOKEN + "\nbob " + BOB_TOKEN + "\n");
        LineQueue out = new LineQueue();
        LineQueue err = new LineQueue();
        CountDownLatch stop = new CountDownLatch(1);
        List<Integer> statuses = new ArrayList<>();
        String captured;
        try (LogCapture capture = LogCapture.start()) {
            CompletableFuture<Integer> status =
                    CompletableFuture.supplyAsync(
                            () ->
                                    IntakeMain.run(
                                            new String[] {
                                                "--port", "0",
                                                "--output", "stdout",
                                                "--token-file", tokens.toString()
                                            },
                                            Map.of(IntakeSettings.TOKEN_ENV, ENV_TOKEN),
                                            out.printStream(),
                                            err.printStream(),
                                            stop));
            try {
                String listening = err.await(line -> line.startsWith(LISTENING), DEADLINE);
                URI base = URI.create(listening.substring(LISTENING.length()).split(" ")[0]);
                URI reports = base.resolve("/v1/reports");
                for (String authorization : authorizationHeaders()) {
                    statuses.add(post(reports, authorization));
                }
                statuses.add(post(base.resolve("/v1/reports?access_token=" + ALICE_TOKEN), null));
                out.await(line -> line.startsWith("{"), DEADLINE);
            } finally {
                stop.countDown();
            }
            assertThat(status.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(IntakeMain.OK);
            captured = capture.text() + out.all() + err.all();
        }

        // The valid tokens (any case of the scheme) were accepted, everything else refused.
        assertThat(statuses).containsExactly(202, 202, 202, 401, 401, 401, 401, 401, 401, 401);
        assertThat(captured).contains(LISTENING).contains("alice", "bob");
        assertThat(captured)
                .doesNotContain(ALICE_TOKEN)
                .doesNotContain(BOB_TOKEN)
                .doesNotContain(ENV_TOKEN)
                .doesNotContain(ALICE_TOKEN.substring(0, 12))
                .doesNotContain(base64("alice:" + ALICE_TOKEN));
    }

    @Test
    void badTokenConfigurationIsReportedWithoutTheToken(@TempDir Path dir) throws Exception {
        String shortToken = "short-7c1e";
        String spaced = "spaced-tok-83ac91f0 and-more";
        List<String> files =
                List.of(
                        "alice " + ALICE_TOKEN + " trailing-" + BOB_TOKEN,
                        "alice " + shortToken,
                        "alice " + ALICE_TOKEN + "\nbob " + ALICE_TOKEN,
                        "alice " + ALICE_TOKEN + "\nalice " + BOB_TOKEN,
                        "bad/client " + ALICE_TOKEN);
        StringBuilder messages = new StringBuilder();
        try (LogCapture capture = LogCapture.start()) {
            int index = 0;
            for (String content : files) {
                Path file = Files.writeString(dir.resolve("tokens-" + index++), content);
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int status = run(Map.of(), err, "--token-file", file.toString());
                assertThat(status).as(content).isEqualTo(IntakeMain.USAGE_ERROR);
                messages.append(err.toString(StandardCharsets.UTF_8));
            }
            for (String envToken : List.of(shortToken, spaced)) {
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int status = run(Map.of(IntakeSettings.TOKEN_ENV, envToken), err);
                assertThat(status).as(envToken).isEqualTo(IntakeMain.USAGE_ERROR);
                messages.append(err.toString(StandardCharsets.UTF_8));
            }
            messages.append(capture.text());
        }

        assertThat(messages.toString())
                .contains("line 1: expected TOKEN or CLIENT TOKEN, got 3 fields")
                .contains("shorter than 16 characters")
                .contains("share a token")
                .contains("given twice")
                .contains("contains whitespace")
                .doesNotContain(ALICE_TOKEN)
                .doesNotContain(BOB_TOKEN)
                .doesNotContain(shortToken)
                .doesNotContain("spaced-tok-83ac91f0");
    }

    /** Three valid, then seven refused: wrong, truncated, extended, other schemes, malformed. */
    private static List<String> authorizationHeaders() {
        return List.of(
                "Bearer " + ALICE_TOKEN,
                "bearer " + BOB_TOKEN,
                "BEARER   " + ALICE_TOKEN + "  ",
                "Bearer " + ALICE_TOKEN.substring(0, ALICE_TOKEN.length() - 1),
                "Bearer " + ALICE_TOKEN + "0",
                "Bearer " + ALICE_TOKEN + " " + BOB_TOKEN,
                "Basic " + base64("alice:" + ALICE_TOKEN),
                "Token " + ALICE_TOKEN,
                ALICE_TOKEN);
    }

    private static int post(URI uri, String authorization) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri)
                        .timeout(DEADLINE)
                        .POST(HttpRequest.BodyPublishers.ofString(REPORT));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request.build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static int run(Map<String, String> env, ByteArrayOutputStream err, String... args) {
        return IntakeMain.run(
                args,
                env,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new CountDownLatch(0));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
