package io.outagewatch.demo;

import io.outagewatch.detection.DetectionJob;
import io.outagewatch.detection.DetectionOptions;
import io.outagewatch.detection.LocalFlinkCluster;
import io.outagewatch.events.Alert;
import io.outagewatch.ingest.cli.CommandLine;
import io.outagewatch.ingest.cli.CommandLine.UsageException;
import io.outagewatch.ingest.simulator.PublishProgress;
import io.outagewatch.ingest.simulator.SimulatorMain;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import io.outagewatch.progress.Display;
import io.outagewatch.progress.ProgressReporter;
import io.outagewatch.progress.ProgressText;
import io.outagewatch.scenario.DetectedIncident;
import io.outagewatch.scenario.ExpectedIncident;
import io.outagewatch.scenario.Scenario;
import io.outagewatch.scenario.ScenarioFile;
import io.outagewatch.scenario.Scenarios;
import io.outagewatch.sink.Receivers;
import io.outagewatch.sink.SinkMain;
import io.outagewatch.sink.history.HistoryStore;
import io.outagewatch.sink.notify.HttpDelivery;
import io.outagewatch.status.StatusPage;
import io.outagewatch.status.StatusPageArguments;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code bin/outagewatch demo}: the whole system in one JVM. An embedded Kafka broker, the
 * detection job on an in-process Flink cluster (web UI on a free port), the alert sink printing to
 * the console and recording to a SQLite history, the status page on loopback, and the simulator
 * replaying a scenario at a speed-up. It ends by itself once every incident of the scenario has
 * recovered, with a summary.
 */
public final class DemoMain {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    static final String DEFAULT_SCENARIO = "scenarios/chatgpt-2023-11-08.yaml";
    static final String DEFAULT_DATA_DIR = "outagewatch-data";
    static final Duration DEFAULT_PLAYING_TIME = Duration.ofMinutes(2);
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    /** How often the demo looks whether the sink has recorded the last alerts. */
    static final Duration HISTORY_POLL = Duration.ofMillis(100);

    /** With no incident to wait for, the demo waits this long after the last event. */
    static final Duration QUIET_AFTER_LAST_EVENT = Duration.ofSeconds(15);

    static final String USAGE_TEXT =
            """
            usage: demo [--scenario FILE|NAME] [--speed X] [--keep-running] [--json]
                        [--data-dir DIR] [--timeout 10m] [--status-port P]

              --scenario      default scenarios/chatgpt-2023-11-08.yaml (or the bundled copy)
              --speed         replay X times faster than real time; default: the whole scenario
                              in about two minutes
              --keep-running  keep Kafka, Flink, the sink and the status page running after the
                              summary (Ctrl-C)
              --json          end with one line of JSON: the incidents and the history database
                              (the progress line goes to stderr then)
              --data-dir      where the SQLite outage history goes (default outagewatch-data)
              --timeout       give up (exit 1) when the scenario's incidents have not all
                              recovered by then (default 10m)
              --status-port   the status page's port on 127.0.0.1 (default: a free one)
            """;

    private static final Set<String> OPTIONS =
            Set.of("scenario", "speed", "data-dir", "timeout", "status-port");
    private static final Set<String> FLAGS = Set.of("keep-running", "json", "help");

