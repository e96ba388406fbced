package io.outagewatch.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A {@link ProgressLine} kept up to date by a daemon thread of its own, every {@link #TICK}, until
 * {@link #close()} stops the thread and finishes the line. The work being reported updates what the
 * status reads (atomics, volatiles) from its own threads; only this thread and the callers of
 * {@link #linesAbove} and {@link #close()} print.
 */
public final class ProgressReporter implements AutoCloseable {

    /** How often the status is read: the redraw rate on a terminal. */
    public static final Duration TICK = Duration.ofMillis(250);

    /** How long {@link #close()} waits for a tick that is printing. */
    static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final ProgressLine line;
    private final ScheduledExecutorService ticker;

    private ProgressReporter(ProgressLine line, String title) {
        this.line = line;
        this.ticker =
                Executors.newSingleThreadScheduledExecutor(
                        task -> {
                            Thread thread = new Thread(task, "progress: " + title);
                            thread.setDaemon(true);
                            return thread;
                        });
        ticker.scheduleAtFixedRate(
                line::tick, TICK.toNanos(), TICK.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Starts reporting {@code title: status · elapsed} on {@code out}, shown as {@code display}
     * says, cut to {@link Display#columns()} on a terminal.
     */
    public static ProgressReporter start(
            String title, Supplier<String> status, PrintStream out, Display display) {
        return new ProgressReporter(
                new ProgressLine(title, status, out, display, Display.columns(), System::nanoTime),
                title);
    }

    /**
     * A stream whose lines appear above the progress line, never through it: {@code target} may be
     * the stream the line is on, or another one showing on the same terminal. Each complete line
     * goes out when the stream is flushed (a {@code println} flushes it); once the reporter is
     * closed, lines go straight to {@code target}.
     */
    public PrintStream linesAbove(PrintStream target) {
        return line.linesAbove(target);
    }

    /** Stops the ticks, then shows the final status and ends the line. */
    @Override
    public void close() {
        ticker.shutdown();
        try {
            ticker.awaitTermination(STOP_WAIT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        line.finish();
    }
}
