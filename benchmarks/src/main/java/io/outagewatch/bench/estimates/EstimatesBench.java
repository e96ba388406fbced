package io.outagewatch.bench.estimates;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outagewatch.detection.estimate.CorpusIncident;
import io.outagewatch.detection.estimate.IncidentCorpus;
import io.outagewatch.progress.Display;
import io.outagewatch.progress.ProgressReporter;
import io.outagewatch.progress.ProgressText;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code bin/outagewatch bench estimates [--train FILE] [--test FILE] [--json]}: the duration
 * model's estimates of the time remaining, backtested on a time split and on held-out services,
 * next to the detector's former 14-incident prior ({@code io.outagewatch.bench.estimates.prior}).
 */
public final class EstimatesBench {

    /**
     * The evaluations, as printed and as they appear in the JSON.
     *
     * @param timeSplit fitted on the earlier part, scored on the later, histories learned online
     * @param heldOutServices each service scored by a model fitted to the others, its history
     *     learned online from nothing
     * @param heldOutFirstIncidents the same, every incident estimated as its service's first
     */
    record Report(
            EstimateBacktest.Result timeSplit,
            EstimateBacktest.Result heldOutServices,
            EstimateBacktest.Result heldOutFirstIncidents) {}

    private EstimatesBench() {}

    /**
     * Runs the backtest; {@code train} and {@code test} are corpus files, each null for its part of
     * the bundled corpus split by time ({@link CorpusSplit}).
     */
    public static int run(Path train, Path test, boolean json, PrintStream out, PrintStream err)
            throws Exception {
        CorpusSplit bundled =
                train == null || test == null ? CorpusSplit.byTime(IncidentCorpus.bundled()) : null;
        List<CorpusIncident> trainIncidents =
                train == null ? bundled.train() : IncidentCorpus.read(train);
        List<CorpusIncident> testIncidents =
                test == null ? bundled.test() : IncidentCorpus.read(test);
        Report report = evaluate(trainIncidents, testIncidents, err);
        printTables(report, out);
        if (json) {
            out.println(toJson(report));
        }
        return 0;
    }

    /** Both evaluations, with their progress on {@code err}. */
    static Report evaluate(List<CorpusIncident> train, List<CorpusIncident> test, PrintStream err)
            throws Exception {
        AtomicReference<String> step = new AtomicReference<>("time split");
        AtomicInteger replayed = new AtomicInteger();
        try (ProgressReporter progress =
                ProgressReporter.start(
                        "bench estimates",
                        () -> ProgressText.join(step.get(), replayed.get() + " incidents scored"),
                        err,
                        Display.stderr())) {
            EstimateBacktest.Result timeSplit =
                    EstimateBacktest.timeSplit(train, test, replayed::set);
            step.set("held-out services");
            replayed.set(0);
            List<CorpusIncident> all = new ArrayList<>(train);
            all.addAll(test);
            List<EstimateBacktest.Result> heldOut =
                    EstimateBacktest.heldOutServices(all, replayed::set);
            return new Report(timeSplit, heldOut.get(0), heldOut.get(1));
        }
    }

    private static void printTables(Report report, PrintStream out) {
        EstimateBacktest.Result split = report.timeSplit();
        out.printf(
                "Time split: fitted on %,d incidents, scored on %,d later ones of %d services%n%n",
                split.train(), split.test(), split.services());
        printTable(split, out);
        EstimateBacktest.Result heldOut = report.heldOutServices();
        out.printf(
                "%nHeld-out services: each of %d services scored with a model fitted to the"
                        + " others, %,d incidents%n%n",
                heldOut.services(), heldOut.test());
        printTable(heldOut, out);
        out.printf(
                "%nHeld-out services, every incident estimated as its service's first (no"
                        + " history)%n%n");
        printTable(report.heldOutFirstIncidents(), out);
    }

    private static void printTable(EstimateBacktest.Result result, PrintStream out) {
        out.println(
                "| checkpoint | n open | coverage 10–90 % | median abs log error"
                        + " | median abs error | baseline coverage | baseline abs log error"
                        + " | baseline abs error | hindsight floor abs log error |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < result.model().size(); i++) {
            CheckpointScore model = result.model().get(i);
            CheckpointScore baseline = result.baseline().get(i);
            out.printf(
                    "| %s | %d | %s | %s | %s | %s | %s | %s | %s |%n",
                    model.at(),
                    model.n(),
                    decimal(model.coverage()),
                    decimal(model.medianAbsLogError()),
                    minutes(model.medianAbsErrorSeconds()),
                    decimal(baseline.coverage()),
                    decimal(baseline.medianAbsLogError()),
                    minutes(baseline.medianAbsErrorSeconds()),
                    decimal(result.hindsightFloor().get(i)));
        }
    }

    /**
     * One line: {@code {"train", "test", "checkpoints": [...], "baseline": {"checkpoints": [...]}}}
     * for the time split, then {@code "heldOutServices"} with the same keys (and {@code services})
     * for the held-out services. A figure of a checkpoint with no open incident is null.
     */
    static String toJson(Report report) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        putResult(root, report.timeSplit());
        ObjectNode heldOut = root.putObject("heldOutServices");
        heldOut.put("services", report.heldOutServices().services());
        putResult(heldOut, report.heldOutServices());
        ObjectNode firstIncidents = root.putObject("heldOutFirstIncidents");
        firstIncidents.put("services", report.heldOutFirstIncidents().services());
        putResult(firstIncidents, report.heldOutFirstIncidents());
        return root.toString();
    }

    private static void putResult(ObjectNode node, EstimateBacktest.Result result) {
        node.put("train", result.train());
        node.put("test", result.test());
        putCheckpoints(node, result.model());
        putCheckpoints(node.putObject("baseline"), result.baseline());
    }

    private static void putCheckpoints(ObjectNode node, List<CheckpointScore> scores) {
        ArrayNode checkpoints = node.putArray("checkpoints");
        for (CheckpointScore score : scores) {
            ObjectNode checkpoint = checkpoints.addObject();
            checkpoint.put("at", score.at());
            checkpoint.put("n", score.n());
            putRounded(checkpoint, "coverage", score.coverage(), 1000);
            putRounded(checkpoint, "medianAbsLogError", score.medianAbsLogError(), 1000);
            if (Double.isNaN(score.medianAbsErrorSeconds())) {
                checkpoint.putNull("medianAbsErrorSeconds");
            } else {
                checkpoint.put("medianAbsErrorSeconds", Math.round(score.medianAbsErrorSeconds()));
            }
        }
    }

    private static void putRounded(ObjectNode node, String field, double value, double scale) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else {
            node.put(field, Math.round(value * scale) / scale);
        }
    }

    private static String decimal(double value) {
        return Double.isNaN(value) ? "—" : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String minutes(double seconds) {
        return Double.isNaN(seconds) ? "—" : String.format(Locale.ROOT, "%.0f min", seconds / 60);
    }
}
