package io.outagewatch.ingest.simulator;

import io.outagewatch.ingest.cli.CommandLine;
import io.outagewatch.ingest.cli.CommandLine.UsageException;
import io.outagewatch.ingest.publish.KafkaPublishing;
import io.outagewatch.progress.Display;
import io.outagewatch.progress.ProgressReporter;
import io.outagewatch.scenario.Scenario;
import io.outagewatch.scenario.ScenarioBuilder;
import io.outagewatch.scenario.ScenarioFile;
import io.outagewatch.scenario.Scenarios;
import io.outagewatch.scenario.ServiceLibrary;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code bin/outagewatch simulate}: generates a scenario's traffic, or replays a recorded
 * directory, to Kafka, stdout or a directory of JSON-lines files.
 */
public final class SimulatorMain {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    static final String USAGE_TEXT =
            """
            usage: simulate --scenario FILE|NAME [--seed N] [--start ISO|now] [--speed X]
                            --output kafka|stdout|DIR [--bootstrap-servers HOST:PORT]
                            [--services FILE]
                   simulate --from DIR [--start ISO|now] [--speed X] --output kafka|stdout
                            [--bootstrap-servers HOST:PORT]
                   simulate --list

              --scenario   a scenario YAML file, or the name of one in the bundled suite
              --from       a directory with probes.jsonl, reports.jsonl and status.jsonl
              --seed       overrides the scenario's seed (default: the file's, else 42)
              --start      moves the events so the first is at this UTC time; 'now' for now
              --speed      replay X times faster than the events' own times (default: no pacing,
                           as fast as the output accepts); not for DIR output
              --output     kafka (topics probe-results, social-reports, status-updates, keyed by
                           service), stdout (JSON lines in time order), or a directory that gets
                           probes.jsonl, reports.jsonl, status.jsonl and truth.json
              --bootstrap-servers  default $OUTAGEWATCH_KAFKA_BOOTSTRAP_SERVERS, else 127.0.0.1:9092
              --services   the service library scenario files name services from (default: the
                           bundled scenarios/services.yaml)
            """;

    static final Set<String> OPTIONS =
            Set.of(
                    "scenario",
                    "from",
                    "seed",
                    "start",
                    "speed",
                    "output",
                    "bootstrap-servers",
                    "services");
    private static final Set<String> FLAGS = Set.of("list", "help");

    private SimulatorMain() {}

    public static void main(String[] args) {
        // A whole recording goes to stdout; a flush per line would cost a system call per event.
        PrintStream stdout =
                new PrintStream(
                        new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                        false,
                        StandardCharsets.UTF_8);
        int status = run(args, stdout, System.err, Clock.systemUTC());
        stdout.flush();
        System.exit(status);
    }

    /** The command: reports its progress on {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        return run(args, out, err, clock, Optional.empty());
    }

    /**
     * The command for a caller that shows the progress itself (the demo): the simulator reports
     * none, and keeps {@code progress} up to date instead.
     */
    public static int run(
            String[] args,
            PrintStream out,
            PrintStream err,
            Clock clock,
            PublishProgress progress) {
        return run(args, out, err, clock, Optional.of(progress));
    }

