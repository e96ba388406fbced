package io.outagewatch.bench;

import io.outagewatch.bench.estimates.EstimatesBench;
import java.io.PrintStream;
import java.util.List;

/** {@code bin/outagewatch bench BENCHMARK [options] [--json]}: benchmarks that print figures. */
public final class BenchMain {

    static final String USAGE =
            """
            usage: bin/outagewatch bench throughput [--events N] [--keys K,K,...] [--warm-ups N] [--json]
                   bin/outagewatch bench latency [--runs N] [--rate EVENTS_PER_SEC] [--json]
                   bin/outagewatch bench scenarios [--json]
                   bin/outagewatch bench estimates [--train FILE] [--test FILE] [--json]

              throughput  the parse floor (one thread, Jackson), the detection pipeline in this
                          JVM at parallelism 1 and 2, Kafka -> job -> Kafka on the embedded
                          broker, each against the floor (at the middle --keys value); then
                          checkpointed state and heap per (service, region) pair for each --keys
                          value; --warm-ups full-size runs before the measured ones
                          (default: until two runs in a row beat the earlier ones by at
                          most 3 %, 3 to 8 runs). Defaults: --events 1000000
                          --keys 10,1000,100000
              latency     live job on the embedded broker under background load: time from the
                          first failing probe of an outage to its committed OUTAGE_STARTED.
                          Defaults: --runs 20 --rate 20000
              scenarios   replay the scenario suite: detection delay, onset, recovery, duration
                          and estimate errors, false alarms per day
              estimates   backtest of the duration estimates (time remaining at start, 30m, 1h,
                          2h, identified, monitoring) against today's 14-incident prior: fitted
                          on --train, scored on --test (incident-corpus JSON lines, plain or
                          gzip), then on each service held out of the fit in turn. Defaults: the
                          bundled corpus, earlier three quarters to train, the rest to test

              --json      end with one line of JSON holding the figures
            """;

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE_ERROR = 2;

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.print(USAGE);
            return OK;
        }
        BenchArguments arguments;
        try {
            arguments = BenchArguments.parse(args);
        } catch (BenchArguments.UsageException e) {
            err.println("bench: " + e.getMessage());
            err.print(USAGE);
            return USAGE_ERROR;
        }
        return switch (arguments.benchmark()) {
            case BenchArguments.THROUGHPUT -> ThroughputBench.run(arguments, out, err);
            case BenchArguments.LATENCY -> LatencyBench.run(arguments, out, err);
            case BenchArguments.SCENARIOS -> ScenarioAccuracy.run(arguments.json(), out, err);
            case BenchArguments.ESTIMATES ->
                    EstimatesBench.run(
                            arguments.train(), arguments.test(), arguments.json(), out, err);
            default -> throw new IllegalStateException("unhandled " + arguments.benchmark());
        };
    }
}
