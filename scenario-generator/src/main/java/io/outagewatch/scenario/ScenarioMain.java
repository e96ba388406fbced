package io.outagewatch.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/** Command line: writes one named scenario's JSONL files, or lists the names. */
public final class ScenarioMain {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    static final String USAGE_TEXT =
            "usage: scenario --scenario NAME --out DIR [--seed N]\n       scenario --list";

    private ScenarioMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String name = null;
        String outDir = null;
        long seed = ScenarioBuilder.DEFAULT_SEED;
        boolean list = false;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--list")) {
                list = true;
                continue;
            }
            if (!flag.equals("--scenario") && !flag.equals("--out") && !flag.equals("--seed")) {
                return usage(err, "unknown argument " + flag);
            }
            if (i + 1 >= args.length) {
                return usage(err, flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--scenario" -> name = value;
                case "--out" -> outDir = value;
                default -> {
                    try {
                        seed = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        return usage(err, "--seed must be an integer, got " + value);
                    }
                }
            }
        }
        if (list) {
            if (name != null || outDir != null) {
                return usage(err, "--list takes no other arguments");
            }
            Scenarios.names().forEach(out::println);
            return OK;
        }
        if (name == null || outDir == null) {
            return usage(err, "--scenario and --out are required");
        }
        Optional<Scenario> scenario = Scenarios.named(name, seed);
        if (scenario.isEmpty()) {
            return usage(err, "unknown scenario " + name + "; --list shows the names");
        }
        return write(scenario.get(), Path.of(outDir), out, err);
    }

    private static int write(Scenario scenario, Path dir, PrintStream out, PrintStream err) {
        try {
            scenario.writeJsonl(dir);
        } catch (IOException e) {
            err.println("could not write " + scenario.name() + " to " + dir + ": " + e);
            return FAILED;
        }
        out.printf(
                "%s: %d probes, %d reports, %d status updates, %d expected incidents -> %s%n",
                scenario.name(),
                scenario.probes().size(),
                scenario.reports().size(),
                scenario.statusUpdates().size(),
                scenario.expected().size(),
                dir);
        return OK;
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println(USAGE_TEXT);
        return USAGE;
    }
}
