package io.outagewatch.detection.ingest;

import io.outagewatch.detection.kafka.WriteTimeBound;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.EventSerde;
import io.outagewatch.events.Parsed;
import io.outagewatch.events.Timestamps;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.types.Either;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Parses one input record where it enters the job, once: the valid record, or its dead letter with
 * the serde's reason and the record's origin. Both the Kafka sources and the replay's file reader
 * use it, so live and replay refuse exactly the same records for the same reasons.
 *
 * <p>A valid record dated further ahead of its Kafka timestamp than the {@link WriteTimeBound}
 * allows is refused as {@link WriteTimeBound#REASON}: it would otherwise move its partition's
 * watermark into the future.
 */
public final class EdgeParser<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Kafka's "no timestamp", and a line of a file: nothing to judge the event time against. */
    public static final long UNKNOWN_WRITE_TIME = Long.MIN_VALUE;

    private final Class<T> type;
    private final EventSerde<T> serde;
    private final SerializableFunction<T, Instant> eventTime;
    private final WriteTimeBound writeTimeBound;
    private final Instant deadLetterTimeWhenUnknown;

    /**
     * @param type the valid records' class
     * @param eventTime the event time of a valid record
     * @param writeTimeBound how far that may be ahead of the record's Kafka timestamp
     * @param deadLetterTimeWhenUnknown the dead letter's timestamp when the record has no write
     *     time of its own (a line of a file)
     */
    public EdgeParser(
            Class<T> type,
            EventSerde<T> serde,
            SerializableFunction<T, Instant> eventTime,
            WriteTimeBound writeTimeBound,
            Instant deadLetterTimeWhenUnknown) {
        this.type = Objects.requireNonNull(type, "type");
        this.serde = Objects.requireNonNull(serde, "serde");
        this.eventTime = Objects.requireNonNull(eventTime, "eventTime");
        this.writeTimeBound = Objects.requireNonNull(writeTimeBound, "writeTimeBound");
        this.deadLetterTimeWhenUnknown =
                Objects.requireNonNull(deadLetterTimeWhenUnknown, "deadLetterTimeWhenUnknown");
    }

    /**
     * @param origin {@code topic-partition-offset} or {@code file:line}
     * @param writeTimeMillis the record's Kafka timestamp, or {@link #UNKNOWN_WRITE_TIME}
     */
    public Either<DeadLetter, T> parse(String origin, byte[] payload, long writeTimeMillis) {
        Parsed<T> parsed = serde.parse(payload);
        if (parsed instanceof Parsed.Ok<T> ok) {
            long eventTimeMillis = eventTimeMillis(ok.value());
            if (writeTimeBound.allows(eventTimeMillis, writeTimeMillis)) {
                return Either.Right(ok.value());
            }
            return Either.Left(
                    deadLetter(
                            origin,
                            payload,
                            writeTimeBound.refusal(eventTimeMillis, writeTimeMillis),
                            writeTimeMillis));
        }
        Parsed.Invalid<T> invalid = (Parsed.Invalid<T>) parsed;
        return Either.Left(deadLetter(origin, payload, invalid.reason(), writeTimeMillis));
    }

    /** The valid records' type, as Flink serializes it. */
    public TypeInformation<T> type() {
        return TypeInformation.of(type);
    }

    /** What the source produces: {@link Ingested#typeOf}. */
    public TypeInformation<Either<DeadLetter, T>> ingestedType() {
        return Ingested.typeOf(type);
    }

    public long eventTimeMillis(T value) {
        return eventTime.apply(value).toEpochMilli();
    }

    /** The record as JSON again, for a dead letter of a record refused after parsing. */
    public String toJson(T value) {
        return serde.toJson(value);
    }

    /** The dead letter of a line of a file, refused after parsing for {@code reason}. */
    public DeadLetter deadLetter(String origin, byte[] payload, String reason) {
        return deadLetter(origin, payload, reason, UNKNOWN_WRITE_TIME);
    }

    private DeadLetter deadLetter(
            String origin, byte[] payload, String reason, long writeTimeMillis) {
        Instant when =
                writeTimeMillis == UNKNOWN_WRITE_TIME
                        ? deadLetterTimeWhenUnknown
                        : Instant.ofEpochMilli(writeTimeMillis);
        if (!Timestamps.inRange(when)) {
            when = deadLetterTimeWhenUnknown;
        }
        return DeadLetter.of(origin, new String(payload, StandardCharsets.UTF_8), reason, when);
    }
}
