package io.outagewatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.sink.api.ApiToken;
import io.outagewatch.sink.notify.HttpDelivery;
import io.outagewatch.sink.notify.StandardWebhookSigner;
import io.outagewatch.sink.notify.TestAlerts;
import io.outagewatch.sink.pipeline.HistoryRecorder;
import io.outagewatch.sink.pipeline.SinkArguments;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sink wiring, run as {@code bin/outagewatch sink} runs it, with a PagerDuty routing key, a
 * Slack webhook URL and a webhook signing secret taken from the environment and from files, against
 * receivers on loopback that refuse (401, 400, 404), fail (5xx until retries run out) and echo back
 * what they were sent, and with bad configurations: no secret, nor its base64, shows up on stdout,
 * stderr (dead letters included) or in any log line at any level (log4j2-test.properties sends
 * every level of {@code io.outagewatch} to {@link #LOG_FILE}).
 */
@Timeout(60)
class SecretsNotLoggedTest {

    private static final Path LOG_FILE = Path.of("target/test-logs/alert-sink.log");

    private static final String ROUTING_KEY = "pdR0utingKeyS3cretValue000000042";
    private static final String WEBHOOK_KEY_TEXT = "webhook-signing-key-material-32!";
    private static final String WEBHOOK_SECRET =
            "whsec_"
                    + Base64.getEncoder()
                            .encodeToString(WEBHOOK_KEY_TEXT.getBytes(StandardCharsets.UTF_8));
    private static final String SLACK_TOKEN = "SlackWebhookS3cretToken0042";
    private static final String SLACK_PATH = "/services/T0SECRET7/B0SECRET9/" + SLACK_TOKEN;
    private static final String SILENCES_TOKEN = "SilencesApiS3cretToken0042";
    private static final String SHORT_SILENCES_TOKEN = "Sh0rtS3cret";

    private static final List<Alert> ALERTS =
            List.of(TestAlerts.started(), TestAlerts.updated(), TestAlerts.recovered());

    @TempDir Path dir;

    private HttpServer server;
    private ExecutorService executor;
    private final List<String> received = new ArrayList<>();
    private final Map<String, Integer> requestsByPath = new HashMap<>();

    @BeforeEach
    void startReceivers() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(2);
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stopReceivers() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void secretsFromTheEnvironmentAndFilesNeverReachOutputOrLogs() throws Exception {
        Path alerts = alertsFile();
        Path webhookSecret = write("webhook.secret", WEBHOOK_SECRET + "\n");
        Path config =
                write(
                        "sink.yaml",
                        """
                        deliveryLog:
                          file: %s
                        retry:
                          initialBackoff: 1ms
                          maxBackoff: 5ms
                          giveUpAfter: 300ms
                        receivers:
                          - name: oncall
                            kind: pagerduty
                            url: %s/pagerduty
                            secretEnv: OUTAGEWATCH_PAGERDUTY_ROUTING_KEY
                          - name: team-slack
                            kind: slack
                            secretEnv: OUTAGEWATCH_SLACK_WEBHOOK_URL
                          - name: automation
                            kind: webhook
                            url: %s/webhook-down
                            secretFile: webhook.secret
                        defaultReceivers: [oncall, team-slack, automation]
                        """
                                .formatted(dir.resolve("yaml-log"), base(), base()));

        Run run =
                run(
                        Map.of(
                                "OUTAGEWATCH_PAGERDUTY_ROUTING_KEY",
                                ROUTING_KEY,
                                "OUTAGEWATCH_SLACK_WEBHOOK_URL",
                                base() + SLACK_PATH),
                        "--config",
                        config.toString(),
                        "--from-file",
                        alerts.toString());

        assertThat(run.status()).as(run.err()).isZero();
        // The failure paths really ran: refusals, a retried 5xx, and retries running out.
        assertThat(run.log())
                .contains("HTTP 401", "HTTP 400", "HTTP 404", "retries exhausted", "attempt 1");
        assertThat(run.err()).contains("dead letter");
        assertSecretsWereUsed(webhookSecret);
        assertNoSecretIn(run);
    }

    @Test
    void secretsGivenToTheFlagsNeverReachOutputOrLogs() throws Exception {
        Path alerts = alertsFile();
        Path routingKey = write("routing.key", ROUTING_KEY + "\n");
        Path slackUrl = write("slack.url", base() + SLACK_PATH + "\n");

        Run fromFiles =
                run(
                        Map.of(),
                        "--pagerduty-url",
                        base() + "/pagerduty",
                        "--pagerduty-routing-key-file",
                        routingKey.toString(),
                        "--slack-url-file",
                        slackUrl.toString(),
                        "--delivery-log",
                        dir.resolve("files-log").toString(),
                        "--from-file",
                        alerts.toString());
        Run fromEnvironment =
                run(
                        Map.of(
                                SinkArguments.PAGERDUTY_ROUTING_KEY_ENV, ROUTING_KEY,
                                SinkArguments.WEBHOOK_SECRET_ENV, WEBHOOK_SECRET),
                        "--pagerduty-url",
                        base() + "/pagerduty",
                        "--webhook-url",
                        base() + "/webhook",
                        "--delivery-log",
                        dir.resolve("env-log").toString(),
                        "--from-file",
                        alerts.toString());

        for (Run run : List.of(fromFiles, fromEnvironment)) {
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.log()).contains("HTTP 401");
            assertNoSecretIn(run);
        }
        assertThat(received).anyMatch(r -> r.contains(SLACK_TOKEN));
    }

    @Test
    void badSecretsAndBadConfigurationsAreReportedWithoutTheSecret() throws Exception {
        Path alerts = alertsFile();
        Path notBase64 = write("bad.secret", "whsec_" + SLACK_TOKEN + "!!" + ROUTING_KEY);
        List<Run> runs = new ArrayList<>();
        // A routing key one character too long: the message may give its length, not the key.
        runs.add(
                run(
                        Map.of(SinkArguments.PAGERDUTY_ROUTING_KEY_ENV, ROUTING_KEY + "x"),
                        "--pagerduty-url",
                        base() + "/pagerduty",
                        "--from-file",
                        alerts.toString()));
        runs.add(
                run(
                        Map.of(),
                        "--webhook-url",
                        base() + "/webhook",
                        "--webhook-secret-file",
                        notBase64.toString(),
                        "--from-file",
                        alerts.toString()));
        // Slack URLs that are not URLs, on the command line and in a file.
        runs.add(
                run(
                        Map.of(),
                        "--slack-url",
                        "hooks.example.invalid" + SLACK_PATH + " " + ROUTING_KEY,
                        "--from-file",
                        alerts.toString()));
        runs.add(
                run(
                        Map.of(),
                        "--slack-url-file",
                        write("slack-bad.url", "ftp://[" + SLACK_PATH).toString(),
                        "--from-file",
                        alerts.toString()));
        runs.add(
                run(
                        Map.of(),
                        "--slack-url",
                        "https://user:" + SLACK_TOKEN + "@hooks.example.invalid" + SLACK_PATH,
                        "--from-file",
                        alerts.toString()));
        for (String slackUrl :
                List.of(
                        "http://hooks.example.invalid/ bad" + SLACK_PATH,
                        "ftp://hooks.example.invalid" + SLACK_PATH)) {
            runs.add(
                    run(
                            Map.of(),
                            "--config",
                            write(
                                            "slack-url.yaml",
                                            """
                                            receivers:
                                              - name: team-slack
                                                kind: slack
                                                url: "%s"
                                            defaultReceivers: [team-slack]
                                            """
                                                    .formatted(slackUrl))
                                    .toString(),
                            "--from-file",
                            alerts.toString()));
            runs.add(
                    run(
                            Map.of("SLACK_URL", slackUrl),
                            "--config",
                            write(
                                            "slack-env.yaml",
                                            """
                                            receivers:
                                              - name: team-slack
                                                kind: slack
                                                secretEnv: SLACK_URL
                                            defaultReceivers: [team-slack]
                                            """)
                                    .toString(),
                            "--from-file",
                            alerts.toString()));
        }

        for (Run run : runs) {
            assertThat(run.status()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).startsWith("sink: ");
            assertNoSecretIn(run);
        }
        assertThat(runs.get(0).err()).contains("PagerDuty routing key", "has 33");
        assertThat(runs.get(1).err()).contains("webhook secret");
        assertThat(received).isEmpty();
    }

    /** The receivers got the secrets, so the sink did read and use them. */
    private void assertSecretsWereUsed(Path webhookSecret) throws IOException {
        assertThat(received).anyMatch(r -> r.contains(ROUTING_KEY));
        assertThat(received).anyMatch(r -> r.startsWith("POST " + SLACK_PATH));
        StandardWebhookSigner signer = new StandardWebhookSigner(Files.readString(webhookSecret));
        assertThat(received)
                .filteredOn(r -> r.startsWith("POST /webhook-down"))
                .isNotEmpty()
                .allSatisfy(
                        r -> {
                            Map<String, String> headers = headers(r);
                            assertThat(
                                            signer.verifySignature(
                                                    headers.get("webhook-id"),
                                                    headers.get("webhook-timestamp"),
                                                    body(r).getBytes(StandardCharsets.UTF_8),
                                                    headers.get("webhook-signature")))
                                    .isTrue();
                        });
    }

    @Test
    void theSilencesApiTokenNeverReachesOutputOrLogs() throws Exception {
        Path alerts = alertsFile();
        Path tokenFile = write("silences.token", SILENCES_TOKEN + "\n");
        Path shortFile = write("short.token", SHORT_SILENCES_TOKEN + "\n");

        Run fromEnvironment =
                run(
                        Map.of(ApiToken.ENV, SILENCES_TOKEN),
                        "--console",
                        "--metrics-port",
                        "0",
                        "--delivery-log",
                        dir.resolve("silences-env-log").toString(),
                        "--from-file",
                        alerts.toString());
        Run fromFile =
                run(
                        Map.of(),
                        "--console",
                        "--metrics-port",
                        "0",
                        "--silences-token-file",
                        tokenFile.toString(),
                        "--delivery-log",
                        dir.resolve("silences-file-log").toString(),
                        "--from-file",
                        alerts.toString());
        Run tooShort =
                run(
                        Map.of(),
                        "--console",
                        "--silences-token-file",
                        shortFile.toString(),
                        "--from-file",
                        alerts.toString());

        for (Run run : List.of(fromEnvironment, fromFile)) {
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.err()).contains("sink: silences API on http://127.0.0.1:");
            assertNoSecretIn(run);
        }
        assertThat(tooShort.status()).isEqualTo(2);
        assertThat(tooShort.err())
                .contains("--silences-token-file: the silences API token is shorter than 16");
        assertNoSecretIn(tooShort);
    }

    private static void assertNoSecretIn(Run run) {
        for (String secret : forbidden()) {
            assertThat(run.out()).as("stdout").doesNotContain(secret);
            assertThat(run.err()).as("stderr").doesNotContain(secret);
            assertThat(run.log()).as("log").doesNotContain(secret);
        }
    }

    /** Each secret, its base64 (standard and URL-safe) and its URL-encoded form. */
    private static List<String> forbidden() {
        List<String> secrets =
                List.of(
                        ROUTING_KEY,
                        WEBHOOK_SECRET,
                        WEBHOOK_KEY_TEXT,
                        SLACK_TOKEN,
                        SLACK_PATH,
                        SILENCES_TOKEN,
                        SHORT_SILENCES_TOKEN);
        List<String> forms = new ArrayList<>();
        for (String secret : secrets) {
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            forms.add(secret);
            forms.add(Base64.getEncoder().withoutPadding().encodeToString(bytes));
            forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
        }
        return forms;
    }

    /** The sink's output streams and the log lines written while it ran. */
    private record Run(int status, String out, String err, String log) {}

    private Run run(Map<String, String> env, String... args) throws IOException {
        long logStart = Files.exists(LOG_FILE) ? Files.size(LOG_FILE) : 0;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        Clock clock = Clock.systemUTC();
        int status =
                io.outagewatch.sink.pipeline.SinkMain.run(
                        args,
                        env,
                        outStream,
                        errStream,
                        new Receivers(
                                outStream,
                                clock,
                                HttpDelivery.create(HttpDelivery.DEFAULT_TIMEOUT, clock)),
                        jdbcUrl -> HistoryRecorder.NONE,
                        new CountDownLatch(1));
        String log = "";
        if (Files.exists(LOG_FILE)) {
            byte[] all = Files.readAllBytes(LOG_FILE);
            log =
                    new String(
                            all,
                            (int) logStart,
                            all.length - (int) logStart,
                            StandardCharsets.UTF_8);
        }
        return new Run(
                status,
                out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8),
                log);
    }

    private Path alertsFile() throws IOException {
        return write(
                "alerts.jsonl",
                ALERTS.stream().map(AlertSerde.INSTANCE::toJson).collect(Collectors.joining("\n"))
                        + "\n");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * PagerDuty refuses (401, then 400), then fails once (503) and accepts; Slack's path answers
     * 404 once like a web server quoting the path, then 500 quoting the URL, then 200; {@code
     * /webhook} refuses once (401) and then accepts, {@code /webhook-down} always answers 503.
     * Every answer echoes what the sink sent.
     */
    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getRawPath();
            StringBuilder request =
                    new StringBuilder(exchange.getRequestMethod()).append(' ').append(path);
            exchange.getRequestHeaders()
                    .forEach(
                            (name, values) ->
                                    request.append('\n')
                                            .append(name.toLowerCase(java.util.Locale.ROOT))
                                            .append(": ")
                                            .append(values.get(0)));
            request.append("\n\n").append(new String(body, StandardCharsets.UTF_8));
            int n;
            synchronized (this) {
                received.add(request.toString());
                n =
                        requestsByPath.merge(
                                path.startsWith("/services/") ? "slack" : path, 1, Integer::sum);
            }
            String echo = request.toString();
            int status;
            String answer;
            if (path.equals("/pagerduty")) {
                status = n == 1 ? 401 : n == 2 ? 400 : n == 3 ? 503 : 202;
                answer = "{\"status\":\"invalid event\",\"echo\":" + quote(echo) + "}";
            } else if (path.startsWith("/services/")) {
                status = n == 1 ? 404 : n == 2 ? 500 : 200;
                answer =
                        status == 404
                                ? "<html><body><h1>Not Found</h1><p>The requested URL "
                                        + path
                                        + " was not found on this server.</p></body></html>"
                                : "upstream failed for " + base() + path + " (" + echo + ")";
            } else if (path.equals("/webhook")) {
                status = n == 1 ? 401 : 202;
                answer = "you sent: " + echo;
            } else {
                status = 503;
                answer = "unavailable; you sent: " + echo;
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static Map<String, String> headers(String request) {
        Map<String, String> headers = new HashMap<>();
        String head = request.substring(0, request.indexOf("\n\n"));
        for (String line : head.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                headers.put(line.substring(0, colon), line.substring(colon + 2));
            }
        }
        return headers;
    }

    private static String body(String request) {
        return request.substring(request.indexOf("\n\n") + 2);
    }
}
