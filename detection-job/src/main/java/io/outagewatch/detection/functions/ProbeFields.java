package io.outagewatch.detection.functions;

import io.outagewatch.detection.records.Probe;
import io.outagewatch.events.ProbeResult;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Narrows each probe result to a {@link Probe} and notes how far it leads the watermark where it
 * enters the job, before the shuffle by vantage mixes the partitions.
 *
 * <p>The watermark follows the bulk of the probes, so a vantage whose clock runs fast shows up as
 * probes that lead it by far more than the out-of-orderness. Until the first watermark arrives the
 * lead is unknown and recorded as 0: a lead of 0 never makes a clock look ahead, so the first
 * minutes after a start are simply not judged rather than judged on nothing.
 */
public final class ProbeFields extends ProcessFunction<ProbeResult, Probe> {

    private static final long serialVersionUID = 1L;

    @Override
    public void processElement(ProbeResult result, Context context, Collector<Probe> out) {
        out.collect(
                Probe.of(result, leadMillis(result, context.timerService().currentWatermark())));
    }

    static long leadMillis(ProbeResult result, long watermark) {
        return watermark == Long.MIN_VALUE ? 0 : result.timestamp().toEpochMilli() - watermark;
    }
}
