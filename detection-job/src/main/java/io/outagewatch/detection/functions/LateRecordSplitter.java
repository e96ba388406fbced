package io.outagewatch.detection.functions;

import io.outagewatch.detection.JobMetrics;
import io.outagewatch.detection.PipelineTags;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.EventSerde;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Sends records that arrive behind their own stream's watermark to the dead letters as {@code
 * late}, counted in the {@code lateRecords} metric (by topic) and in {@code deadLetters} with
 * reason {@code late}.
 *
 * <p>It runs right after the parser of one input, so a record is judged against its own stream
 * only: live, against the watermark its Kafka source keeps over the partitions it reads, each
 * partition at its own pace; in replay, against the per-record watermark assigned after parsing,
 * which makes the verdict deterministic whatever the other inputs are doing. The windows downstream
 * then never see a late record.
 */
public final class LateRecordSplitter<T> extends ProcessFunction<T, T> {

    private static final long serialVersionUID = 1L;
    public static final String LATE_REASON = "late";

    private final String stream;
    private final EventSerde<T> serde;
    private transient Counter lateRecords;
    private transient Counter lateDeadLetters;

    public LateRecordSplitter(String stream, EventSerde<T> serde) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.serde = Objects.requireNonNull(serde, "serde");
    }

    @Override
    public void open(OpenContext openContext) {
        var metrics = JobMetrics.group(getRuntimeContext());
        lateRecords = metrics.addGroup(JobMetrics.TOPIC, stream).counter(JobMetrics.LATE_RECORDS);
        lateDeadLetters =
                metrics.addGroup(JobMetrics.REASON, LATE_REASON).counter(JobMetrics.DEAD_LETTERS);
    }

    @Override
    public void processElement(T value, Context ctx, Collector<T> out) {
        long watermark = ctx.timerService().currentWatermark();
        Long timestamp = ctx.timestamp();
        if (timestamp == null || timestamp >= watermark) {
            out.collect(value);
            return;
        }
        lateRecords.inc();
        lateDeadLetters.inc();
        Instant eventTime = Instant.ofEpochMilli(timestamp);
        Duration behind = Duration.ofMillis(watermark - timestamp);
        ctx.output(
                PipelineTags.DEAD_LETTERS,
                DeadLetter.of(
                        stream,
                        serde.toJson(value),
                        LATE_REASON
                                + ": event time "
                                + eventTime
                                + " is "
                                + behind.toSeconds()
                                + " s behind the watermark",
                        eventTime));
    }
}
