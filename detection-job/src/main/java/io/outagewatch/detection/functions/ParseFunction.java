package io.outagewatch.detection.functions;

import io.outagewatch.detection.PipelineTags;
import io.outagewatch.detection.records.RawRecord;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.EventSerde;
import io.outagewatch.events.Parsed;
import io.outagewatch.events.Timestamps;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Parses raw records with their serde; invalid ones go to the dead-letter side output with the
 * serde's reason and never disturb the valid ones.
 */
public final class ParseFunction<T> extends ProcessFunction<RawRecord, T> {

    private static final long serialVersionUID = 1L;

    private final EventSerde<T> serde;
    private final Instant deadLetterTimeWhenUnknown;
    private transient Map<String, Counter> deadLettersByReason;

    /**
     * @param deadLetterTimeWhenUnknown the dead letter's timestamp when the record has none of its
     *     own (a line of a file); Kafka records carry their broker timestamp
     */
    public ParseFunction(EventSerde<T> serde, Instant deadLetterTimeWhenUnknown) {
        this.serde = Objects.requireNonNull(serde, "serde");
        this.deadLetterTimeWhenUnknown =
                Objects.requireNonNull(deadLetterTimeWhenUnknown, "deadLetterTimeWhenUnknown");
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<T> out) {
        Parsed<T> parsed = serde.parse(raw.payload());
        if (parsed instanceof Parsed.Ok<T> ok) {
            out.collect(ok.value());
            return;
        }
        Parsed.Invalid<T> invalid = (Parsed.Invalid<T>) parsed;
        countDeadLetter(invalid.code());
        Instant when =
                ctx.timestamp() == null
                        ? deadLetterTimeWhenUnknown
                        : Instant.ofEpochMilli(ctx.timestamp());
        if (!Timestamps.inRange(when)) {
            when = deadLetterTimeWhenUnknown;
        }
        ctx.output(
                PipelineTags.DEAD_LETTERS,
                DeadLetter.of(raw.origin(), raw.payloadText(), invalid.reason(), when));
    }

    private void countDeadLetter(String reasonCode) {
        if (deadLettersByReason == null) {
            deadLettersByReason = new HashMap<>();
        }
        deadLettersByReason
                .computeIfAbsent(
                        reasonCode,
                        code ->
                                getRuntimeContext()
                                        .getMetricGroup()
                                        .addGroup("reason", code)
                                        .counter("deadLetters"))
                .inc();
    }
}
