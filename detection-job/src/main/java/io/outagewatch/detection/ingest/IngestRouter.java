package io.outagewatch.detection.ingest;

import io.outagewatch.detection.JobMetrics;
import io.outagewatch.detection.PipelineTags;
import io.outagewatch.events.DeadLetter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;

/**
 * Right after an input's source: valid records go on, dead letters go to the dead-letter side
 * output, and so do valid records that arrive behind their own input's watermark ({@code late}),
 * which the windows downstream would otherwise drop silently.
 *
 * <p>It runs on one input only, so a record is judged against its own stream: live, against the
 * watermark the Kafka source keeps over the partitions it reads, each partition at its own pace; in
 * replay, against the watermark of the one file. Counts every record in {@code recordsIn} (by
 * topic), late ones in {@code lateRecords}, and dead letters in {@code deadLetters} (by reason).
 */
public final class IngestRouter<T> extends ProcessFunction<Either<DeadLetter, T>, T> {

    private static final long serialVersionUID = 1L;
    public static final String LATE_REASON = "late";

    private final String stream;
    private final EdgeParser<T> parser;
    private transient MetricGroup metrics;
    private transient Counter recordsIn;
    private transient Counter lateRecords;
    private transient Map<String, Counter> deadLettersByReason;

    /**
     * @param stream the input's topic name: the {@code topic} label, and the origin of late records
     * @param parser the input's parser, to write a late record back as JSON
     */
    public IngestRouter(String stream, EdgeParser<T> parser) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    @Override
    public void open(OpenContext openContext) {
        metrics = JobMetrics.group(getRuntimeContext());
        MetricGroup topic = metrics.addGroup(JobMetrics.TOPIC, stream);
        recordsIn = topic.counter(JobMetrics.RECORDS_IN);
        lateRecords = topic.counter(JobMetrics.LATE_RECORDS);
        deadLettersByReason = new HashMap<>();
        // Registered up front, so dashboards see lateness as zero rather than as missing.
        deadLetterCounter(LATE_REASON);
    }

    @Override
    public void processElement(Either<DeadLetter, T> record, Context ctx, Collector<T> out) {
        recordsIn.inc();
        if (record.isLeft()) {
            DeadLetter deadLetter = record.left();
            countDeadLetter(Ingested.reasonCode(deadLetter));
            ctx.output(PipelineTags.DEAD_LETTERS, deadLetter);
            return;
        }
        T value = record.right();
        long watermark = ctx.timerService().currentWatermark();
        Long timestamp = ctx.timestamp();
        if (timestamp == null || timestamp >= watermark) {
            out.collect(value);
            return;
        }
        lateRecords.inc();
        countDeadLetter(LATE_REASON);
        Instant eventTime = Instant.ofEpochMilli(timestamp);
        ctx.output(
                PipelineTags.DEAD_LETTERS,
                DeadLetter.of(
                        stream,
                        parser.toJson(value),
                        LATE_REASON
                                + ": event time "
                                + eventTime
                                + " is "
                                + Duration.ofMillis(watermark - timestamp).toSeconds()
                                + " s behind the watermark",
                        eventTime));
    }

    /** Reason codes are a small fixed set ({@code InvalidReason.ALL}), so are the counters. */
    private void countDeadLetter(String reasonCode) {
        deadLetterCounter(reasonCode).inc();
    }

    private Counter deadLetterCounter(String reasonCode) {
        return deadLettersByReason.computeIfAbsent(
                reasonCode,
                code -> metrics.addGroup(JobMetrics.REASON, code).counter(JobMetrics.DEAD_LETTERS));
    }
}
