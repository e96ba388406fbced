package io.outagewatch.progress;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One line of progress, {@code title: status · 0:48 elapsed}, shown each time {@link #tick()} is
 * called and once more, for good, by {@link #finish()}.
 *
 * <p>On a {@link Display#TERMINAL terminal} every tick rewrites the line in place ({@code \r}, the
 * text, clear to the end of the line), cut to the terminal's width so it never wraps, and the
 * finish ends it with a newline. Elsewhere the first tick at or after each multiple of {@link
 * #PLAIN_EVERY} since the start prints the line as a whole line, and the finish prints the last
 * one: a log gets one line every ten seconds, on the tens, and the final state.
 *
 * <p>Lines written through {@link #linesAbove} appear above the progress line, never through it.
 * Ticks, lines above and the finish may come from different threads.
 */
final class ProgressLine {

    /** How often a plain (not terminal) progress line is printed. */
    static final Duration PLAIN_EVERY = Duration.ofSeconds(10);

    static final String CLEAR_TO_END_OF_LINE = "\u001b[K";
    static final String ELLIPSIS = "…";

    private final String title;
    private final Supplier<String> status;
    private final PrintStream out;
    private final Display display;
    private final int columns;
    private final LongSupplier nanoTime;
    private final long startNanos;

    private long nextPlainNanos;
    private String drawn = "";
    private boolean finished;

    /**
     * @param status the fields after the title, read on each tick; it must be safe to call from
     *     another thread than the one doing the work
     * @param columns the terminal's width; unused for {@link Display#PLAIN}
     * @param nanoTime the clock that paces the line and measures the elapsed time
     */
    ProgressLine(
            String title,
            Supplier<String> status,
            PrintStream out,
            Display display,
            int columns,
            LongSupplier nanoTime) {
        this.title = Objects.requireNonNull(title, "title");
        this.status = Objects.requireNonNull(status, "status");
        this.out = Objects.requireNonNull(out, "out");
        this.display = Objects.requireNonNull(display, "display");
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be at least 1, got " + columns);
        }
        this.columns = columns;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.startNanos = nanoTime.getAsLong();
        this.nextPlainNanos = startNanos + PLAIN_EVERY.toNanos();
    }

    /** Shows the current status: redrawn on a terminal, a whole line when one is due otherwise. */
    synchronized void tick() {
        if (finished) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (display == Display.TERMINAL) {
            String text = fitted(now);
            if (!text.equals(drawn)) {
                draw(text);
            }
        } else if (now - nextPlainNanos >= 0) {
            while (now - nextPlainNanos >= 0) {
                nextPlainNanos += PLAIN_EVERY.toNanos();
            }
            out.println(text(now));
            out.flush();
        }
    }

    /** Shows the final status and ends the line; ticks after it show nothing. */
    synchronized void finish() {
        if (finished) {
            return;
        }
        finished = true;
        long now = nanoTime.getAsLong();
        if (display == Display.TERMINAL) {
            draw(fitted(now));
            out.print(System.lineSeparator());
        } else {
            out.println(text(now));
        }
        out.flush();
    }

    /**
     * A stream whose lines appear above the progress line: {@code target} may be the stream the
     * progress line is on, or another stream showing on the same terminal. Each complete line goes
     * out when the stream is flushed (a {@code println} flushes it), or when it is closed; the
     * progress line is cleared before and redrawn after. Once the progress line is finished the
     * lines go straight to {@code target}.
     */
    PrintStream linesAbove(PrintStream target) {
        return new PrintStream(new LinesAbove(this, target), true, StandardCharsets.UTF_8);
    }

    /** Prints {@code text}, which ends with a line separator, above the progress line. */
    synchronized void printAbove(PrintStream target, String text) {
        boolean shown = !finished && !drawn.isEmpty();
        if (shown) {
            out.print("\r" + CLEAR_TO_END_OF_LINE);
            out.flush();
        }
        target.print(text);
        target.flush();
        if (shown) {
            String line = drawn;
            drawn = "";
            draw(line);
        }
    }

    private void draw(String text) {
        out.print("\r" + text + CLEAR_TO_END_OF_LINE);
        out.flush();
        drawn = text;
    }

    private String text(long now) {
        return title + ": " + fields(now);
    }

    private String fields(long now) {
        return ProgressText.join(
                status.get(), ProgressText.elapsed(Duration.ofNanos(now - startNanos)));
    }

    /**
     * The line as it fits the terminal, leaving the last column free (some terminals wrap on it):
     * whole; else without the title; else cut, ending in an ellipsis.
     */
    private String fitted(long now) {
        int width = Math.max(1, columns - 1);
        String fields = fields(now);
        String whole = title + ": " + fields;
        if (whole.length() <= width) {
            return whole;
        }
        if (fields.length() <= width) {
            return fields;
        }
        return fields.substring(0, width - 1) + ELLIPSIS;
    }
}