    private DemoMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, new CountDownLatch(1)));
    }

    /**
     * @param stop with {@code --keep-running}, the demo runs until this is counted down
     */
    public static int run(String[] args, PrintStream out, PrintStream err, CountDownLatch stop) {
        CommandLine line;
        Scenario scenario;
        double speed;
        try {
            line = CommandLine.parse(args, OPTIONS, FLAGS);
            if (line.has("help")) {
                out.print(USAGE_TEXT);
                return OK;
            }
            scenario = scenario(line.value("scenario").orElse(DEFAULT_SCENARIO));
            speed = line.doubleValue("speed").orElse(defaultSpeed(scenario));
            if (!(speed > 0)) {
                throw new UsageException("--speed must be above 0");
            }
        } catch (UsageException e) {
            err.println("demo: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        } catch (IOException | IllegalArgumentException e) {
            err.println("demo: " + e.getMessage());
            return FAILED;
        }
        try {
            return play(scenario, speed, line, out, err, stop);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("demo: interrupted");
            return FAILED;
        } catch (Exception e) {
            err.println("demo: failed: " + e);
            return FAILED;
        }
    }

    private static int play(
            Scenario scenario,
            double speed,
            CommandLine line,
            PrintStream out,
            PrintStream err,
            CountDownLatch stop)
            throws Exception {
        Path dataDir = Path.of(line.value("data-dir").orElse(DEFAULT_DATA_DIR)).toAbsolutePath();
        Files.createDirectories(dataDir);
        Path catalog = dataDir.resolve("catalog.json");
        Files.writeString(catalog, Scenarios.catalogJson());
        String historyDb = "jdbc:sqlite:" + dataDir.resolve("history.db");
        Path deliveryLog = dataDir.resolve("demo-delivery-log");
        // A fresh log each run, so the console shows this run's alerts again.
        Files.deleteIfExists(deliveryLog);
        Duration timeout = line.durationValue("timeout").orElse(DEFAULT_TIMEOUT);
        long deadline = System.nanoTime() + timeout.toNanos();
        String runId = UUID.randomUUID().toString().substring(0, 8);

        try (EmbeddedKafkaBroker kafka = withOutageWatchTopics(EmbeddedKafkaBroker.startDefault());
                LocalFlinkCluster flink = LocalFlinkCluster.start(2);
                StatusPage statusPage = startStatusPage(line, kafka, catalog, historyDb)) {
            JobID job = flink.submit(detectionJob(kafka, catalog, runId));
            out.printf(
                    "OutageWatch demo: %s, %,d events at %.0fx (about %s)%n"
                            + "  Kafka          %s%n"
                            + "  Flink web UI   %s%n"
                            + "  Status page    %s%n"
                            + "  history        %s%n%n",
                    scenario.name(),
                    scenario.probes().size()
                            + scenario.reports().size()
                            + scenario.statusUpdates().size(),
                    speed,
                    playingTime(scenario, speed),
                    kafka.bootstrapServers(),
                    flink.webUi(),
                    statusPage.url(),
                    historyDb);

            CountDownLatch stopSink = new CountDownLatch(1);
            PublishProgress publishing = new PublishProgress();
            CompletableFuture<Integer> sink;
            CompletableFuture<Integer> simulator;
            List<Alert> alerts;
            boolean finished;
            try (AlertWatcher watcher = new AlertWatcher(kafka.clientProperties());
                    ProgressReporter progress =
                            progress(scenario, publishing, watcher, line.has("json"), out, err)) {
                PrintStream shownOut = progress.linesAbove(out);
                PrintStream shownErr = progress.linesAbove(err);
                sink =
                        startSink(
                                kafka, runId, historyDb, deliveryLog, shownOut, shownErr, stopSink);
                simulator = startSimulator(line, scenario, speed, kafka, shownErr, publishing);

                finished = watcher.awaitUntil(seen -> allRecovered(scenario, seen), deadline);
                if (finished && scenario.expected().isEmpty()) {
                    simulator.join();
                    watcher.awaitUntil(
                            seen -> false,
                            Math.min(
                                    deadline,
                                    System.nanoTime() + QUIET_AFTER_LAST_EVENT.toNanos()));
                }
                alerts = watcher.alerts();
                if (finished) {
                    finished = awaitRecorded(historyDb, alerts, deadline);
                }
            }
            if (simulator.isDone() && simulator.join() != SimulatorMain.OK) {
                err.println("demo: the simulator failed; see above");
            }
            DemoSummary summary = DemoSummary.of(scenario, alerts, historyDb);
            summary.print(out);
            if (line.has("keep-running")) {
                out.println();
                out.println(
                        "Still running: Kafka "
                                + kafka.bootstrapServers()
                                + ", Flink "
                                + flink.webUi()
                                + ", status page "
                                + statusPage.url()
                                + ". Ctrl-C stops.");
                Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
                stop.await();
            }
            stopSink.countDown();
            simulator.cancel(true);
            flink.cancel(job);
            sink.join();
            if (line.has("json")) {
                out.println(summary.json());
            }
            if (!finished) {
                err.println(
                        "demo: not every incident of "
                                + scenario.name()
                                + " recovered within "
                                + timeout
                                + "; the machine may be too slow for --speed "
                                + speed);
                return FAILED;
            }
            return OK;
        }
    }

    /** The broker with every OutageWatch topic, so the status page finds them at its start. */
    private static EmbeddedKafkaBroker withOutageWatchTopics(EmbeddedKafkaBroker kafka) {
        try {
            kafka.createOutageWatchTopics(2);
            return kafka;
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    /** The status page over the demo's broker and history, on loopback. */
    private static StatusPage startStatusPage(
            CommandLine line, EmbeddedKafkaBroker kafka, Path catalog, String historyDb)
            throws Exception {
        StatusPageArguments arguments =
                StatusPageArguments.parse(
                        new String[] {
                            "--port", line.value("status-port").orElse("0"),
                            "--bootstrap-servers", kafka.bootstrapServers(),
                            "--catalog", catalog.toString(),
                            "--db", historyDb
                        },
                        Map.of());
        return StatusPage.start(
                arguments,
                Map.of(),
                Clock.systemUTC(),
                new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
    }

    /** The alert sink printing to the console and recording to the history, until stopped. */
    private static CompletableFuture<Integer> startSink(
            EmbeddedKafkaBroker kafka,
            String runId,
            String historyDb,
            Path deliveryLog,
            PrintStream out,
            PrintStream err,
            CountDownLatch stop) {
        return CompletableFuture.supplyAsync(
                () ->
                        io.outagewatch.sink.pipeline.SinkMain.run(
                                new String[] {
                                    "--console",
                                    "--bootstrap-servers",
                                    kafka.bootstrapServers(),
                                    "--group-id",
                                    "demo-" + runId,
                                    "--db",
                                    historyDb,
                                    "--delivery-log",
                                    deliveryLog.toString()
                                },
                                Map.of(),
                                out,
                                err,
                                new Receivers(out, Clock.systemUTC(), HttpDelivery.create()),
                                SinkMain::openHistory,
                                stop));
    }

    /** The simulator publishing the scenario to Kafka, keeping {@code publishing} up to date. */
    private static CompletableFuture<Integer> startSimulator(
            CommandLine line,
            Scenario scenario,
            double speed,
            EmbeddedKafkaBroker kafka,
            PrintStream err,
            PublishProgress publishing) {
        return CompletableFuture.supplyAsync(
                () ->
                        SimulatorMain.run(
                                simulatorArguments(line, scenario, speed, kafka),
                                new PrintStream(OutputStream.nullOutputStream()),
                                err,
                                Clock.systemUTC(),
                                publishing));
    }

    /**
     * The line that shows the replay while the story unfolds: on stdout with the alerts, or on
     * stderr with {@code --json}, so that stdout still ends with the JSON line.
     */
    private static ProgressReporter progress(
            Scenario scenario,
            PublishProgress publishing,
            AlertWatcher watcher,
            boolean json,
            PrintStream out,
            PrintStream err) {
        return ProgressReporter.start(
                "replaying " + scenario.name(),
                () ->
                        ProgressText.join(
                                publishing.describe(),
                                ProgressText.counted(watcher.count(), "alert")),
                json ? err : out,
                json ? Display.stderr() : Display.stdout());
    }

    private static StreamExecutionEnvironment detectionJob(
            EmbeddedKafkaBroker kafka, Path catalog, String runId) {
        Configuration config = new Configuration();
        config.set(DetectionOptions.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        config.set(DetectionOptions.CATALOG, catalog.toString());
        config.set(DetectionOptions.CHECKPOINT_INTERVAL, Duration.ofSeconds(1));
        // Idleness runs on the wall clock: too short, and an input stalled by backpressure looks
        // idle, the watermark overtakes it and its records arrive late.
        config.set(DetectionOptions.IDLENESS, Duration.ofSeconds(5));
        config.set(DetectionOptions.KAFKA_TRANSACTIONAL_ID_PREFIX, "demo-" + runId);
        config.set(DetectionOptions.KAFKA_GROUP_ID, "demo-detection-" + runId);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DetectionJob.build(env, config);
        return env;
    }

    private static String[] simulatorArguments(
            CommandLine line, Scenario scenario, double speed, EmbeddedKafkaBroker kafka) {
        return new String[] {
            "--scenario", scenarioSource(line.value("scenario").orElse(DEFAULT_SCENARIO)),
            "--seed", Long.toString(scenario.seed()),
            "--speed", Double.toString(speed),
            "--output", "kafka",
            "--bootstrap-servers", kafka.bootstrapServers()
        };
    }

    /**
     * Waits until the sink has recorded every alert in the history. It records an alert after every
     * receiver is done with it, so by then the console has printed it too.
     */
    static boolean awaitRecorded(String historyDb, List<Alert> alerts, long deadlineNanos) {
        Map<String, Long> expected =
                alerts.stream()
                        .collect(Collectors.groupingBy(Alert::incidentId, Collectors.counting()));
        try (HistoryStore history = HistoryStore.open(historyDb)) {
            while (System.nanoTime() < deadlineNanos) {
                boolean all =
                        expected.entrySet().stream()
                                .allMatch(
                                        entry ->
                                                history.alerts(entry.getKey()).size()
                                                        >= entry.getValue());
                if (all) {
                    return true;
                }
                LockSupport.parkNanos(HISTORY_POLL.toNanos());
            }
        }
        return false;
    }

    /** Every incident the scenario expects has a recovery among the alerts. */
    static boolean allRecovered(Scenario scenario, List<Alert> alerts) {
        List<DetectedIncident> detected = DetectedIncident.fromAlerts(alerts);
        for (ExpectedIncident expected : scenario.expected()) {
            boolean recovered =
                    detected.stream()
                            .anyMatch(
                                    incident ->
                                            incident.service().equals(expected.service())
                                                    && incident.recovered().isPresent()
                                                    && !incident.recovered()
                                                            .get()
                                                            .recoveredAt()
                                                            .isBefore(expected.start()));
            if (!recovered) {
                return false;
            }
        }
        return true;
    }

    static double defaultSpeed(Scenario scenario) {
        Duration span = Duration.between(scenario.frame().from(), scenario.frame().until());
        return Math.max(1, (double) span.toSeconds() / DEFAULT_PLAYING_TIME.toSeconds());
    }

    private static String playingTime(Scenario scenario, double speed) {
        Duration span = Duration.between(scenario.frame().from(), scenario.frame().until());
        long seconds = Math.round(span.toSeconds() / speed);
        return seconds < 120 ? seconds + " s" : Math.round(seconds / 60.0) + " min";
    }

    /** The scenario file when it exists here, else the bundled scenario of the same name. */
    static String scenarioSource(String given) {
        if (Files.isRegularFile(Path.of(given))) {
            return given;
        }
        String name = Path.of(given).getFileName().toString().replaceFirst("\\.yaml$", "");
        if (Scenarios.names().contains(name)) {
            return name;
        }
        throw new UsageException(
                "--scenario " + given + " is neither a file nor a bundled scenario");
    }

    private static Scenario scenario(String given) throws IOException {
        String source = scenarioSource(given);
        if (Files.isRegularFile(Path.of(source))) {
            return ScenarioFile.load(Path.of(source), Scenarios.services(), OptionalLong.empty());
        }
        return Scenarios.named(source);
    }
}
