package io.outagewatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outagewatch.detection.LocalFlinkCluster;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code bin/outagewatch bench throughput}: the parse floor, the pipeline in this JVM at
 * parallelism 1 and 2, and Kafka end to end, on the same lines; then state and heap per key.
 */
final class ThroughputBench {

    /** Event time of the first generated record: fixed, so every run reads the same lines. */
    static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    static final int VANTAGES = 5;
    static final double REPORT_SHARE = 0.1;
    static final long SEED = 7;

    /** Measured runs of the pipeline at each parallelism; the median counts, as for the floor. */
    static final int PIPELINE_RUNS = ParseFloor.PASSES;

    private ThroughputBench() {}

    /**
     * The figures of one run.
     *
     * @param parseFloor the floor at the start, in this JVM
     * @param pipelineFloor the floor in fresh JVMs just before and after the measured in-process
     *     runs, which their ratios are to
     * @param kafkaEndToEndFloor the same around the measured end-to-end runs
     */
    record Figures(
            int rateKeys,
            long events,
            double parseFloor,
            int pipelineWarmUps,
            Floor pipelineFloor,
            InProcessPipeline.Run pipelineP1,
            InProcessPipeline.Run pipelineP2,
            int kafkaEndToEndWarmUps,
            Floor kafkaEndToEndFloor,
            double kafkaEndToEnd,
            List<KeyStateSweep.Point> sweep) {}

    /** The floors of fresh JVMs just before and just after a phase's measured runs. */
    record Floor(double before, double after) {
        double mean() {
            return (before + after) / 2;
        }
    }

    /** The benchmark's lines: the same for every run and every JVM, given pairs and events. */
    static SyntheticTraffic.Lines lines(int keys, long events) {
        return new SyntheticTraffic(VANTAGES, SEED).generate(keys, events, REPORT_SHARE, START);
    }

    static int run(BenchArguments arguments, PrintStream out, PrintStream err) throws Exception {
        err.println("bench throughput: " + Machine.describe());
        Figures figures;
        try (WorkDirectory work = WorkDirectory.create("outagewatch-bench-throughput-")) {
            figures = measure(arguments, work.path(), err);
        }
        print(figures, out);
        if (arguments.json()) {
            out.println(json(figures));
        }
        return BenchMain.OK;
    }

    static Figures measure(BenchArguments arguments, Path work, PrintStream err) throws Exception {
        Figures rates = measureRates(arguments, work, err);
        List<KeyStateSweep.Point> sweep = new ArrayList<>();
        for (int keys : arguments.keys()) {
            KeyStateSweep.Point point =
                    PhaseProgress.report(
                            String.format(
                                    Locale.ROOT, "bench throughput, state for %,d pairs", keys),
                            err,
                            progress -> KeyStateSweep.measure(keys, work, progress));
            err.printf(Locale.ROOT, "bench throughput: %s%n", point);
            sweep.add(point);
        }
        return new Figures(
                rates.rateKeys(),
                rates.events(),
                rates.parseFloor(),
                rates.pipelineWarmUps(),
                rates.pipelineFloor(),
                rates.pipelineP1(),
                rates.pipelineP2(),
                rates.kafkaEndToEndWarmUps(),
                rates.kafkaEndToEndFloor(),
                rates.kafkaEndToEnd(),
                sweep);
    }

