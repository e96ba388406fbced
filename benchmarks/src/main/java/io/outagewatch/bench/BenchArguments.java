package io.outagewatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of {@code bin/outagewatch bench}: a benchmark name, {@code --json}, and the
 * options that benchmark takes, each with its default.
 */
record BenchArguments(
        String benchmark,
        boolean json,
        long events,
        List<Integer> keys,
        WarmUps warmUps,
        int runs,
        int rate,
        Path train,
        Path test) {

    static final String THROUGHPUT = "throughput";
    static final String LATENCY = "latency";
    static final String SCENARIOS = "scenarios";
    static final String ESTIMATES = "estimates";

    static final long DEFAULT_EVENTS = 1_000_000;
    static final List<Integer> DEFAULT_KEYS = List.of(10, 1_000, 100_000);

    /**
     * Full-size runs before the measured ones, in process and end to end: until the rate levels,
     * since it rises for several runs on 2 cores while the JIT compiles the job
     * (docs/benchmarks.md).
     */
    static final WarmUps DEFAULT_WARM_UPS = WarmUps.UNTIL_LEVEL;

    static final int DEFAULT_RUNS = 20;
    static final int DEFAULT_RATE = 20_000;

    private static final Map<String, Set<String>> OPTIONS =
            Map.of(
                    THROUGHPUT, Set.of("--events", "--keys", "--warm-ups"),
                    LATENCY, Set.of("--runs", "--rate"),
                    SCENARIOS, Set.of(),
                    ESTIMATES, Set.of("--train", "--test"));

    /** A command line that does not parse; the message names the bad part. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static BenchArguments parse(String... args) throws UsageException {
        if (args.length == 0) {
            throw new UsageException("which benchmark?");
        }
        String benchmark = args[0];
        Set<String> allowed = OPTIONS.get(benchmark);
        if (allowed == null) {
            throw new UsageException("unknown benchmark: " + benchmark);
        }
        boolean json = false;
        long events = DEFAULT_EVENTS;
        List<Integer> keys = DEFAULT_KEYS;
        WarmUps warmUps = DEFAULT_WARM_UPS;
        int runs = DEFAULT_RUNS;
        int rate = DEFAULT_RATE;
        Path train = null;
        Path test = null;
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--json")) {
                json = true;
                continue;
            }
            if (!allowed.contains(option)) {
                throw new UsageException("bench " + benchmark + " has no option " + option);
            }
            if (i + 1 >= args.length) {
                throw new UsageException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--events" -> events = positive(option, value);
                case "--keys" -> keys = keyList(value);
                case "--warm-ups" ->
                        warmUps = WarmUps.exactly(Math.toIntExact(positive(option, value)));
                case "--runs" -> runs = Math.toIntExact(positive(option, value));
                case "--rate" -> rate = Math.toIntExact(positive(option, value));
                case "--train" -> train = readableFile(option, value);
                case "--test" -> test = readableFile(option, value);
                default -> throw new IllegalStateException("unhandled option " + option);
            }
        }
        return new BenchArguments(benchmark, json, events, keys, warmUps, runs, rate, train, test);
    }

    /**
     * The key count the rates are measured at: the middle of the sweep (1,000 by default), so
     * neither a handful of keys nor the largest sweep point decides them.
     */
    int rateKeys() {
        return keys.get((keys.size() - 1) / 2);
    }

    private static List<Integer> keyList(String value) throws UsageException {
        List<Integer> keys = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            keys.add(Math.toIntExact(positive("--keys", part.strip())));
        }
        List<Integer> sorted = keys.stream().sorted().distinct().toList();
        if (!sorted.equals(keys)) {
            throw new UsageException("--keys must be increasing: " + value);
        }
        return List.copyOf(keys);
    }

    private static Path readableFile(String option, String value) throws UsageException {
        Path file = Path.of(value);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UsageException(option + " must name a readable file, got " + value);
        }
        return file;
    }

    private static long positive(String option, String value) throws UsageException {
        try {
            long parsed = Long.parseLong(value.replace("_", ""));
            if (parsed > 0 && parsed <= Integer.MAX_VALUE) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " must be a whole number from 1, got " + value);
    }
}
