package io.outagewatch.detection.replay;

import io.outagewatch.detection.ingest.EdgeParser;
import io.outagewatch.detection.time.EventTimeVerdicts;
import io.outagewatch.detection.time.ReorderBuffer;
import io.outagewatch.detection.time.Reordered;
import io.outagewatch.events.DeadLetter;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.types.Either;

/**
 * Reads a JSON-lines file, parsing each line once as it is read: the valid record, or its dead
 * letter with origin {@code name:line}. Valid records leave in event-time order ({@link
 * ReorderBuffer}, {@link ReplayOrder}): lines out of order within the disorder bound cost nothing,
 * and a line dated far ahead of its file is dead-lettered as {@code ahead_of_stream} instead of
 * moving the watermark. Blank lines are skipped; an overlong line keeps only its head, enough for
 * the serde to reject it as too large.
 */
public final class NumberedLineFormat<T> extends SimpleStreamFormat<Either<DeadLetter, T>> {

    private static final long serialVersionUID = 1L;

    /** Bytes kept of one line: just over the serde's limit, so oversize is still detected. */
    static final int MAX_KEPT_LINE_BYTES = 64 * 1024 + 1;

    private final String name;
    private final EdgeParser<T> parser;
    private final ReplayOrder order;
    private final String tallyId;

    /**
     * @param order how the file's lines are put back into event-time order
     * @param tallyId the {@link ReplayTally} the lines read are counted into, if it is found
     */
    public NumberedLineFormat(
            String name, EdgeParser<T> parser, ReplayOrder order, String tallyId) {
        this.name = Objects.requireNonNull(name, "name");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.order = Objects.requireNonNull(order, "order");
        this.tallyId = Objects.requireNonNull(tallyId, "tallyId");
    }

    @Override
    public Reader<Either<DeadLetter, T>> createReader(
            Configuration config, FSDataInputStream stream) {
        return new LineReader<>(
                name, parser, order, ReplayTally.find(tallyId), new BufferedInputStream(stream));
    }

    @Override
    public TypeInformation<Either<DeadLetter, T>> getProducedType() {
        return parser.ingestedType();
    }

    /** A valid line waiting in the reorder buffer: its record, bytes and origin. */
    private record HeldLine<T>(T value, byte[] raw, String origin) {
        /** Lines with the same event time go in the order of their bytes, not of the file. */
        static <T> int byBytes(HeldLine<T> a, HeldLine<T> b) {
            return Arrays.compareUnsigned(a.raw, b.raw);
        }
    }

    private static final class LineReader<T> implements Reader<Either<DeadLetter, T>> {
        private final String name;
        private final EdgeParser<T> parser;
        private final Optional<ReplayTally> tally;
        private final InputStream in;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final ReorderBuffer<HeldLine<T>> order;
        private final ArrayDeque<Either<DeadLetter, T>> ready = new ArrayDeque<>();
        private long lineNumber;
        private boolean ended;

        LineReader(
                String name,
                EdgeParser<T> parser,
                ReplayOrder replayOrder,
                Optional<ReplayTally> tally,
                InputStream in) {
            this.name = name;
            this.parser = parser;
            this.order = replayOrder.newBuffer(HeldLine::byBytes);
            this.tally = tally;
            this.in = in;
        }

        @Override
        public Either<DeadLetter, T> read() throws IOException {
            while (ready.isEmpty()) {
                if (ended) {
                    return null;
                }
                byte[] bytes = nextLine();
                if (bytes == null) {
                    ended = true;
                    order.finish(this::decided);
                    continue;
                }
                String origin = name + ":" + lineNumber;
                Either<DeadLetter, T> parsed =
                        parser.parse(origin, bytes, EdgeParser.UNKNOWN_WRITE_TIME);
                if (parsed.isLeft()) {
                    ready.add(parsed);
                } else {
                    T value = parsed.right();
                    order.offer(
                            new HeldLine<>(value, bytes, origin),
                            parser.eventTimeMillis(value),
                            this::decided);
                }
            }
            return ready.poll();
        }

        private void decided(Reordered<HeldLine<T>> verdict) {
            if (verdict instanceof Reordered.Released<HeldLine<T>> released) {
                ready.add(Either.Right(released.value().value()));
            } else if (verdict instanceof Reordered.Refused<HeldLine<T>> refused) {
                ready.add(
                        Either.Left(
                                parser.deadLetter(
                                        refused.value().origin(),
                                        refused.value().raw(),
                                        EventTimeVerdicts.aheadOfStream(refused))));
            } else if (verdict instanceof Reordered.Late<HeldLine<T>> late) {
                ready.add(
                        Either.Left(
                                parser.deadLetter(
                                        late.value().origin(),
                                        late.value().raw(),
                                        EventTimeVerdicts.late(late))));
            }
        }

        /** The next non-blank line's bytes, or null at the end of the file. */
        private byte[] nextLine() throws IOException {
            while (true) {
                line.reset();
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                while (b >= 0 && b != '\n') {
                    if (line.size() < MAX_KEPT_LINE_BYTES) {
                        line.write(b);
                    }
                    b = in.read();
                }
                lineNumber++;
                byte[] bytes = stripCarriageReturn(line.toByteArray());
                if (!isBlank(bytes)) {
                    tally.ifPresent(run -> run.read(bytes.length + 1L));
                    return bytes;
                }
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }

        private static byte[] stripCarriageReturn(byte[] bytes) {
            if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
                return Arrays.copyOf(bytes, bytes.length - 1);
            }
            return bytes;
        }

        private static boolean isBlank(byte[] bytes) {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t') {
                    return false;
                }
            }
            return true;
        }
    }
}
