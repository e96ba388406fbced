package io.outagewatch.detection.assess;

import io.outagewatch.detection.incident.MinuteAssessment;
import io.outagewatch.detection.records.ServiceMinute;
import io.outagewatch.events.Evidence;
import io.outagewatch.events.MinuteSignals;

/**
 * The {@link MinuteSignals} record of a minute the detector has just assessed: the minute's
 * figures, the baselines it was judged against (read before the minute teaches them) and its
 * verdict.
 */
public final class DecidedMinuteSignals {

    private DecidedMinuteSignals() {}

    public static MinuteSignals of(
            ServiceMinute minute, MinuteAssessment assessment, ServiceDetectionState state) {
        Evidence evidence = assessment.evidence();
        double latencyBaseline = state.latency().baselineMs();
        return new MinuteSignals(
                minute.service(),
                minute.minuteStart(),
                minute.complaints(),
                evidence.reportBaseline() == null ? 0.0 : evidence.reportBaseline(),
                minute.probes(),
                evidence.probeFailureRate(),
                evidence.failingVantages(),
                minute.vantages().size(),
                minute.latencySamples() > 0 ? finiteOrNull(minute.latencyP95Ms()) : null,
                state.latency().isWarm() ? finiteOrNull(latencyBaseline) : null,
                MinuteVerdicts.of(assessment));
    }

    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
