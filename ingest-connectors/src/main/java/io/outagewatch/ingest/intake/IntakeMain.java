package io.outagewatch.ingest.intake;

import io.outagewatch.events.SocialReport;
import io.outagewatch.events.SocialReportSerde;
import io.outagewatch.events.Topics;
import io.outagewatch.ingest.cli.CommandLine;
import io.outagewatch.ingest.cli.CommandLine.UsageException;
import io.outagewatch.ingest.publish.EventPublisher;
import io.outagewatch.ingest.publish.JsonLinesPublisher;
import io.outagewatch.ingest.publish.KafkaEventPublisher;
import io.outagewatch.ingest.publish.KafkaPublishing;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code bin/outagewatch intake}: the HTTP endpoint that takes social reports from webhooks and
 * scripts and publishes the valid ones. Runs until SIGINT or SIGTERM; stdout carries only reports
 * in {@code --output stdout} mode, so the listening address goes to stderr.
 */
public final class IntakeMain {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE_ERROR = 2;

    static final String CLIENT_ID = "outagewatch-intake";

    static final String USAGE =
            "usage: bin/outagewatch intake [options]\n\n"
                    + "Serves POST "
                    + IntakeHandler.REPORTS_PATH
                    + " (one social report or a JSON array of them, with\n"
                    + "Authorization: Bearer TOKEN) and GET "
                    + IntakeHandler.HEALTH_PATH
                    + ", and publishes the valid reports.\n"
                    + "Prints 'intake: listening on http://HOST:PORT' on stderr when ready.\n"
                    + "Exit 0 after SIGINT or SIGTERM, 1 if the server fails, 2 on bad usage.\n\n"
                    + "Options:\n"
                    + Arrays.stream(IntakeOption.values())
                            .map(IntakeOption::usageLine)
                            .collect(Collectors.joining("\n"))
                    + "\n  --help\n      print this help\n";

    // Long enough for requests in progress and the producer's flush, bounded so a wedged broker
    // cannot keep the process alive after a signal.
    private static final long SHUTDOWN_GRACE_SECONDS = 45;

    private IntakeMain() {}

    public static void main(String[] args) {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook =
                new Thread(
                        () -> {
                            stop.countDown();
                            try {
                                // The JVM halts once the hooks return; wait for the flush first.
                                stopped.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "intake-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        int status;
        try {
            status = run(args, System.getenv(), System.out, System.err, stop);
        } finally {
            stopped.countDown();
        }
        if (status != OK) {
            System.exit(status);
        }
    }

    /**
     * Parses the options, then serves until {@code stop} is released.
     *
     * @return {@link #OK}, {@link #FAILED} if the server could not start, or {@link #USAGE_ERROR}
     */
    public static int run(
            String[] args,
            Map<String, String> env,
            PrintStream out,
            PrintStream err,
            CountDownLatch stop) {
        IntakeSettings settings;
        try {
            CommandLine line = CommandLine.parse(args, IntakeOption.names(), Set.of("help"));
            if (line.has("help")) {
                out.print(USAGE);
                out.flush();
                return OK;
            }
            settings = IntakeSettings.from(line, env);
        } catch (UsageException e) {
            err.println("intake: " + e.getMessage());
            err.print(USAGE);
            err.flush();
            return USAGE_ERROR;
        }
        try (EventPublisher<SocialReport> publisher = publisher(settings, out);
                IntakeServer server = IntakeServer.start(settings, publisher)) {
            err.println(
                    "intake: listening on "
                            + server.uri()
                            + " (clients "
                            + String.join(", ", settings.auth().clients())
                            + "; output "
                            + settings.output().label()
                            + ")");
            err.flush();
            stop.await();
            return OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OK;
        } catch (RuntimeException e) {
            err.println("intake: failed: " + e.getMessage());
            err.flush();
            return FAILED;
        }
    }

    private static EventPublisher<SocialReport> publisher(
            IntakeSettings settings, PrintStream out) {
        return switch (settings.output()) {
            case STDOUT -> new JsonLinesPublisher<>(out, SocialReportSerde.INSTANCE);
            case KAFKA ->
                    KafkaEventPublisher.open(
                            KafkaPublishing.defaults(
                                    settings.bootstrapServers().orElse(null), CLIENT_ID),
                            Topics.SOCIAL_REPORTS,
                            SocialReportSerde.INSTANCE,
                            SocialReport::service);
        };
    }
}
