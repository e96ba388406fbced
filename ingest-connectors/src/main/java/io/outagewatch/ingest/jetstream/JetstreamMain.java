package io.outagewatch.ingest.jetstream;

import io.outagewatch.events.AliasMatcher;
import io.outagewatch.events.ServiceCatalog;
import io.outagewatch.events.SocialReport;
import io.outagewatch.events.SocialReportSerde;
import io.outagewatch.events.Topics;
import io.outagewatch.ingest.cli.CommandLine.UsageException;
import io.outagewatch.ingest.jetstream.CursorStore.Checkpoint;
import io.outagewatch.ingest.publish.EventPublisher;
import io.outagewatch.ingest.publish.JsonLinesPublisher;
import io.outagewatch.ingest.publish.KafkaEventPublisher;
import io.outagewatch.ingest.publish.KafkaPublishing;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code bin/outagewatch jetstream}: Bluesky posts that name catalog services, as social reports on
 * stdout or Kafka.
 */
public final class JetstreamMain {

    static final String CLIENT_ID = "outagewatch-jetstream";

    private JetstreamMain() {}

    public static void main(String[] args) {
        System.exit(
                run(
                        args,
                        System.out,
                        System.err,
                        System.getenv(),
                        hook ->
                                Runtime.getRuntime()
                                        .addShutdownHook(new Thread(hook, "jetstream-shutdown"))));
    }

    /** Runs with the process environment and no shutdown hook; for tests and embedding. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv(), hook -> {});
    }

    /**
     * @param onShutdown receives a task that stops the client and waits until the cursor is saved
     *     and the publisher closed
     * @return 0 when stopped, 1 on failure, 2 on a bad command line, catalog or cursor file
     */
    static int run(
            String[] args,
            PrintStream out,
            PrintStream err,
            Map<String, String> env,
            Consumer<Runnable> onShutdown) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(JetstreamOption.usage());
            return 0;
        }
        JetstreamSettings settings;
        ServiceCatalog catalog;
        CursorStore cursors;
        Optional<Checkpoint> restored;
        try {
            settings = JetstreamSettings.parse(args, env);
            catalog =
                    settings.catalog()
                            .map(ServiceCatalog::load)
                            .orElseGet(ServiceCatalog::defaultCatalog);
            cursors = new CursorStore(settings.cursorFile());
            restored = cursors.load();
        } catch (UsageException | IllegalArgumentException e) {
            err.println("jetstream: " + e.getMessage());
            err.println(JetstreamOption.usage());
            return 2;
        }
        CountDownLatch closed = new CountDownLatch(1);
        try (EventPublisher<SocialReport> publisher = publisher(settings, out)) {
            JetstreamClient client =
                    new JetstreamClient(
                            settings,
                            new PostToReports(
                                    new AliasMatcher(catalog), AuthorIds.of(settings.authorSalt())),
                            publisher,
                            cursors,
                            restored,
                            new Backoff(
                                    settings.backoffInitial(),
                                    settings.backoffMax(),
                                    new Random()::nextDouble),
                            HttpClient.newHttpClient());
            onShutdown.accept(
                    () -> {
                        client.stop();
                        awaitQuietly(closed);
                    });
            client.run();
            publisher.flush();
            err.println(
                    "jetstream: stopped; "
                            + client.counters()
                            + " failed_deliveries="
                            + publisher.failedDeliveries()
                            + " cursor_file="
                            + cursors.file());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("jetstream: interrupted");
            return 1;
        } catch (RuntimeException e) {
            err.println("jetstream: failed: " + e);
            e.printStackTrace(err);
            return 1;
        } finally {
            closed.countDown();
        }
    }

    private static EventPublisher<SocialReport> publisher(
            JetstreamSettings settings, PrintStream out) {
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

    private static void awaitQuietly(CountDownLatch closed) {
        try {
            closed.await(KafkaPublishing.CLOSE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