    private static int run(
            String[] args,
            PrintStream out,
            PrintStream err,
            Clock clock,
            Optional<PublishProgress> followedByCaller) {
        CommandLine line;
        try {
            line = CommandLine.parse(args, OPTIONS, FLAGS);
            if (line.has("help")) {
                out.print(USAGE_TEXT);
                return OK;
            }
            if (line.has("list")) {
                Scenarios.names().forEach(out::println);
                return OK;
            }
            return simulate(line, out, err, clock, followedByCaller);
        } catch (UsageException e) {
            err.println("simulate: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        } catch (IOException | IllegalArgumentException e) {
            err.println("simulate: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("simulate: interrupted");
            return FAILED;
        }
    }

    private static int simulate(
            CommandLine line,
            PrintStream out,
            PrintStream err,
            Clock clock,
            Optional<PublishProgress> followedByCaller)
            throws IOException, InterruptedException {
        if (line.has("scenario") == line.has("from")) {
            throw new UsageException("give exactly one of --scenario and --from");
        }
        String output = line.required("output");
        Optional<Double> speed = line.doubleValue("speed");
        if (speed.isPresent() && !(speed.get() > 0)) {
            throw new UsageException("--speed must be above 0, got " + speed.get());
        }
        Optional<Instant> start = line.value("start").map(text -> startTime(text, clock));
        OptionalLong seed =
                line.longValue("seed").map(OptionalLong::of).orElse(OptionalLong.empty());
        boolean toDirectory = !output.equals("kafka") && !output.equals("stdout");

        if (line.has("scenario")) {
            Scenario scenario =
                    loadScenario(line.required("scenario"), seed, line.value("services"));
            if (start.isPresent()) {
                scenario = scenario.startingAt(start.get());
            }
            if (toDirectory) {
                if (speed.isPresent()) {
                    throw new UsageException(
                            "--speed paces kafka or stdout output, not a directory");
                }
                Path dir = Path.of(output);
                scenario.writeJsonl(dir);
                err.printf(
                        "simulate: %s (seed %d): %d probes, %d reports, %d status updates,"
                                + " %d incidents -> %s%n",
                        scenario.name(),
                        scenario.seed(),
                        scenario.probes().size(),
                        scenario.reports().size(),
                        scenario.statusUpdates().size(),
                        scenario.expected().size(),
                        dir);
                return OK;
            }
            return publish(
                    Recording.of(scenario),
                    scenario.name(),
                    output,
                    speed,
                    line,
                    out,
                    err,
                    followedByCaller);
        }
        if (seed.isPresent() || line.has("services")) {
            throw new UsageException("--seed and --services only go with --scenario");
        }
        if (toDirectory) {
            throw new UsageException("--from replays to kafka or stdout; the files already exist");
        }
        Path from = Path.of(line.required("from"));
        Recording recording = Recording.readFrom(from);
        if (start.isPresent()) {
            recording = recording.startingAt(start.get());
        }
        return publish(recording, from.toString(), output, speed, line, out, err, followedByCaller);
    }

    private static Scenario loadScenario(
            String scenario, OptionalLong seed, Optional<String> servicesFile) throws IOException {
        ServiceLibrary library =
                servicesFile.isPresent()
                        ? ServiceLibrary.load(Path.of(servicesFile.get()))
                        : Scenarios.services();
        Path file = Path.of(scenario);
        if (Files.isRegularFile(file)) {
            return ScenarioFile.load(file, library, seed);
        }
        if (Scenarios.names().contains(scenario)) {
            return Scenarios.named(scenario, seed.orElse(ScenarioBuilder.DEFAULT_SEED))
                    .orElseThrow();
        }
        throw new UsageException(
                "--scenario "
                        + scenario
                        + " is neither a file nor a bundled scenario; --list shows the names");
    }

    private static int publish(
            Recording recording,
            String name,
            String output,
            Optional<Double> speed,
            CommandLine line,
            PrintStream out,
            PrintStream err,
            Optional<PublishProgress> followedByCaller)
            throws InterruptedException {
        recording.rejectedLines().forEach(rejected -> err.println("simulate: skipped " + rejected));
        PublishProgress progress = followedByCaller.orElseGet(PublishProgress::new);
        long failed;
        if (followedByCaller.isPresent()) {
            failed = publishAll(recording, output, speed, line, out, progress);
        } else {
            try (ProgressReporter reporter =
                    ProgressReporter.start(
                            "simulating " + name,
                            progress::describe,
                            err,
                            progressDisplay(output))) {
                failed = publishAll(recording, output, speed, line, out, progress);
            }
        }
        err.printf(
                "simulate: published %d events (%d probes, %d reports, %d status updates),"
                        + " %d failed, %d input lines skipped%n",
                progress.published(),
                recording.probes().size(),
                recording.reports().size(),
                recording.statusUpdates().size(),
                failed,
                recording.rejectedLines().size());
        return failed == 0 && recording.rejectedLines().isEmpty() ? OK : FAILED;
    }

    /** Publishes the recording's events in time order; returns the deliveries that failed. */
    private static long publishAll(
            Recording recording,
            String output,
            Optional<Double> speed,
            CommandLine line,
            PrintStream out,
            PublishProgress progress)
            throws InterruptedException {
        List<TimedEvent> timeline = recording.timeline();
        Optional<Pacer> pacer = speed.map(Pacer::realTime);
        progress.begin(timeline.size());
        try (Publishers publishers = publishers(output, line, out)) {
            for (TimedEvent event : timeline) {
                if (pacer.isPresent()) {
                    pacer.get().awaitTurn(event.at());
                }
                event.publishTo(publishers);
                progress.published(event.at());
            }
            publishers.probes().flush();
            publishers.reports().flush();
            publishers.statusUpdates().flush();
            return publishers.failedDeliveries();
        }
    }

    /**
     * Progress goes to stderr; when the events go to stdout and stdout is a terminal as well, as
     * whole lines, since a line redrawn in place would fight the events scrolling past.
     */
    private static Display progressDisplay(String output) {
        return output.equals("stdout") && Display.stdout() == Display.TERMINAL
                ? Display.PLAIN
                : Display.stderr();
    }

    private static Publishers publishers(String output, CommandLine line, PrintStream out) {
        if (output.equals("stdout")) {
            return Publishers.jsonLines(out);
        }
        return Publishers.kafka(
                KafkaPublishing.defaults(
                        line.value("bootstrap-servers").orElse(null), "outagewatch-simulator"));
    }

    private static Instant startTime(String text, Clock clock) {
        if (text.equals("now")) {
            return clock.instant().truncatedTo(ChronoUnit.SECONDS);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException(
                    "--start must be 'now' or a UTC time such as 2026-11-23T12:00:00Z, got '"
                            + text
                            + "'");
        }
    }
}
