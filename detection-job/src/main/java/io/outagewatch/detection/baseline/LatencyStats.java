package io.outagewatch.detection.baseline;

/**
 * What a {@link LatencyBaseline} has learned, as kept in Flink state: three decayed sums and the
 * minutes they were learned from. A Flink POJO (a record) of 32 bytes of payload.
 *
 * @param logSum decayed sum of log p95 latency
 * @param deviationSum decayed sum of its absolute deviation from the mean
 * @param timeoutSum decayed sum of the timeout rate
 * @param observedMinutes minutes learned from
 */
public record LatencyStats(
        double logSum, double deviationSum, double timeoutSum, long observedMinutes) {

    /** Nothing learned yet. */
    public static final LatencyStats EMPTY = new LatencyStats(0, 0, 0, 0);
}
