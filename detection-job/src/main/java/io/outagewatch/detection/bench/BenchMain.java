package io.outagewatch.detection.bench;

import java.io.PrintStream;
import java.util.List;

/** {@code bin/outagewatch bench BENCHMARK [--json]}: benchmarks that print their figures. */
public final class BenchMain {

    static final String USAGE =
            "usage: bin/outagewatch bench scenarios [--json]\n\n"
                    + "  scenarios   replay the scenario suite and print detection delay, onset,"
                    + " recovery,\n"
                    + "              duration and estimate errors, and false alarms per day\n\n"
                    + "Throughput, latency and state-size benchmarks come with issue #7.";

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        boolean json = arguments.contains("--json");
        List<String> rest = arguments.stream().filter(a -> !a.equals("--json")).toList();
        if (rest.equals(List.of("scenarios"))) {
            return ScenarioAccuracy.run(json, out, err);
        }
        err.println("bench: unknown benchmark or option: " + String.join(" ", rest));
        err.println(USAGE);
        return 2;
    }
}
