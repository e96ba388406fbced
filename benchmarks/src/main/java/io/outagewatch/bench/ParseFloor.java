package io.outagewatch.bench;

import io.outagewatch.events.Parsed;
import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.events.SocialReportSerde;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The parse floor: one thread turning the benchmark's JSON lines into the same records with the
 * events module's serdes (Jackson) and nothing else. No pipeline can beat it on one core.
 *
 * <p>Besides the floor at the start, in the benchmark's own JVM, the floor is taken again in a
 * fresh JVM of the same heap just before and just after each measured phase ({@link #inFreshJvm}):
 * this machine's speed drifts by up to 40 % within minutes, so a phase is compared with the floor
 * of its own minutes. A fresh JVM, because a floor pass in the benchmark's JVM after the pipeline
 * has run is 25–40 % slower than alone (its parse code compiled for the pipeline's mix), which
 * would flatter every ratio.
 */
final class ParseFloor {

    /** Passes over the lines; the median pass counts, after one pass of warm-up. */
    static final int PASSES = 3;

    /** A fresh JVM's floor of a million lines takes about 15 s; this bounds a stuck one. */
    static final Duration FRESH_JVM_TIMEOUT = Duration.ofMinutes(5);

    private ParseFloor() {}

    /**
     * The floor of a fresh JVM, printed as one number on standard output: the benchmark's lines of
     * {@code args[0]} pairs and {@code args[1]} events, made as the benchmark makes them.
     */
    public static void main(String[] args) {
        SyntheticTraffic.Lines lines =
                ThroughputBench.lines(Integer.parseInt(args[0]), Long.parseLong(args[1]));
        double rate = eventsPerSecond(lines, new PhaseProgress());
        System.out.println(String.format(Locale.ROOT, "%.1f", rate));
    }

    /**
     * The floor measured by {@link #main} in a new JVM of this one's heap and collector settings,
     * on the lines of {@code keys} pairs and {@code events} events; its standard error goes to
     * {@code log}, its standard output to the file beside it named {@code log} plus {@code .out}.
     *
     * @throws IllegalStateException if the JVM fails, prints no rate, or outlives {@link
     *     #FRESH_JVM_TIMEOUT}
     */
    static double inFreshJvm(int keys, long events, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String argument : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // Heap and collector settings only: no agents, debuggers or recordings twice over.
            if (argument.startsWith("-Xm") || argument.startsWith("-XX:")) {
                command.add(argument);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ParseFloor.class.getName());
        command.add(String.valueOf(keys));
        command.add(String.valueOf(events));
        // Both streams to files, so a JVM that hangs is caught by the timeout, not by a read.
        Path output = log.resolveSibling(log.getFileName() + ".out");
        Process process =
                new ProcessBuilder(command)
                        .redirectOutput(output.toFile())
                        .redirectError(log.toFile())
                        .start();
        try {
            process.getOutputStream().close();
            if (!process.waitFor(FRESH_JVM_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(
                        "the fresh JVM's parse floor took over " + FRESH_JVM_TIMEOUT);
            }
            List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0 || lines.isEmpty()) {
                throw new IllegalStateException(
                        "the fresh JVM's parse floor ended with exit code "
                                + process.exitValue()
                                + "; its standard error: "
                                + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
            return Double.parseDouble(lines.get(lines.size() - 1));
        } finally {
            process.destroyForcibly();
        }
    }

    /** Events per second of the median pass. */
    static double eventsPerSecond(SyntheticTraffic.Lines lines, PhaseProgress progress) {
        progress.step("parsing, one pass to warm up", (PASSES + 1) * lines.events(), "lines");
        onePass(lines);
        progress.add(lines.events());
        double[] rates = new double[PASSES];
        for (int pass = 0; pass < PASSES; pass++) {
            rates[pass] = onePass(lines);
            progress.add(lines.events());
        }
        Arrays.sort(rates);
        return Stats.median(rates);
    }

    /** Events per second of one pass over the lines. */
    static double onePass(SyntheticTraffic.Lines lines) {
        long begin = System.nanoTime();
        long valid = parseAll(lines);
        long elapsed = System.nanoTime() - begin;
        if (valid != lines.events()) {
            throw new IllegalStateException(
                    (lines.events() - valid) + " benchmark lines do not parse");
        }
        return lines.events() * 1e9 / elapsed;
    }

    private static long parseAll(SyntheticTraffic.Lines lines) {
        long valid = 0;
        PackedLines probes = lines.probes();
        for (int i = 0; i < probes.size(); i++) {
            if (ProbeResultSerde.INSTANCE.parse(probes.payload(i)) instanceof Parsed.Ok<?>) {
                valid++;
            }
        }
        PackedLines reports = lines.reports();
        for (int i = 0; i < reports.size(); i++) {
            if (SocialReportSerde.INSTANCE.parse(reports.payload(i)) instanceof Parsed.Ok<?>) {
                valid++;
            }
        }
        return valid;
    }
}