    /** The rates, without the sweep; the lines are garbage once it returns. */
    private static Figures measureRates(BenchArguments arguments, Path work, PrintStream err)
            throws Exception {
        int keys = arguments.rateKeys();
        SyntheticTraffic.Lines lines = lines(keys, arguments.events());
        err.printf(
                Locale.ROOT,
                "bench throughput: %,d lines over %,d keys and %d vantages%n",
                lines.events(),
                keys,
                VANTAGES);
        double floor =
                PhaseProgress.report(
                        "bench throughput, parse floor",
                        err,
                        progress -> ParseFloor.eventsPerSecond(lines, progress));
        err.printf(Locale.ROOT, "bench throughput: parse floor %,.0f events/s%n", floor);
        InProcessPipeline.Run p1;
        InProcessPipeline.Run p2;
        Floor pipelineFloor;
        List<Double> pipelineWarmUps = new ArrayList<>();
        try (InProcessPipeline pipeline = InProcessPipeline.start(2)) {
            WarmUps warmUps = arguments.warmUps();
            for (int run = 1; warmUps.another(pipelineWarmUps); run++) {
                InProcessPipeline.Run warmUp =
                        PhaseProgress.report(
                                warmUps.phase("pipeline", run),
                                err,
                                progress -> pipeline.run(lines, 1, progress));
                err.printf(Locale.ROOT, "bench throughput: pipeline warm-up %s%n", warmUp);
                pipelineWarmUps.add(warmUp.eventsPerSecond());
            }
            double before = freshJvmFloor("before the in-process runs", keys, lines, work, err);
            p1 = medianRun(pipeline, lines, 1, err);
            err.printf(Locale.ROOT, "bench throughput: pipeline p1 %s%n", p1);
            p2 = medianRun(pipeline, lines, 2, err);
            err.printf(Locale.ROOT, "bench throughput: pipeline p2 %s%n", p2);
            pipelineFloor =
                    new Floor(
                            before,
                            freshJvmFloor("after the in-process runs", keys, lines, work, err));
        }
        EndToEnd endToEnd = measureEndToEnd(keys, lines, arguments.warmUps(), work, err);
        err.printf(
                Locale.ROOT,
                "bench throughput: Kafka end to end %,.0f events/s%n",
                endToEnd.eventsPerSecond());
        return new Figures(
                keys,
                lines.events(),
                floor,
                pipelineWarmUps.size(),
                pipelineFloor,
                p1,
                p2,
                endToEnd.warmUps(),
                endToEnd.floor(),
                endToEnd.eventsPerSecond(),
                List.of());
    }

    /** A wait for this JVM to go quiet measures its CPU over windows this long. */
    static final Duration QUIET_WINDOW = Duration.ofMillis(500);

    /** This JVM counts as quiet below this share of one core. */
    static final double QUIET_SHARE = 0.05;

    static final Duration QUIET_AT_MOST = Duration.ofSeconds(20);

    /**
     * The parse floor of a fresh JVM on the same lines, shown as a phase of its own, once this JVM
     * has gone quiet; how much CPU this JVM used meanwhile is printed beside it.
     */
    private static double freshJvmFloor(
            String when, int keys, SyntheticTraffic.Lines lines, Path work, PrintStream err)
            throws Exception {
        ProcessQuiet.Wait quiet = ProcessQuiet.await(QUIET_WINDOW, QUIET_SHARE, QUIET_AT_MOST);
        long cpuBefore = ProcessQuiet.cpuNanos();
        long begin = System.nanoTime();
        double rate =
                PhaseProgress.report(
                        "bench throughput, parse floor in a fresh JVM " + when,
                        err,
                        progress -> {
                            progress.step("parsing");
                            return ParseFloor.inFreshJvm(
                                    keys,
                                    lines.events(),
                                    Files.createTempFile(work, "parse-floor-", ".log"));
                        });
        double ownShare =
                (ProcessQuiet.cpuNanos() - cpuBefore) / (double) (System.nanoTime() - begin);
        err.printf(
                Locale.ROOT,
                "bench throughput: parse floor in a fresh JVM %s %,.0f events/s (this JVM %s"
                        + " after %.1f s, then used %.0f %% of a core meanwhile)%n",
                when,
                rate,
                quiet.quiet() ? "quiet" : "still busy",
                quiet.waited().toMillis() / 1000.0,
                100 * ownShare);
        return rate;
    }

    /** Kafka end to end: the median rate, after how many warm-up runs, and its floor. */
    private record EndToEnd(int warmUps, Floor floor, double eventsPerSecond) {}

