package io.outagewatch.detection.functions;

import io.outagewatch.detection.JobMetrics;
import io.outagewatch.detection.PipelineTags;
import io.outagewatch.detection.kafka.WriteTimeBound;
import io.outagewatch.detection.records.RawRecord;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.EventSerde;
import io.outagewatch.events.Parsed;
import io.outagewatch.events.Timestamps;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Parses raw records with their serde; invalid ones go to the dead-letter side output with the
 * serde's reason and never disturb the valid ones. So do valid ones dated further ahead of their
 * Kafka timestamp than the {@link WriteTimeBound} allows: the source gave them no event time, so
 * they never moved a watermark, and they must not reach the windows either. Counts every record in
 * {@code recordsIn} (by topic) and every invalid one in {@code deadLetters} (by reason code).
 */
public final class ParseFunction<T> extends ProcessFunction<RawRecord, T> {

    private static final long serialVersionUID = 1L;

    private final String stream;
    private final EventSerde<T> serde;
    private final SerializableTimestampAssigner<T> eventTime;
    private final WriteTimeBound writeTimeBound;
    private final Instant deadLetterTimeWhenUnknown;
    private transient Counter recordsIn;
    private transient MetricGroup metrics;
    private transient Map<String, Counter> deadLettersByReason;

    /**
     * @param stream the input's topic name, the {@code topic} label of {@code recordsIn}
     * @param eventTime the event time of a parsed record
     * @param writeTimeBound how far that may be ahead of the record's Kafka timestamp
     * @param deadLetterTimeWhenUnknown the dead letter's timestamp when the record has none of its
     *     own (a line of a file); Kafka records carry their broker timestamp
     */
    public ParseFunction(
            String stream,
            EventSerde<T> serde,
            SerializableTimestampAssigner<T> eventTime,
            WriteTimeBound writeTimeBound,
            Instant deadLetterTimeWhenUnknown) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.serde = Objects.requireNonNull(serde, "serde");
        this.eventTime = Objects.requireNonNull(eventTime, "eventTime");
        this.writeTimeBound = Objects.requireNonNull(writeTimeBound, "writeTimeBound");
        this.deadLetterTimeWhenUnknown =
                Objects.requireNonNull(deadLetterTimeWhenUnknown, "deadLetterTimeWhenUnknown");
    }

    @Override
    public void open(OpenContext openContext) {
        metrics = JobMetrics.group(getRuntimeContext());
        recordsIn = metrics.addGroup(JobMetrics.TOPIC, stream).counter(JobMetrics.RECORDS_IN);
        deadLettersByReason = new HashMap<>();
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<T> out) {
        recordsIn.inc();
        Parsed<T> parsed = serde.parse(raw.payload());
        if (parsed instanceof Parsed.Ok<T> ok) {
            long eventTimeMillis = eventTime.extractTimestamp(ok.value(), raw.writeTimeMillis());
            if (writeTimeBound.allows(eventTimeMillis, raw.writeTimeMillis())) {
                out.collect(ok.value());
            } else {
                deadLetter(
                        raw,
                        WriteTimeBound.REASON,
                        writeTimeBound.refusal(eventTimeMillis, raw.writeTimeMillis()),
                        ctx);
            }
            return;
        }
        Parsed.Invalid<T> invalid = (Parsed.Invalid<T>) parsed;
        deadLetter(raw, invalid.code(), invalid.reason(), ctx);
    }

    private void deadLetter(RawRecord raw, String code, String reason, Context ctx) {
        countDeadLetter(code);
        Instant when =
                ctx.timestamp() == null
                        ? deadLetterTimeWhenUnknown
                        : Instant.ofEpochMilli(ctx.timestamp());
        if (!Timestamps.inRange(when)) {
            when = deadLetterTimeWhenUnknown;
        }
        ctx.output(
                PipelineTags.DEAD_LETTERS,
                DeadLetter.of(raw.origin(), raw.payloadText(), reason, when));
    }

    /** Reason codes are a small fixed set ({@code InvalidReason.ALL}), so are the counters. */
    private void countDeadLetter(String reasonCode) {
        deadLettersByReason
                .computeIfAbsent(
                        reasonCode,
                        code ->
                                metrics.addGroup(JobMetrics.REASON, code)
                                        .counter(JobMetrics.DEAD_LETTERS))
                .inc();
    }
}
