package io.outagewatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
     * A measured rate and its ratio to the parse floor. Each measured run is paired with a pass of
     * the floor taken just before it, and the ratio is the median of the runs' own ratios: on this
     * shared machine the speed of one core moved by a third within minutes (the same floor gave
     * 290,000 and 480,000 events/s ten minutes apart), and a floor taken minutes before a run would
     * carry that into the ratio.
     *
     * @param rate the median run's rate, events per second
     * @param ratio the median over the runs of rate / floor pass just before it
     */
    record Measured(double rate, double ratio) {
        static Measured of(double[] rates, double[] floors) {
            double[] ratios = new double[rates.length];
            for (int i = 0; i < rates.length; i++) {
                ratios[i] = rates[i] / floors[i];
            }
            double[] sorted = rates.clone();
            Arrays.sort(sorted);
            Arrays.sort(ratios);
            return new Measured(Stats.median(sorted), Stats.median(ratios));
        }
    }

    /** The figures of one run. */
    record Figures(
            int rateKeys,
            long events,
            double parseFloor,
            Measured pipelineP1,
            Measured pipelineP2,
            InProcessPipeline.Run lastPipelineRun,
            Measured kafkaEndToEnd,
            List<KeyStateSweep.Point> sweep) {}

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
                rates.pipelineP1(),
                rates.pipelineP2(),
                rates.lastPipelineRun(),
                rates.kafkaEndToEnd(),
                sweep);
    }

    /** The rates, without the sweep; the lines are garbage once it returns. */
    private static Figures measureRates(BenchArguments arguments, Path work, PrintStream err)
            throws Exception {
        int keys = arguments.rateKeys();
        SyntheticTraffic traffic = new SyntheticTraffic(VANTAGES, SEED);
        SyntheticTraffic.Lines lines =
                traffic.generate(keys, arguments.events(), REPORT_SHARE, START);
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
        Measured p1;
        Measured p2;
        InProcessPipeline.Run last;
        try (InProcessPipeline pipeline = InProcessPipeline.start(2)) {
            for (int run = 1; run <= arguments.warmUps(); run++) {
                InProcessPipeline.Run warmUp =
                        PhaseProgress.report(
                                warmUpPhase("pipeline", run, arguments.warmUps()),
                                err,
                                progress -> pipeline.run(lines, 1, progress));
                err.printf(Locale.ROOT, "bench throughput: pipeline warm-up %s%n", warmUp);
            }
            p1 = measureRuns(pipeline, lines, 1, err);
            err.printf(Locale.ROOT, "bench throughput: pipeline p1 %s%n", p1);
            p2 = measureRuns(pipeline, lines, 2, err);
            err.printf(Locale.ROOT, "bench throughput: pipeline p2 %s%n", p2);
            last = pipeline.lastRun();
        }
        Measured endToEnd = measureEndToEnd(lines, arguments.warmUps(), work, err);
        err.printf(Locale.ROOT, "bench throughput: Kafka end to end %s%n", endToEnd);
        return new Figures(keys, lines.events(), floor, p1, p2, last, endToEnd, List.of());
    }

    private static String warmUpPhase(String what, int run, int warmUps) {
        return String.format(
                Locale.ROOT, "bench throughput, %s warm-up (run %d of %d)", what, run, warmUps);
    }

    /**
     * Kafka end to end as the pipeline is measured: {@code warmUps} full-size runs to warm up the
     * broker's and the clients' paths, then the median rate of {@link #PIPELINE_RUNS}, each with a
     * new broker.
     */
    private static Measured measureEndToEnd(
            SyntheticTraffic.Lines lines, int warmUps, Path work, PrintStream err)
            throws Exception {
        double[] rates = new double[warmUps + PIPELINE_RUNS];
        double[] floors = new double[PIPELINE_RUNS];
        for (int run = 0; run < rates.length; run++) {
            String phase =
                    run < warmUps
                            ? warmUpPhase("Kafka end to end", run + 1, warmUps)
                            : String.format(
                                    Locale.ROOT,
                                    "bench throughput, Kafka end to end (run %d of %d)",
                                    run - warmUps + 1,
                                    PIPELINE_RUNS);
            Path runDirectory = Files.createDirectories(work.resolve("end-to-end-" + run));
            if (run >= warmUps) {
                floors[run - warmUps] = ParseFloor.onePass(lines);
            }
            rates[run] =
                    PhaseProgress.report(
                            phase,
                            err,
                            progress ->
                                    KafkaEndToEnd.eventsPerSecond(lines, runDirectory, progress));
        }
        err.printf(
                Locale.ROOT,
                "bench throughput: Kafka end to end warm-up %s events/s%n",
                Arrays.toString(Arrays.copyOf(rates, warmUps)));
        return Measured.of(Arrays.copyOfRange(rates, warmUps, rates.length), floors);
    }

    /** {@link #PIPELINE_RUNS} runs at {@code parallelism}, each after a pass of the floor. */
    private static Measured measureRuns(
            InProcessPipeline pipeline,
            SyntheticTraffic.Lines lines,
            int parallelism,
            PrintStream err)
            throws Exception {
        double[] rates = new double[PIPELINE_RUNS];
        double[] floors = new double[PIPELINE_RUNS];
        for (int run = 1; run <= PIPELINE_RUNS; run++) {
            String phase =
                    String.format(
                            Locale.ROOT,
                            "bench throughput, pipeline p%d (run %d of %d)",
                            parallelism,
                            run,
                            PIPELINE_RUNS);
            floors[run - 1] = ParseFloor.onePass(lines);
            rates[run - 1] =
                    PhaseProgress.report(
                                    phase,
                                    err,
                                    progress -> pipeline.run(lines, parallelism, progress))
                            .eventsPerSecond();
        }
        return Measured.of(rates, floors);
    }

    static void print(Figures figures, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "Throughput, %,d events over %,d (service, region) pairs (%s)%n%n",
                figures.events(),
                figures.rateKeys(),
                Machine.describe());
        out.println("| what | events/s | × parse floor |");
        out.println("|---|---:|---:|");
        row(out, "parse floor (1 thread, Jackson)", new Measured(figures.parseFloor(), 1));
        row(out, "pipeline in-process, parallelism 1", figures.pipelineP1());
        row(out, "pipeline in-process, parallelism 2", figures.pipelineP2());
        row(out, "Kafka → job → Kafka (p1)", figures.kafkaEndToEnd());
        out.println();
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

    private static void row(PrintStream out, String what, Measured measured) {
        out.printf(Locale.ROOT, "| %s | %,.0f | %.2f |%n", what, measured.rate(), measured.ratio());
    }

    static String json(Figures figures) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("events", figures.events());
        root.put("keys", figures.rateKeys());
        root.put("parseFloorEventsPerSec", Math.round(figures.parseFloor()));
        root.put("pipelineP1EventsPerSec", Math.round(figures.pipelineP1().rate()));
        root.put("pipelineP1Ratio", rounded(figures.pipelineP1().ratio()));
        root.put("pipelineP2EventsPerSec", Math.round(figures.pipelineP2().rate()));
        root.put("pipelineP2Ratio", rounded(figures.pipelineP2().ratio()));
        root.put("kafkaEndToEndEventsPerSec", Math.round(figures.kafkaEndToEnd().rate()));
        root.put("kafkaEndToEndRatio", rounded(figures.kafkaEndToEnd().ratio()));
        root.put("pipelineAlerts", figures.lastPipelineRun().alerts());
        root.put("pipelineDeadLetters", figures.lastPipelineRun().deadLetters());
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

    private static double rounded(double ratio) {
        return Math.round(ratio * 1000) / 1000.0;
    }
}
