package io.outagewatch.bench;

import io.outagewatch.events.Parsed;
import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.events.SocialReportSerde;
import java.util.Arrays;

/**
 * The parse floor: one thread turning the benchmark's JSON lines into the same records with the
 * events module's serdes (Jackson) and nothing else. No pipeline can beat it on one core.
 */
final class ParseFloor {

    /** Passes over the lines; the median pass counts, after one pass of warm-up. */
    static final int PASSES = 3;

    private ParseFloor() {}

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
