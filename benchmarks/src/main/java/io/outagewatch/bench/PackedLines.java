package io.outagewatch.bench;

import java.util.Arrays;

/**
 * The JSON lines of one input, packed into one byte array with their end offsets. A million lines
 * held as a million small arrays cost the measured job a concurrent collector marking them and a
 * cache miss per line; packed, the collector sees two arrays. A line is handed out as a fresh copy,
 * as a Kafka consumer hands out each record's value.
 */
final class PackedLines {

    private final String origin;
    private final byte[] bytes;
    private final int[] ends;

    private PackedLines(String origin, byte[] bytes, int[] ends) {
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
        return Arrays.copyOfRange(bytes, start(index), ends[index]);
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
            return new PackedLines(origin, Arrays.copyOf(bytes, used), Arrays.copyOf(ends, size));
        }
    }
}
