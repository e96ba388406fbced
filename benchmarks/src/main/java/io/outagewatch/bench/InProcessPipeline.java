package io.outagewatch.bench;

import io.outagewatch.detection.DetectionSettings;
import io.outagewatch.detection.EventTimeWatermarks;
import io.outagewatch.detection.LocalFlinkCluster;
import io.outagewatch.detection.OutageDetectionPipeline;
import io.outagewatch.detection.ingest.EdgeParser;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.Timestamps;
import io.outagewatch.scenario.Scenarios;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.types.Either;

/**
 * The detection pipeline in this JVM over lines held in memory, as replay runs it (per-record
 * watermarks), at a given parallelism, on one local cluster kept for all runs. The clock starts at
 * the first record, held until the JIT has compiled what the deployment ran, and stops when the job
 * has finished, so JVM start and job deployment are left out; parsing is inside.
 */
final class InProcessPipeline implements AutoCloseable {

    /** The lines of the current run, by input; the job's operators run in this JVM. */
    private static final Map<String, PackedLines> LINES = new ConcurrentHashMap<>();

    private static final AtomicLong FIRST_RECORD_NANOS = new AtomicLong();

    private static final Object CLOCK = new Object();

    /**
     * How long the JIT must have been idle before a run's clock starts, after its job deployed:
     * each run deploys a new job, and compiling the deployment's code is a cost a long-running job
     * pays once. A compiler busy for longer starts the clock at {@link #COMPILER_QUIET_AT_MOST}.
     */
    static final Duration COMPILER_QUIET = Duration.ofMillis(200);

    static final Duration COMPILER_QUIET_AT_MOST = Duration.ofSeconds(5);

    /** Where the current run counts its records in. */
    private static volatile PhaseProgress runProgress;

    /** Outputs of the current run, counted. */
    private enum Tally {
        ALERTS,
        DEAD_LETTERS;

        final AtomicLong count = new AtomicLong();
    }

    private final LocalFlinkCluster cluster;

    private InProcessPipeline(LocalFlinkCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * A local cluster with slots for jobs up to {@code maxParallelism}. One cluster serves every
     * run: a cluster of its own per run would load and compile its RPC system's classes again in
     * each, beside the job being timed.
     */
    static InProcessPipeline start(int maxParallelism) throws Exception {
        return new InProcessPipeline(LocalFlinkCluster.start(maxParallelism));
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }

    /** What one run did: its rate, and the alerts and dead letters it produced. */
    record Run(double eventsPerSecond, long alerts, long deadLetters) {}

    Run run(SyntheticTraffic.Lines lines, int parallelism, PhaseProgress progress)
            throws Exception {
        progress.step("job running", lines.events(), "events in");
        runProgress = progress;
        LINES.put("probes", lines.probes());
        LINES.put("reports", lines.reports());
        FIRST_RECORD_NANOS.set(0);
        for (Tally tally : Tally.values()) {
            tally.count.set(0);
        }
        try {
            StreamExecutionEnvironment env =
                    StreamExecutionEnvironment.createLocalEnvironment(
                            parallelism, new Configuration());
            DetectionSettings settings =
                    withScenarioCatalog(
                            DetectionSettings.from(
                                    new Configuration(),
                                    EventTimeWatermarks.Emission.PER_RECORD,
                                    Timestamps.EARLIEST));
            OutageDetectionPipeline.Outputs outputs =
                    OutageDetectionPipeline.buildPipeline(
                            new OutageDetectionPipeline.Inputs(
                                    lines(
                                            env,
                                            "probes",
                                            lines.probes().size(),
                                            settings.parsers().probes()),
                                    lines(
                                            env,
                                            "reports",
                                            lines.reports().size(),
                                            settings.parsers().reports()),
                                    lines(env, "status", 0, settings.parsers().statusUpdates())),
                            settings);
            outputs.alerts()
                    .map(new Count<>(Tally.ALERTS))
                    .name("Count alerts")
                    .sinkTo(new DiscardingSink<>());
            outputs.deadLetters()
                    .map(new Count<>(Tally.DEAD_LETTERS))
                    .name("Count dead letters")
                    .sinkTo(new DiscardingSink<>());
            outputs.vantageHealth().sinkTo(new DiscardingSink<>());
            cluster.runToEnd(env, "outagewatch-bench-pipeline-p" + parallelism);
            long elapsed = System.nanoTime() - FIRST_RECORD_NANOS.get();
            return new Run(
                    lines.events() * 1e9 / elapsed,
                    Tally.ALERTS.count.get(),
                    Tally.DEAD_LETTERS.count.get());
        } finally {
            LINES.clear();
        }
    }

    /**
     * One input read at parallelism 1 and parsed as it is read, like replay's file sources; the
     * pipeline fans out.
     */
    private static <T> DataStream<Either<DeadLetter, T>> lines(
            StreamExecutionEnvironment env, String input, int count, EdgeParser<T> parser) {
        // A sequence cannot be empty: an empty input is one index, filtered out.
        return env.fromSequence(0, Math.max(count, 1) - 1L)
                .setParallelism(1)
                .filter(index -> index < count)
                .setParallelism(1)
                .name("Indexes of " + input)
                .map(new LineAt<>(input, parser))
                .returns(parser.ingestedType())
                .setParallelism(1)
                .name("Lines of " + input);
    }

    /**
     * The line at an index of one input, parsed; the first record of a run starts its clock, once
     * the JIT has compiled what deploying the job ran ({@link #COMPILER_QUIET}).
     */
    private static final class LineAt<T> implements MapFunction<Long, Either<DeadLetter, T>> {
        private static final long serialVersionUID = 1L;
        private final String input;
        private final EdgeParser<T> parser;
        private transient PackedLines lines;

        LineAt(String input, EdgeParser<T> parser) {
            this.input = input;
            this.parser = parser;
        }

        @Override
        public Either<DeadLetter, T> map(Long index) {
            if (lines == null) {
                startClock();
                lines = LINES.get(input);
            }
            runProgress.add(1);
            return parser.parse(
                    lines.origin(),
                    lines.payload(Math.toIntExact(index)),
                    EdgeParser.UNKNOWN_WRITE_TIME);
        }
    }

    /** Starts the run's clock once: the first source to get here waits, the other waits on it. */
    private static void startClock() {
        synchronized (CLOCK) {
            if (FIRST_RECORD_NANOS.get() == 0) {
                CompilerQuiet.await(COMPILER_QUIET, COMPILER_QUIET_AT_MOST);
                FIRST_RECORD_NANOS.set(System.nanoTime());
            }
        }
    }

    /** Counts what passes. */
    private static final class Count<T> implements MapFunction<T, T> {
        private static final long serialVersionUID = 1L;
        private final Tally tally;

        Count(Tally tally) {
            this.tally = tally;
        }

        @Override
        public T map(T value) {
            tally.count.incrementAndGet();
            return value;
        }
    }

    /** The job's default settings, with the catalog the benchmark's posts are about. */
    static DetectionSettings withScenarioCatalog(DetectionSettings settings) {
        return settings.withCatalog(Scenarios.catalog());
    }
}
