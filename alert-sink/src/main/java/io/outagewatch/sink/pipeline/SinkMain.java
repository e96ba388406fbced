package io.outagewatch.sink.pipeline;

import io.outagewatch.events.KafkaClientProperties;
import io.outagewatch.sink.api.SilenceApi;
import io.outagewatch.sink.notify.Notifier;
import io.outagewatch.sink.silence.AnnouncedMaintenances;
import io.outagewatch.sink.silence.MemorySilenceStore;
import io.outagewatch.sink.silence.SilenceStore;
import io.outagewatch.sink.silence.Silencer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code bin/outagewatch sink}: a thin wrapper that reads the flags or config, builds the pipeline
 * with the given receiver factory and history, and runs the Kafka consumer or the file source.
 */
public final class SinkMain {

    /** How long a shutdown (SIGTERM) waits for the alert in progress before the JVM exits. */
    public static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    private SinkMain() {}

    /**
     * Runs the sink until {@code stop} is counted down (Kafka) or the file is done.
     *
     * @return 0 on success, 1 on failure, 2 on bad usage or configuration
     */
    public static int run(
            String[] args,
            Map<String, String> env,
            PrintStream out,
            PrintStream err,
            ReceiverFactory receiverFactory,
            HistoryRecorder.Opener historyOpener,
            CountDownLatch stop) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(SinkArguments.USAGE);
            return 0;
        }
        SinkArguments arguments;
        SinkConfig config;
        KafkaClientProperties kafkaProperties;
        List<Notifier> notifiers = new ArrayList<>();
        try {
            arguments = SinkArguments.parse(args);
            config = arguments.toConfig(env);
            kafkaProperties = KafkaClientProperties.resolve(Optional.empty(), env);
            for (ReceiverConfig receiver : config.receivers()) {
                notifiers.add(receiverFactory.create(receiver));
            }
        } catch (SinkArguments.UsageException | IllegalArgumentException e) {
            err.println("sink: " + e.getMessage());
            err.println(SinkArguments.USAGE);
            return 2;
        }
        try {
            SinkRunner.run(
                    arguments, config, kafkaProperties, notifiers, historyOpener, out, err, stop);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("sink: interrupted");
            return 1;
        } catch (Exception e) {
            err.println("sink: failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    /** Keeps {@link SinkMain} to argument handling; IOException-throwing wiring lives here. */
    static final class SinkRunner {
        private SinkRunner() {}

        static void run(
                SinkArguments arguments,
                SinkConfig config,
                KafkaClientProperties kafkaProperties,
                List<Notifier> notifiers,
                HistoryRecorder.Opener historyOpener,
                PrintStream out,
                PrintStream err,
                CountDownLatch stop)
                throws IOException, InterruptedException {
            TimeSource time = TimeSource.system();
            try (FileDeliveryLog log =
                            FileDeliveryLog.open(
                                    config.deliveryLog(),
                                    config.deliveryLogRetention(),
                                    time.clock());
                    HistoryRecorder history =
                            config.historyDb()
                                    .map(historyOpener::open)
                                    .orElse(HistoryRecorder.NONE);
                    DeadLetters deadLetters = DeadLetters.open(config, kafkaProperties, err)) {
                SilenceStore silences = history.silenceStore().orElseGet(MemorySilenceStore::new);
                DeliveryPipeline pipeline =
                        DeliveryPipeline.of(
                                        config.router(),
                                        notifiers,
                                        config.retry(),
                                        log,
                                        deadLetters.publisher(),
                                        history,
                                        time)
                                .silencing(
                                        new Silencer(
                                                silences,
                                                config.maintenanceWindows(),
                                                config.announcedMaintenances()),
                                        history.heldAlerts());
                Optional<SilenceApi> api =
                        config.silencesToken()
                                .map(token -> SilenceApi.create(token, silences, time.clock()));
                if (api.isPresent() && config.historyDb().isEmpty()) {
                    err.println(
                            "sink: no history database: silences made through the API last"
                                    + " until the sink stops");
                }
                // A null resource (no --metrics-port) is skipped by try-with-resources.
                try (MetricsServer metrics =
                        startMetrics(arguments, pipeline.metrics(), api, err)) {
                    if (api.isPresent() && metrics == null) {
                        err.println(
                                "sink: a silences API token is set but no --metrics-port: the"
                                        + " API is not served");
                    }
                    deliver(
                            arguments,
                            config,
                            kafkaProperties,
                            pipeline,
                            silences,
                            deadLetters.publisher(),
                            log,
                            out,
                            err,
                            stop);
                }
            }
        }

        private static MetricsServer startMetrics(
                SinkArguments arguments,
                SinkMetrics metrics,
                Optional<SilenceApi> api,
                PrintStream err)
                throws IOException {
            if (arguments.metricsPort().isEmpty()) {
                return null;
            }
            MetricsServer server =
                    MetricsServer.start(
                            metrics,
                            new InetSocketAddress(
                                    arguments.metricsHost(), arguments.metricsPort().get()),
                            api);
            err.println("sink: metrics on " + server.url());
            if (api.isPresent()) {
                err.println(
                        "sink: silences API on "
                                + server.url().replace(MetricsServer.PATH, SilenceApi.PATH));
            }
            return server;
        }

        /** The file, or the Kafka consumer until {@code stop}. */
        private static void deliver(
                SinkArguments arguments,
                SinkConfig config,
                KafkaClientProperties kafkaProperties,
                DeliveryPipeline pipeline,
                SilenceStore silences,
                DeadLetterPublisher deadLetters,
                FileDeliveryLog log,
                PrintStream out,
                PrintStream err,
                CountDownLatch stop)
                throws IOException, InterruptedException {
            Clock clock = TimeSource.system().clock();
            if (arguments.fromFile().isPresent()) {
                FileAlertSource source = new FileAlertSource(pipeline, deadLetters, clock);
                out.println("sink: " + source.deliverAll(arguments.fromFile().get()));
                return;
            }
            AlertConsumer consumer =
                    new AlertConsumer(
                            AlertConsumer.kafkaConsumer(
                                    AlertConsumer.consumerProperties(
                                            config.bootstrapServers().orElseThrow(),
                                            config.groupId(),
                                            config.retry(),
                                            kafkaProperties)),
                            pipeline,
                            deadLetters,
                            clock);
            if (config.announcedMaintenances()) {
                consumer.readingMaintenances(
                        maintenance -> silences.upsert(AnnouncedMaintenances.silence(maintenance)));
            }
            Thread stopper =
                    new Thread(
                            () -> {
                                try {
                                    stop.await();
                                    consumer.stop();
                                } catch (InterruptedException e) {
                                    // the sink ended by itself
                                }
                            },
                            "sink-stop");
            stopper.setDaemon(true);
            stopper.start();
            err.println(
                    "sink: consuming "
                            + consumer.topics()
                            + " on "
                            + config.bootstrapServers().get()
                            + " as group "
                            + config.groupId()
                            + "; delivery log "
                            + log.file());
            try {
                consumer.run();
            } finally {
                stopper.interrupt();
            }
        }
    }

    /** The dead-letter publisher for a run: Kafka when a broker is configured, else stderr. */
    private record DeadLetters(DeadLetterPublisher publisher, AutoCloseable closer)
            implements AutoCloseable {
        static DeadLetters open(
                SinkConfig config, KafkaClientProperties kafkaProperties, PrintStream err) {
            if (config.bootstrapServers().isPresent()) {
                KafkaDeadLetterPublisher kafka =
                        KafkaDeadLetterPublisher.connect(
                                config.bootstrapServers().get(), kafkaProperties);
                return new DeadLetters(kafka, kafka);
            }
            return new DeadLetters(new PrintingDeadLetterPublisher(err), () -> {});
        }

        @Override
        public void close() throws IOException {
            try {
                closer.close();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }
}
