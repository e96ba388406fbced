package io.outagewatch.detection.replay;

import io.outagewatch.detection.ConfigFiles;
import io.outagewatch.detection.DetectionOptions;
import io.outagewatch.detection.DetectionSettings;
import io.outagewatch.detection.EventTimeWatermarks;
import io.outagewatch.detection.OutageDetectionPipeline;
import io.outagewatch.detection.ingest.EdgeParser;
import io.outagewatch.detection.ingest.Parsers;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.Timestamps;
import io.outagewatch.progress.Display;
import io.outagewatch.progress.ProgressReporter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;
import org.apache.flink.util.CloseableIterator;

/**
 * {@code bin/outagewatch replay}: the detection pipeline over JSON-lines files, bounded and
 * deterministic, with the same pipeline and defaults as the live job.
 */
public final class ReplayMain {

    private ReplayMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(ReplayArguments.USAGE);
            return 0;
        }
        ReplayArguments arguments;
        Configured configured;
        try {
            arguments = ReplayArguments.parse(args);
            configured = configure(arguments);
        } catch (ReplayArguments.UsageException | IllegalArgumentException e) {
            err.println("replay: " + e.getMessage());
            err.println(ReplayArguments.USAGE);
            return 2;
        }
        try {
            ReplaySummary summary;
            try (ReplayTally tally = ReplayTally.start(arguments);
                    ProgressReporter progress =
                            ProgressReporter.start(
                                    "replaying " + tally.inputs(),
                                    tally::describe,
                                    err,
                                    Display.stderr())) {
                summary = replay(arguments, configured, tally);
            }
            summary.print(out);
            return 0;
        } catch (Exception e) {
            err.println("replay: failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    /** The replay's configuration and the pipeline settings read from it. */
    public record Configured(Configuration config, DetectionSettings settings) {}

    /**
     * Reads the config file, if any, and the catalog into settings; a bad file or setting fails
     * here, before any job is built.
     */
    public static Configured configure(ReplayArguments arguments) {
        Configuration config =
                arguments.config().map(ConfigFiles::load).orElseGet(Configuration::new);
        config.set(DetectionOptions.CATALOG, arguments.catalog().toString());
        DetectionSettings settings =
                DetectionSettings.from(
                        config,
                        EventTimeWatermarks.Emission.PER_RECORD,
                        inputsWrittenAt(arguments));
        return new Configured(config, settings);
    }

    public static ReplaySummary replay(ReplayArguments arguments, Configured configured)
            throws Exception {
        try (ReplayTally tally = ReplayTally.start(arguments)) {
            return replay(arguments, configured, tally);
        }
    }

    /**
     * @param tally counts what the run reads and collects as it goes
     */
    public static ReplaySummary replay(
            ReplayArguments arguments, Configured configured, ReplayTally tally) throws Exception {
        Configuration config = configured.config();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(config.get(DetectionOptions.REPLAY_PARALLELISM));

        Map<String, Path> inputs = new TreeMap<>();
        Path emptyDirectory = Files.createTempDirectory("outagewatch-replay-");
        try {
            DataStream<ReplayLine> lines =
                    build(
                            env,
                            arguments,
                            configured.settings(),
                            emptyDirectory,
                            inputs,
                            tally.id());
            return collect(env, lines, arguments, inputs, tally);
        } finally {
            Files.deleteIfExists(emptyDirectory);
        }
    }

    /**
     * Builds the replay job on {@code env}: a file source per input, the detection pipeline, and
     * the alert and dead-letter lines that {@link #replay} collects, and the service-signal lines
     * when {@code --signals} asks for them.
     *
     * @param emptyDirectory what an absent input reads
     * @param inputs filled with the input files actually given, by input name
     * @param tallyId the {@link ReplayTally} the records read are counted into, if it is found
     */
    public static DataStream<ReplayLine> build(
            StreamExecutionEnvironment env,
            ReplayArguments arguments,
            DetectionSettings settings,
            Path emptyDirectory,
            Map<String, Path> inputs,
            String tallyId) {
        Parsers parsers = settings.parsers();
        OutageDetectionPipeline.Outputs outputs =
                OutageDetectionPipeline.buildPipeline(
                        new OutageDetectionPipeline.Inputs(
                                lines(
                                        env,
                                        "probes",
                                        arguments.probes(),
                                        parsers.probes(),
                                        settings.replayOrder(),
                                        emptyDirectory,
                                        inputs,
                                        tallyId),
                                lines(
                                        env,
                                        "reports",
                                        arguments.reports(),
                                        parsers.reports(),
                                        settings.replayOrder(),
                                        emptyDirectory,
                                        inputs,
                                        tallyId),
                                lines(
                                        env,
                                        "status",
                                        arguments.status(),
                                        parsers.statusUpdates(),
                                        settings.replayOrder(),
                                        emptyDirectory,
                                        inputs,
                                        tallyId)),
                        settings);
        DataStream<ReplayLine> lines =
                outputs.alerts()
                        .process(new ToReplayLine.FromAlert())
                        .uid("replay-alert-lines")
                        .name("Alert lines")
                        .union(
                                outputs.deadLetters()
                                        .process(new ToReplayLine.FromDeadLetter())
                                        .uid("replay-dead-letter-lines")
                                        .name("Dead-letter lines"));
        if (arguments.signals().isEmpty()) {
            return lines;
        }
        return lines.union(
                outputs.serviceSignals()
                        .process(new ToReplayLine.FromServiceSignals())
                        .uid("replay-service-signal-lines")
                        .name("Service-signal lines"));
    }

    private static ReplaySummary collect(
            StreamExecutionEnvironment env,
            DataStream<ReplayLine> lines,
            ReplayArguments arguments,
            Map<String, Path> inputs,
            ReplayTally tally)
            throws Exception {
        List<ReplayLine> collected = new ArrayList<>();
        JobExecutionResult result;
        try (CloseableIterator<ReplayLine> iterator = lines.collectAsync()) {
            JobClient job = env.executeAsync("outagewatch-replay");
            iterator.forEachRemaining(
                    line -> {
                        collected.add(line);
                        tally.collected(line);
                    });
            result = job.getJobExecutionResult().get();
        }
        collected.sort(ReplayLine.ORDER);

        Map<ReplayLine.Kind, List<String>> linesByKind = new EnumMap<>(ReplayLine.Kind.class);
        for (ReplayLine.Kind kind : ReplayLine.Kind.values()) {
            linesByKind.put(kind, new ArrayList<>());
        }
        for (ReplayLine line : collected) {
            linesByKind.get(line.kind()).add(line.json());
        }
        writeLines(arguments.out(), linesByKind.get(ReplayLine.Kind.ALERT));
        if (arguments.deadLetters().isPresent()) {
            writeLines(arguments.deadLetters().get(), linesByKind.get(ReplayLine.Kind.DEAD_LETTER));
        }
        if (arguments.signals().isPresent()) {
            writeLines(arguments.signals().get(), linesByKind.get(ReplayLine.Kind.SERVICE_SIGNALS));
        }
        Map<String, Long> recordsRead = new TreeMap<>();
        for (String input : inputs.keySet()) {
            Long read = result.getAccumulatorResult(ReplayProgress.accumulatorName(input));
            recordsRead.put(input, read == null ? 0L : read);
        }
        return ReplaySummary.of(recordsRead, collected, arguments);
    }

    private static <T> DataStream<Either<DeadLetter, T>> lines(
            StreamExecutionEnvironment env,
            String input,
            Optional<Path> file,
            EdgeParser<T> parser,
            ReplayOrder order,
            Path emptyDirectory,
            Map<String, Path> inputs,
            String tallyId) {
        // An absent input reads an empty directory: a bounded source that ends at once.
        Path path = file.orElse(emptyDirectory);
        file.ifPresent(f -> inputs.put(input, f));
        FileSource<Either<DeadLetter, T>> source =
                FileSource.forRecordStreamFormat(
                                new NumberedLineFormat<>(
                                        path.getFileName().toString(), parser, order, tallyId),
                                new org.apache.flink.core.fs.Path(path.toAbsolutePath().toUri()))
                        .build();
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "Read " + input)
                .setParallelism(1)
                .uid("replay-source-" + input)
                .map(new ReplayProgress<Either<DeadLetter, T>>(input))
                .returns(parser.ingestedType())
                .setParallelism(1)
                .uid("replay-progress-" + input)
                .name("Count " + input);
    }

    /** Dead letters of file lines carry the inputs' modification time: stable across reruns. */
    private static Instant inputsWrittenAt(ReplayArguments arguments) {
        Instant latest = Timestamps.EARLIEST;
        for (Optional<Path> input :
                List.of(arguments.probes(), arguments.reports(), arguments.status())) {
            if (input.isPresent()) {
                try {
                    Instant modified = Files.getLastModifiedTime(input.get()).toInstant();
                    latest = modified.isAfter(latest) ? modified : latest;
                } catch (IOException e) {
                    throw new IllegalArgumentException("cannot read " + input.get(), e);
                }
            }
        }
        return latest;
    }

    private static void writeLines(Path file, List<String> lines) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempFile(absolute.getParent(), ".replay-", ".tmp");
        Files.write(temp, lines, StandardCharsets.UTF_8);
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
    }
}
