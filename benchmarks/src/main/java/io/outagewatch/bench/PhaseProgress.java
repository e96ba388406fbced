package io.outagewatch.bench;

import io.outagewatch.progress.Display;
import io.outagewatch.progress.ProgressReporter;
import io.outagewatch.progress.ProgressText;
import java.io.PrintStream;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a benchmark phase is doing, for its progress line: its current step, and how far through the
 * step's work it is. The phase writes it from its threads; the line reads it from its own.
 */
final class PhaseProgress {

    /** A phase's work, told where to report how far it has got. */
    @FunctionalInterface
    interface Work<T> {
        T run(PhaseProgress progress) throws Exception;
    }

    // Added to per record by several source threads at once: a LongAdder keeps them off one cache
    // line, so the count costs the measured pipeline next to nothing.
    private final LongAdder done = new LongAdder();
    private volatile String step = "starting";
    private volatile long total;
    private volatile String unit = "";

    /** Runs {@code work} with its progress shown on {@code err} under {@code title}. */
    static <T> T report(String title, PrintStream err, Work<T> work) throws Exception {
        PhaseProgress progress = new PhaseProgress();
        try (ProgressReporter line =
                ProgressReporter.start(title, progress::describe, err, Display.stderr())) {
            return work.run(progress);
        }
    }

    /** A step with nothing to count. */
    void step(String name) {
        step(name, 0, "");
    }

    /** A step of {@code total} {@code unit} to get through, none done yet. */
    void step(String name, long total, String unit) {
        done.reset();
        this.total = total;
        this.unit = unit;
        this.step = name;
    }

    void add(long count) {
        done.add(count);
    }

    void set(long count) {
        done.reset();
        done.add(count);
    }

    /** {@code producing · 412,000 / 1,000,000 records (41 %)}, or the step alone. */
    String describe() {
        return total > 0
                ? ProgressText.join(step, ProgressText.ofTotal(done.sum(), total, unit))
                : step;
    }
}