    /**
     * Kafka end to end as the pipeline is measured: full-size runs to warm up the broker's and the
     * clients' paths as {@code warmUps} says, then the median rate of {@link #PIPELINE_RUNS}, each
     * with a new broker. All runs share one Flink cluster, as the in-process runs do: a cluster per
     * run loaded its RPC classes again, and the JIT compiled them beside the timed job (compilation
     * took 5.5 s of the fifth 14 s run).
     */
    private static EndToEnd measureEndToEnd(
            int keys, SyntheticTraffic.Lines lines, WarmUps warmUps, Path work, PrintStream err)
            throws Exception {
        List<Double> warmUpRates = new ArrayList<>();
        double[] measured = new double[PIPELINE_RUNS];
        Floor floor;
        try (LocalFlinkCluster flink = LocalFlinkCluster.start(1, LiveGauges.CONFIG)) {
            int run = 0;
            while (warmUps.another(warmUpRates)) {
                warmUpRates.add(
                        endToEndRun(
                                flink,
                                lines,
                                work.resolve("end-to-end-" + run++),
                                warmUps.phase("Kafka end to end", warmUpRates.size() + 1),
                                err));
            }
            double before = freshJvmFloor("before the end-to-end runs", keys, lines, work, err);
            for (int i = 0; i < measured.length; i++) {
                String phase =
                        String.format(
                                Locale.ROOT,
                                "bench throughput, Kafka end to end (run %d of %d)",
                                i + 1,
                                PIPELINE_RUNS);
                measured[i] =
                        endToEndRun(flink, lines, work.resolve("end-to-end-" + run++), phase, err);
            }
            floor =
                    new Floor(
                            before,
                            freshJvmFloor("after the end-to-end runs", keys, lines, work, err));
        }
        err.printf(
                Locale.ROOT,
                "bench throughput: Kafka end to end warm-up %s events/s%n",
                warmUpRates);
        Arrays.sort(measured);
        return new EndToEnd(warmUpRates.size(), floor, Stats.median(measured));
    }

    private static double endToEndRun(
            LocalFlinkCluster flink,
            SyntheticTraffic.Lines lines,
            Path runDirectory,
            String phase,
            PrintStream err)
            throws Exception {
        Files.createDirectories(runDirectory);
        return PhaseProgress.report(
                phase,
                err,
                progress -> KafkaEndToEnd.eventsPerSecond(flink, lines, runDirectory, progress));
    }

    /** The run of median rate among {@link #PIPELINE_RUNS} runs at {@code parallelism}. */
    private static InProcessPipeline.Run medianRun(
            InProcessPipeline pipeline,
            SyntheticTraffic.Lines lines,
            int parallelism,
            PrintStream err)
            throws Exception {
        List<InProcessPipeline.Run> runs = new ArrayList<>();
        for (int run = 1; run <= PIPELINE_RUNS; run++) {
            String phase =
                    String.format(
                            Locale.ROOT,
                            "bench throughput, pipeline p%d (run %d of %d)",
                            parallelism,
                            run,
                            PIPELINE_RUNS);
            runs.add(
                    PhaseProgress.report(
                            phase, err, progress -> pipeline.run(lines, parallelism, progress)));
        }
        runs.sort(Comparator.comparingDouble(InProcessPipeline.Run::eventsPerSecond));
        return runs.get(runs.size() / 2);
    }

