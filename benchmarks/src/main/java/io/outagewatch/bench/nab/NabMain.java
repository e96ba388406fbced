package io.outagewatch.bench.nab;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code bin/outagewatch nab}: runs {@link NabDetector} over a NAB corpus and scores it, or scores
 * existing NAB result files, with {@link NabScorer}. Exit 0 on success, 1 when files are missing or
 * unreadable, 2 on a usage error.
 */
public final class NabMain {

    static final String USAGE =
            "usage: bin/outagewatch nab --data DIR --labels FILE [--profiles FILE] --out DIR"
                    + " [--json]\n"
                    + "       bin/outagewatch nab --score-only --results DIR --labels FILE"
                    + " [--profiles FILE]\n"
                    + "                           [--detector NAME] [--json]\n\n"
                    + "  --data DIR        NAB data folder (<category>/<name>.csv, timestamp,value)\n"
                    + "  --labels FILE     NAB labels/combined_windows.json\n"
                    + "  --profiles FILE   NAB config/profiles.json (default: NAB's three"
                    + " profiles)\n"
                    + "  --out DIR         where to write outagewatch/<category>/outagewatch_<name>"
                    + ".csv\n"
                    + "  --score-only      score existing results instead of running the"
                    + " detector\n"
                    + "  --results DIR     a folder of detector folders"
                    + " (<detector>/<category>/<detector>_<name>.csv),\n"
                    + "                    or one detector folder\n"
                    + "  --detector NAME   score only this detector of --results\n"
                    + "  --json            end with one JSON line per detector (standard,"
                    + " reward_low_FP_rate,\n"
                    + "                    reward_low_FN_rate, thresholds, raw scores)";

    private static final Set<String> VALUED =
            Set.of("--data", "--labels", "--profiles", "--out", "--results", "--detector");
    private static final Set<String> SWITCHES = Set.of("--json", "--score-only");

    private static final ObjectMapper JSON = new ObjectMapper();

