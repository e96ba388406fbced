package io.outagewatch.ingest.statuspage;

import io.outagewatch.events.Maintenance;
import io.outagewatch.events.MaintenanceSerde;
import io.outagewatch.events.StatusUpdate;
import io.outagewatch.events.StatusUpdateSerde;
import io.outagewatch.events.Topics;
import io.outagewatch.ingest.cli.CommandLine;
import io.outagewatch.ingest.publish.EventPublisher;
import io.outagewatch.ingest.publish.JsonLinesPublisher;
import io.outagewatch.ingest.publish.KafkaEventPublisher;
import io.outagewatch.ingest.publish.KafkaPublishing;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/outagewatch statuspage}: polls official status pages and publishes a {@link
 * StatusUpdate} for each incident change.
 */
public final class StatusPageMain {

    static final String CONFIG = "config";
    static final String OUTPUT = "output";
    static final String ONCE = "once";
    static final String HELP = "help";
    static final String CLIENT_ID = "outagewatch-statuspage";

    /** Where status updates go. */
    enum Output {
        KAFKA,
        STDOUT
    }

    static final Output DEFAULT_OUTPUT = Output.KAFKA;

    /** How long a shutdown waits for the pollers to stop and the state to be written. */
    private static final long SHUTDOWN_WAIT_SECONDS = 30;

    static final String USAGE =
            String.join(
                    "\n",
                    "usage: bin/outagewatch statuspage --config FILE [--output kafka|stdout] [--once]",
                    "",
                    "Polls Atlassian Statuspage and incident.io status pages and publishes one",
                    "StatusUpdate per incident change to the '"
                            + Topics.STATUS_UPDATES
                            + "' topic.",
                    "",
                    "  --config FILE   YAML: pages[{name, kind, url, endpoint, interval, components,",
                    "                  service}], kafka.bootstrapServers, stateFile, backfill,",
                    "                  maxBackoff, maintenances (see docs/connectors.md)",
                    "",
                    "Scheduled maintenances the pages announce go to the '"
                            + Topics.MAINTENANCES
                            + "' topic (stdout: as",
                    "JSON lines too), never as status updates; maintenances: false turns that off.",
                    "  --output WHERE  kafka (default) or stdout (one JSON line per update)",
                    "  --once          poll every page once, then exit; exit 1 if any page failed",
                    "  --help          this text");

    private StatusPageMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine commandLine;
        StatusPageConfig config;
        Output output;
        try {
            commandLine = CommandLine.parse(args, Set.of(CONFIG, OUTPUT), Set.of(ONCE, HELP));
            if (commandLine.has(HELP)) {
                out.println(USAGE);
                return 0;
            }
            output = output(commandLine.value(OUTPUT).orElse(null));
            config = StatusPageConfigLoader.load(Path.of(commandLine.required(CONFIG)));
        } catch (CommandLine.UsageException | StatusPageConfigException e) {
            err.println("statuspage: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try (EventPublisher<StatusUpdate> publisher = publisher(output, config, out);
                // Null when maintenances are off; try-with-resources skips it.
                EventPublisher<Maintenance> maintenances =
                        config.maintenances() ? maintenancePublisher(output, config, out) : null) {
            StatusPageService service =
                    StatusPageService.create(
                            config,
                            publisher,
                            maintenances,
                            ConditionalFetcher.defaultClient(),
                            Clock.systemUTC(),
                            () -> ThreadLocalRandom.current().nextDouble());
            return commandLine.has(ONCE) ? once(service, err) : forever(service, config, publisher);
        } catch (StatusPageConfigException e) {
            err.println("statuspage: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("statuspage: failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    private static Output output(String text) {
        if (text == null) {
            return DEFAULT_OUTPUT;
        }
        try {
            return Output.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.UsageException(
                    "--" + OUTPUT + " must be kafka or stdout, got '" + text + "'");
        }
    }

    private static EventPublisher<StatusUpdate> publisher(
            Output output, StatusPageConfig config, PrintStream out) {
        if (output == Output.STDOUT) {
            return new JsonLinesPublisher<>(out, StatusUpdateSerde.INSTANCE);
        }
        return KafkaEventPublisher.open(
                KafkaPublishing.defaults(config.bootstrapServers(), CLIENT_ID),
                Topics.STATUS_UPDATES,
                StatusUpdateSerde.INSTANCE,
                StatusUpdate::service);
    }

    /** Where scheduled maintenances go: their own topic, never the status updates'. */
    private static EventPublisher<Maintenance> maintenancePublisher(
            Output output, StatusPageConfig config, PrintStream out) {
        if (output == Output.STDOUT) {
            return new JsonLinesPublisher<>(out, MaintenanceSerde.INSTANCE);
        }
        return KafkaEventPublisher.open(
                KafkaPublishing.defaults(config.bootstrapServers(), CLIENT_ID + "-maintenances"),
                Topics.MAINTENANCES,
                MaintenanceSerde.INSTANCE,
                Maintenance::service);
    }

    private static int once(StatusPageService service, PrintStream err) {
        Map<String, PollOutcome> outcomes = service.pollOnce();
        boolean allOk = true;
        for (StatusPagePoller poller : service.pollers()) {
            PollOutcome outcome = outcomes.get(poller.page().name());
            allOk &= outcome.result().ok();
            err.println(
                    "statuspage: "
                            + poller.page().name()
                            + ": "
                            + outcome.result().name().toLowerCase(Locale.ROOT)
                            + ", "
                            + outcome.published()
                            + " published");
        }
        return allOk ? 0 : 1;
    }

    private static int forever(
            StatusPageService service,
            StatusPageConfig config,
            EventPublisher<StatusUpdate> publisher) {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    stop.countDown();
                                    try {
                                        stopped.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                },
                                "statuspage-shutdown"));
        try (PollScheduler scheduler = new ExecutorPollScheduler(config.pages().size())) {
            service.start(scheduler);
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                service.saveState();
                publisher.flush();
            } finally {
                stopped.countDown();
            }
        }
        return 0;
    }
}
