package io.outagewatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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

    /** The warm-up run of the pipeline reads this share of the lines. */
    static final int WARM_UP_DIVISOR = 5;

    private ThroughputBench() {}

    /** The figures of one run. */
    record Figures(
            int rateKeys,
            long events,
            double parseFloor,
            InProcessPipeline.Run pipelineP1,
            InProcessPipeline.Run pipelineP2,
            double kafkaEndToEnd,
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
        PhaseProgress.report(
                "bench throughput, pipeline warm-up",
                err,
                progress ->
                        InProcessPipeline.run(
                                traffic.generate(
                                        keys,
                                        Math.max(1, arguments.events() / WARM_UP_DIVISOR),
                                        REPORT_SHARE,
                                        START),
                                1,
                                progress));
        InProcessPipeline.Run p1 =
                PhaseProgress.report(
                        "bench throughput, pipeline p1",
                        err,
                        progress -> InProcessPipeline.run(lines, 1, progress));
        err.printf(Locale.ROOT, "bench throughput: pipeline p1 %s%n", p1);
        InProcessPipeline.Run p2 =
                PhaseProgress.report(
                        "bench throughput, pipeline p2",
                        err,
                        progress -> InProcessPipeline.run(lines, 2, progress));
        err.printf(Locale.ROOT, "bench throughput: pipeline p2 %s%n", p2);
        double endToEnd =
                PhaseProgress.report(
                        "bench throughput, Kafka end to end",
                        err,
                        progress -> KafkaEndToEnd.eventsPerSecond(lines, work, progress));
        err.printf(Locale.ROOT, "bench throughput: Kafka end to end %,.0f events/s%n", endToEnd);
        return new Figures(keys, lines.events(), floor, p1, p2, endToEnd, List.of());
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
        row(out, "parse floor (1 thread, Jackson)", figures.parseFloor(), figures.parseFloor());
        row(
                out,
                "pipeline in-process, parallelism 1",
                figures.pipelineP1().eventsPerSecond(),
                figures.parseFloor());
        row(
                out,
                "pipeline in-process, parallelism 2",
                figures.pipelineP2().eventsPerSecond(),
                figures.parseFloor());
        row(out, "Kafka → job → Kafka (p1)", figures.kafkaEndToEnd(), figures.parseFloor());
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

    private static void row(PrintStream out, String what, double rate, double floor) {
        out.printf(Locale.ROOT, "| %s | %,.0f | %.2f |%n", what, rate, rate / floor);
    }

    static String json(Figures figures) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("events", figures.events());
        root.put("keys", figures.rateKeys());
        root.put("parseFloorEventsPerSec", Math.round(figures.parseFloor()));
        root.put("pipelineP1EventsPerSec", Math.round(figures.pipelineP1().eventsPerSecond()));
        root.put("pipelineP1Ratio", ratio(figures.pipelineP1().eventsPerSecond(), figures));
        root.put("pipelineP2EventsPerSec", Math.round(figures.pipelineP2().eventsPerSecond()));
        root.put("pipelineP2Ratio", ratio(figures.pipelineP2().eventsPerSecond(), figures));
        root.put("kafkaEndToEndEventsPerSec", Math.round(figures.kafkaEndToEnd()));
        root.put("kafkaEndToEndRatio", ratio(figures.kafkaEndToEnd(), figures));
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

    private static double ratio(double rate, Figures figures) {
        return Math.round(rate / figures.parseFloor() * 1000) / 1000.0;
    }
}