    private NabMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    out.println(USAGE);
                    return 0;
                }
                if (SWITCHES.contains(a)) {
                    options.put(a, "");
                } else if (VALUED.contains(a)) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new UsageException(a + " needs a value");
                    }
                    options.put(a, args[++i]);
                } else {
                    throw new UsageException("unknown argument: " + a);
                }
            }
            boolean scoreOnly = options.containsKey("--score-only");
            require(options, "--labels");
            if (scoreOnly) {
                require(options, "--results");
                forbid(options, "--data", "--out");
            } else {
                require(options, "--data");
                require(options, "--out");
                forbid(options, "--results", "--detector");
            }
        } catch (UsageException e) {
            err.println("nab: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            boolean json = options.containsKey("--json");
            Path labels = Path.of(options.get("--labels"));
            List<NabProfile> profiles =
                    options.containsKey("--profiles")
                            ? NabProfile.read(Path.of(options.get("--profiles")))
                            : NabProfile.DEFAULTS;
            NabWindows windows = NabWindows.read(labels);
            Map<String, List<NabScorer.Annotated>> detectors = new LinkedHashMap<>();
            if (options.containsKey("--score-only")) {
                Path results = Path.of(options.get("--results"));
                for (Map.Entry<String, Path> d :
                        detectorDirs(results, options.get("--detector")).entrySet()) {
                    detectors.put(d.getKey(), readResults(d.getValue(), d.getKey(), windows));
                }
            } else {
                detectors.put(
                        NabDetector.NAME,
                        runDetector(
                                Path.of(options.get("--data")),
                                labels,
                                Path.of(options.get("--out")),
                                err));
            }
            List<String> jsonLines = new ArrayList<>();
            for (Map.Entry<String, List<NabScorer.Annotated>> d : detectors.entrySet()) {
                List<NabScorer.ProfileScore> scores =
                        NabScorer.score(d.getValue(), windows.windowCount(), profiles);
                out.printf(
                        Locale.ROOT,
                        "%s: %d files, %d windows%n",
                        d.getKey(),
                        d.getValue().size(),
                        windows.windowCount());
                for (NabScorer.ProfileScore s : scores) {
                    out.printf(
                            Locale.ROOT,
                            "  %-20s %7.2f   threshold %.6f   raw %.4f (null %.1f, perfect"
                                    + " %.1f)%n",
                            s.profile(),
                            s.normalized(),
                            s.threshold(),
                            s.rawScore(),
                            s.nullScore(),
                            s.perfectScore());
                }
                jsonLines.add(json(d.getKey(), d.getValue().size(), windows, scores));
            }
            if (json) {
                jsonLines.forEach(out::println);
            }
            return 0;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            err.println("nab: " + e.getMessage());
            return 1;
        }
    }

    private static void require(Map<String, String> options, String key) throws UsageException {
        if (!options.containsKey(key)) {
            throw new UsageException("missing " + key);
        }
    }

    private static void forbid(Map<String, String> options, String... keys) throws UsageException {
        for (String key : keys) {
            if (options.containsKey(key)) {
                throw new UsageException(
                        key
                                + (options.containsKey("--score-only")
                                        ? " does not go with --score-only"
                                        : " needs --score-only"));
            }
        }
    }

    /** The detector folders under {@code results}, or {@code results} itself if it is one. */
    static Map<String, Path> detectorDirs(Path results, String only) throws IOException {
        if (!Files.isDirectory(results)) {
            throw new IOException("results folder not found: " + results);
        }
        Map<String, Path> found = new LinkedHashMap<>();
        if (NabResults.isDetectorDir(results)) {
            found.put(results.getFileName().toString(), results);
        } else {
            try (var dirs = Files.list(results)) {
                for (Path d : dirs.sorted().toList()) {
                    if (NabResults.isDetectorDir(d)) {
                        found.put(d.getFileName().toString(), d);
                    }
                }
            }
        }
        if (only != null) {
            Path d = found.get(only);
            if (d == null) {
                throw new IOException("no results of detector " + only + " in " + results);
            }
            return Map.of(only, d);
        }
        if (found.isEmpty()) {
            throw new IOException(
                    "no result files (<detector>/<category>/<detector>_<name>.csv) in " + results);
        }
        return found;
    }

    static List<NabScorer.Annotated> readResults(Path dir, String detector, NabWindows windows)
            throws IOException {
        List<NabScorer.Annotated> files = new ArrayList<>();
        for (String key : windows.files()) {
            Path file = NabResults.resultFile(dir, detector, key);
            if (!Files.isRegularFile(file)) {
                throw new IOException("result file missing: " + file);
            }
            NabResults.Series s = NabResults.read(file, "anomaly_score");
            files.add(
                    NabScorer.annotate(
                            key, s.timestamps(), s.anomalyScores(), windows.windowsOf(key)));
        }
        return files;
    }

    static List<NabScorer.Annotated> runDetector(Path data, Path labels, Path out, PrintStream err)
            throws IOException {
        NabCorpus corpus = NabCorpus.read(data, labels);
        Path detectorDir = out.resolve(NabDetector.NAME);
        List<NabScorer.Annotated> files = new ArrayList<>();
        for (NabCorpus.DataFile f : corpus.files()) {
            double[] scores = NabDetector.score(f.timestamps(), f.values());
            NabResults.write(
                    NabResults.resultFile(detectorDir, NabDetector.NAME, f.key()),
                    f.timestamps(),
                    f.values(),
                    scores,
                    corpus.windows().labels(f.key(), f.timestamps()));
            files.add(
                    NabScorer.annotate(
                            f.key(), f.timestamps(), scores, corpus.windows().windowsOf(f.key())));
        }
        err.println("nab: wrote " + files.size() + " result files under " + detectorDir);
        return files;
    }

    private static String json(
            String detector, int files, NabWindows windows, List<NabScorer.ProfileScore> scores) {
        ObjectNode root = JSON.createObjectNode();
        root.put("detector", detector);
        root.put("files", files);
        root.put("windows", windows.windowCount());
        ObjectNode thresholds = JSON.createObjectNode();
        ObjectNode raw = JSON.createObjectNode();
        for (NabScorer.ProfileScore s : scores) {
            root.put(s.profile(), s.normalized());
            thresholds.put(s.profile(), s.threshold());
            raw.put(s.profile(), s.rawScore());
        }
        root.set("threshold", thresholds);
        root.set("rawScore", raw);
        return root.toString();
    }
}