    static void print(Figures figures, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "Throughput, %,d events over %,d (service, region) pairs (%s)%n%n",
                figures.events(),
                figures.rateKeys(),
                Machine.describe());
        out.println("| what | events/s | × its floor | × floor at the start |");
        out.println("|---|---:|---:|---:|");
        double start = figures.parseFloor();
        row(out, "parse floor (1 thread, Jackson), at the start", start, start, start);
        floorRow(out, "in-process runs", figures.pipelineFloor(), start);
        row(
                out,
                "pipeline in-process, parallelism 1",
                figures.pipelineP1().eventsPerSecond(),
                figures.pipelineFloor().mean(),
                start);
        row(
                out,
                "pipeline in-process, parallelism 2",
                figures.pipelineP2().eventsPerSecond(),
                figures.pipelineFloor().mean(),
                start);
        floorRow(out, "end-to-end runs", figures.kafkaEndToEndFloor(), start);
        row(
                out,
                "Kafka → job → Kafka (p1)",
                figures.kafkaEndToEnd(),
                figures.kafkaEndToEndFloor().mean(),
                start);
        out.printf(
                Locale.ROOT,
                "%nMeasured after %d warm-up runs in process and %d end to end.%n%n",
                figures.pipelineWarmUps(),
                figures.kafkaEndToEndWarmUps());
        out.println(
                "| pairs | events | checkpoint bytes | bytes/pair | heap bytes | heap"
                        + " bytes/pair |");
        out.println("|---:|---:|---:|---:|---:|---:|");
        for (KeyStateSweep.Point point : figures.sweep()) {
            out.printf(
                    Locale.ROOT,
                    "| %,d | %,d | %,d | %,.0f | %,d | %,.0f |%n",
                    point.keys(),
                    point.events(),
                    point.stateBytes(),
                    point.stateBytesPerKey(),
                    point.heapBytes(),
                    point.heapBytesPerKey());
        }
    }

    private static void row(
            PrintStream out, String what, double rate, double floor, double startFloor) {
        out.printf(
                Locale.ROOT,
                "| %s | %,.0f | %.2f | %.2f |%n",
                what,
                rate,
                rate / floor,
                rate / startFloor);
    }

    private static void floorRow(PrintStream out, String phase, Floor floor, double startFloor) {
        out.printf(
                Locale.ROOT,
                "| parse floor in fresh JVMs around the %s (%,.0f before, %,.0f after) | %,.0f |"
                        + " 1.00 | %.2f |%n",
                phase,
                floor.before(),
                floor.after(),
                floor.mean(),
                floor.mean() / startFloor);
    }

    static String json(Figures figures) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("events", figures.events());
        root.put("keys", figures.rateKeys());
        root.put("parseFloorEventsPerSec", Math.round(figures.parseFloor()));
        root.put("pipelineWarmUps", figures.pipelineWarmUps());
        putFloor(root, "pipelineFloor", figures.pipelineFloor());
        double p1 = figures.pipelineP1().eventsPerSecond();
        double p2 = figures.pipelineP2().eventsPerSecond();
        double pipelineFloor = figures.pipelineFloor().mean();
        root.put("pipelineP1EventsPerSec", Math.round(p1));
        root.put("pipelineP1Ratio", ratio(p1, pipelineFloor));
        root.put("pipelineP1RatioToStartFloor", ratio(p1, figures.parseFloor()));
        root.put("pipelineP2EventsPerSec", Math.round(p2));
        root.put("pipelineP2Ratio", ratio(p2, pipelineFloor));
        root.put("kafkaEndToEndWarmUps", figures.kafkaEndToEndWarmUps());
        putFloor(root, "kafkaEndToEndFloor", figures.kafkaEndToEndFloor());
        double endToEnd = figures.kafkaEndToEnd();
        root.put("kafkaEndToEndEventsPerSec", Math.round(endToEnd));
        root.put("kafkaEndToEndRatio", ratio(endToEnd, figures.kafkaEndToEndFloor().mean()));
        root.put("kafkaEndToEndRatioToStartFloor", ratio(endToEnd, figures.parseFloor()));
        root.put("pipelineAlerts", figures.pipelineP1().alerts());
        root.put("pipelineDeadLetters", figures.pipelineP1().deadLetters());
        KeyStateSweep.Point largest = figures.sweep().get(figures.sweep().size() - 1);
        root.put("stateKeys", largest.keys());
        root.put("stateBytesPerKey", Math.round(largest.stateBytesPerKey()));
        root.put("heapBytesPerKey", Math.round(largest.heapBytesPerKey()));
        ArrayNode sweep = root.putArray("sweep");
        for (KeyStateSweep.Point point : figures.sweep()) {
            ObjectNode node = sweep.addObject();
            node.put("keys", point.keys());
            node.put("events", point.events());
            node.put("stateBytes", point.stateBytes());
            node.put("stateBytesPerKey", Math.round(point.stateBytesPerKey()));
            node.put("heapBytes", point.heapBytes());
            node.put("heapBytesPerKey", Math.round(point.heapBytesPerKey()));
        }
        Machine.putInto(root);
        return root.toString();
    }

    /** {@code <prefix>EventsPerSec}, the mean the ratios use, and the two it is the mean of. */
    private static void putFloor(ObjectNode root, String prefix, Floor floor) {
        root.put(prefix + "EventsPerSec", Math.round(floor.mean()));
        root.put(prefix + "BeforeEventsPerSec", Math.round(floor.before()));
        root.put(prefix + "AfterEventsPerSec", Math.round(floor.after()));
    }

    private static double ratio(double rate, double floor) {
        return Math.round(rate / floor * 1000) / 1000.0;
    }
}
