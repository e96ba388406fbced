package io.outagewatch.detection.replay;

import io.outagewatch.detection.ingest.EdgeParser;
import io.outagewatch.events.DeadLetter;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
 * letter with origin {@code name:line}. Blank lines are skipped; an overlong line keeps only its
 * head, enough for the serde to reject it as too large.
 */
public final class NumberedLineFormat<T> extends SimpleStreamFormat<Either<DeadLetter, T>> {

    private static final long serialVersionUID = 1L;

    /** Bytes kept of one line: just over the serde's limit, so oversize is still detected. */
    static final int MAX_KEPT_LINE_BYTES = 64 * 1024 + 1;

    private final String name;
    private final EdgeParser<T> parser;
    private final String tallyId;

    /**
     * @param tallyId the {@link ReplayTally} the lines read are counted into, if it is found
     */
    public NumberedLineFormat(String name, EdgeParser<T> parser, String tallyId) {
        this.name = Objects.requireNonNull(name, "name");
        this.parser = Objects.requireNonNull(parser, "parser");
        this.tallyId = Objects.requireNonNull(tallyId, "tallyId");
    }

    @Override
    public Reader<Either<DeadLetter, T>> createReader(
            Configuration config, FSDataInputStream stream) {
        return new LineReader<>(
                name, parser, ReplayTally.find(tallyId), new BufferedInputStream(stream));
    }

    @Override
    public TypeInformation<Either<DeadLetter, T>> getProducedType() {
        return parser.ingestedType();
    }

    private static final class LineReader<T> implements Reader<Either<DeadLetter, T>> {
        private final String name;
        private final EdgeParser<T> parser;
        private final Optional<ReplayTally> tally;
        private final InputStream in;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private long lineNumber;

        LineReader(String name, EdgeParser<T> parser, Optional<ReplayTally> tally, InputStream in) {
            this.name = name;
            this.parser = parser;
            this.tally = tally;
            this.in = in;
        }

        @Override
        public Either<DeadLetter, T> read() throws IOException {
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
                    return parser.parse(
                            name + ":" + lineNumber, bytes, EdgeParser.UNKNOWN_WRITE_TIME);
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
