package io.outagewatch.detection;

import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.metrics.MetricGroup;

/**
 * The job's own metrics, declared once: one group, {@value #GROUP}, under each operator's metric
 * group, with labels as key/value subgroups (the Prometheus reporter turns those into labels).
 * docs/detection.md ("Metrics") lists them as Prometheus shows them.
 */
public final class JobMetrics {

    /** The group every OutageWatch metric lives in. */
    public static final String GROUP = "outagewatch";

    /** Label: the input stream (topic name), e.g. {@code probe-results}. */
    public static final String TOPIC = "topic";

    /** Label: the dead-letter reason code (an {@code InvalidReason} constant, or {@code late}). */
    public static final String REASON = "reason";

    /** Label: the alert type. */
    public static final String TYPE = "type";

    /** Counter, per topic: raw records read, valid or not. */
    public static final String RECORDS_IN = "recordsIn";

    /** Counter, per reason: records sent to the dead letters. */
    public static final String DEAD_LETTERS = "deadLetters";

    /** Counter, per topic: records behind their stream's watermark (also dead letters). */
    public static final String LATE_RECORDS = "lateRecords";

    /**
     * Counter, per detector subtask: probe minutes and complaints whose minute was already decided
     * when they arrived, dropped; the name Flink's window operators give the same count.
     */
    public static final String LATE_RECORDS_DROPPED = "numLateRecordsDropped";

    /** Gauge, per detector subtask: services with an open incident. */
    public static final String OPEN_INCIDENTS = "openIncidents";

    /** Counter, per type: alerts emitted. */
    public static final String ALERTS = "alerts";

    /** Gauge, per detector subtask: wall-clock time minus the current watermark, in ms. */
    public static final String WATERMARK_LAG_MILLIS = "watermarkLagMillis";

    /** Label of the per-service signal gauges. */
    public static final String SERVICE = "service";

    /**
     * Gauges per service, from its latest assessed minute: the signals against their baselines (NaN
     * while the service has no probes or no reports).
     */
    public static final String PROBE_FAILURE_RATE = "probeFailureRate";

    public static final String PROBE_FAILURE_BASELINE = "probeFailureBaseline";
    public static final String REPORT_RATE = "reportRate";
    public static final String REPORT_BASELINE = "reportBaseline";

    private JobMetrics() {}

    /** The {@value #GROUP} group of the operator that runs this function. */
    public static MetricGroup group(RuntimeContext context) {
        return context.getMetricGroup().addGroup(GROUP);
    }
}
