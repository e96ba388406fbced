package io.outagewatch.progress;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of {@link ProgressLine#linesAbove}: gathered until a flush, then their complete lines
 * are printed above the progress line in one go; a line without its end waits for the rest.
 */
final class LinesAbove extends OutputStream {

    private final ProgressLine line;
    private final PrintStream target;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    LinesAbove(ProgressLine line, PrintStream target) {
        this.line = line;
        this.target = target;
    }

    @Override
    public synchronized void write(int b) {
        pending.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        pending.write(bytes, offset, length);
    }

    @Override
    public synchronized void flush() {
        byte[] bytes = pending.toByteArray();
        int end = lastNewline(bytes) + 1;
        if (end == 0) {
            return;
        }
        pending.reset();
        pending.write(bytes, end, bytes.length - end);
        line.printAbove(target, new String(bytes, 0, end, StandardCharsets.UTF_8));
    }

    /** Prints a last line even without its end. */
    @Override
    public synchronized void close() {
        flush();
        if (pending.size() > 0) {
            line.printAbove(
                    target, pending.toString(StandardCharsets.UTF_8) + System.lineSeparator());
            pending.reset();
        }
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
