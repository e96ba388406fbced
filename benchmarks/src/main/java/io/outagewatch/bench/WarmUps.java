package io.outagewatch.bench;

import java.util.List;
import java.util.Locale;

/**
 * How many full-size runs warm a job up before the measured ones: a fixed number ({@code --warm-ups
 * N}), or, by default, runs until the rate stops rising for two runs in a row. On 2 cores one C2
 * thread compiles beside the job's task threads, and how many runs that takes differs by machine
 * and by code: consecutive in-process runs rose for five to six runs on 2026-12-06 (110,000,
 * 176,000, 229,000, 243,000, 247,000, 261,000 events/s), where three had sufficed on 2026-12-05.
 *
 * @param least runs always made
 * @param most runs never exceeded, however the rate moves
 */
record WarmUps(int least, int most) {

    /** A run that beats every earlier one by no more than this share did not rise. */
    static final double LEVEL = 0.03;

    /** The default: at least three runs, then until the rate levels, at most eight. */
    static final WarmUps UNTIL_LEVEL = new WarmUps(3, 8);

    WarmUps {
        if (least < 0 || most < least) {
            throw new IllegalArgumentException("warm-ups from " + least + " to " + most);
        }
    }

    /** Exactly {@code runs} runs. */
    static WarmUps exactly(int runs) {
        return new WarmUps(runs, runs);
    }

    /**
     * Whether to warm up once more, given the rates of the warm-up runs so far, in order: until two
     * runs in a row have each beaten every run before them by no more than {@link #LEVEL}. One such
     * run is not enough: the rate can stall for a run while the JIT is still compiling.
     */
    boolean another(List<Double> rates) {
        if (rates.size() < least) {
            return true;
        }
        if (rates.size() >= most) {
            return false;
        }
        int last = rates.size() - 1;
        return last < 2 || !(isLevel(rates, last) && isLevel(rates, last - 1));
    }

    /** Whether run {@code run} beat every run before it by no more than {@link #LEVEL}. */
    private static boolean isLevel(List<Double> rates, int run) {
        double bestBefore =
                rates.subList(0, run).stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return rates.get(run) <= bestBefore * (1 + LEVEL);
    }

    /** The phase title of warm-up run {@code run} (from 1) of {@code what}. */
    String phase(String what, int run) {
        return least == most
                ? String.format(
                        Locale.ROOT, "bench throughput, %s warm-up (run %d of %d)", what, run, most)
                : String.format(
                        Locale.ROOT,
                        "bench throughput, %s warm-up (run %d, until the rate levels, at most %d)",
                        what,
                        run,
                        most);
    }
}
