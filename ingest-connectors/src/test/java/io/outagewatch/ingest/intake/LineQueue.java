package io.outagewatch.ingest.intake;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A print stream whose complete lines tests can wait for, with a deadline instead of a sleep. */
final class LineQueue extends OutputStream {

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();

    PrintStream printStream() {
        return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            lines.add(partial.toString(StandardCharsets.UTF_8));
            partial.reset();
        } else {
            partial.write(b);
        }
    }

    /**
     * @return the first line, from the ones not yet taken, that matches
     * @throws AssertionError naming the lines seen if none matches within the deadline
     */
    String await(Predicate<String> matching, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (true) {
            long left = end - System.nanoTime();
            String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
            if (line == null) {
                throw new AssertionError("no matching line within " + deadline + "; saw " + seen);
            }
            seen.add(line);
            if (matching.test(line)) {
                return line;
            }
        }
    }

    /** Every line seen so far, taken or not. */
    String all() {
        List<String> all = new ArrayList<>(seen);
        all.addAll(lines);
        return String.join("\n", all) + "\n" + partial.toString(StandardCharsets.UTF_8);
    }
}
