package io.outagewatch.detection.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The command line of {@code bin/outagewatch replay}, checked before anything runs. */
public record ReplayArguments(
        Optional<Path> probes,
        Optional<Path> reports,
        Optional<Path> status,
        Path catalog,
        Path out,
        Optional<Path> deadLetters,
        Optional<Path> config,
        Optional<Path> signals) {

    public static final String USAGE =
            String.join(
                    "\n",
                    "usage: bin/outagewatch replay [--probes P.jsonl[.gz]] [--reports R.jsonl[.gz]]"
                            + " [--status S.jsonl] --catalog C.json --out alerts.jsonl"
                            + " [--dead-letters D.jsonl] [--signals S.jsonl] [--config FILE]",
                    "",
                    "Runs the detection pipeline over JSON-lines files, deterministically: the same"
                            + " input gives byte-identical output.",
                    "--signals writes each decided service minute's signals (topic service-signals)"
                            + " there.",
                    "At least one of --probes and --reports is needed. Exit 0 on success, 2 on bad"
                            + " usage or unreadable files.");

    /** A usage problem, reported with exit code 2. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    public static ReplayArguments parse(String[] args) throws UsageException {
        Path probes = null;
        Path reports = null;
        Path status = null;
        Path catalog = null;
        Path out = null;
        Path deadLetters = null;
        Path config = null;
        Path signals = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new UsageException("missing value after " + flag);
            }
            Path value = Path.of(args[++i]);
            switch (flag) {
                case "--probes" -> probes = value;
                case "--reports" -> reports = value;
                case "--status" -> status = value;
                case "--catalog" -> catalog = value;
                case "--out" -> out = value;
                case "--dead-letters" -> deadLetters = value;
                case "--config" -> config = value;
                case "--signals" -> signals = value;
                default -> throw new UsageException("unknown option " + flag);
            }
        }
        if (probes == null && reports == null) {
            throw new UsageException("give --probes, --reports or both");
        }
        if (catalog == null) {
            throw new UsageException("--catalog is required");
        }
        if (out == null) {
            throw new UsageException("--out is required");
        }
        List<String> unreadable = new ArrayList<>();
        for (Path input : new Path[] {probes, reports, status, catalog, config}) {
            if (input != null && !Files.isReadable(input)) {
                unreadable.add(input.toString());
            }
        }
        if (!unreadable.isEmpty()) {
            throw new UsageException("cannot read " + String.join(", ", unreadable));
        }
        return new ReplayArguments(
                Optional.ofNullable(probes),
                Optional.ofNullable(reports),
                Optional.ofNullable(status),
                catalog,
                out,
                Optional.ofNullable(deadLetters),
                Optional.ofNullable(config),
                Optional.ofNullable(signals));
    }
}
