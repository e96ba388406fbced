package io.outagewatch.bench;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The JSON lines of one input, packed into one buffer outside the heap with their end offsets. The
 * lines are the benchmark's input, which a deployed job reads from Kafka's files, not from its own
 * heap: a million lines held as a million small arrays cost the measured job a concurrent collector
 * marking them and a cache miss per line, and even packed on the heap they filled a third of the 1
 * GB the benchmarks run in, so the collector ran more often beside the job. A line is handed out as
 * a fresh copy, as a Kafka consumer hands out each record's value.
 */
final class PackedLines {

    private final String origin;
    private final ByteBuffer bytes;
    private final int[] ends;

    private PackedLines(String origin, ByteBuffer bytes, int[] ends) {
        this.origin = origin;
        this.bytes = bytes;
        this.ends = ends;
    }

    /** Names the input in a dead letter's origin; every line of the input shares it. */
    String origin() {
        return origin;
    }

    int size() {
        return ends.length;
    }

    /** A copy of line {@code index}'s bytes. */
    byte[] payload(int index) {
        int start = start(index);
        byte[] payload = new byte[ends[index] - start];
        bytes.get(start, payload);
        return payload;
    }

    private int start(int index) {
        return index == 0 ? 0 : ends[index - 1];
    }

    /** Collects the lines of one input in order. */
    static final class Builder {
        private final String origin;
        private byte[] bytes;
        private int[] ends;
        private int size;

        Builder(String origin, int expectedLines) {
            this.origin = origin;
            this.ends = new int[Math.max(expectedLines, 1)];
            this.bytes = new byte[Math.max(expectedLines, 1) * 256];
        }

        Builder add(byte[] line) {
            int start = size == 0 ? 0 : ends[size - 1];
            long end = (long) start + line.length;
            if (end > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than 2 GB of lines in one input");
            }
            if (end > bytes.length) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, end * 2));
            }
            System.arraycopy(line, 0, bytes, start, line.length);
            if (size == ends.length) {
                ends = Arrays.copyOf(ends, size * 2);
            }
            ends[size++] = (int) end;
            return this;
        }

        PackedLines build() {
            int used = size == 0 ? 0 : ends[size - 1];
            ByteBuffer packed = ByteBuffer.allocateDirect(used);
            packed.put(bytes, 0, used);
            return new PackedLines(origin, packed.asReadOnlyBuffer(), Arrays.copyOf(ends, size));
        }
    }
}
