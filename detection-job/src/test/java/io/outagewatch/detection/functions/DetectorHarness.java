package io.outagewatch.detection.functions;

import io.outagewatch.detection.assess.DurationEstimates;
import io.outagewatch.detection.assess.MinuteAssessor;
import io.outagewatch.detection.baseline.ProbeQuorum;
import io.outagewatch.detection.baseline.ReportAnomalyRule;
import io.outagewatch.detection.incident.IncidentPolicy;
import io.outagewatch.detection.records.ServiceMinute;
import io.outagewatch.events.Alert;
import io.outagewatch.events.StatusUpdate;
import io.outagewatch.scenario.Scenarios;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;

/** The outage detector in a Flink test harness, as the detector's harness tests build it. */
final class DetectorHarness {

    private DetectorHarness() {}

    static OutageDetector detector() {
        return detector(IncidentPolicy.defaults());
    }

    static OutageDetector detector(IncidentPolicy policy) {
        return new OutageDetector(
                new MinuteAssessor(ProbeQuorum.DEFAULTS, ReportAnomalyRule.DEFAULTS),
                policy,
                DurationEstimates.bundled(Scenarios.catalog()));
    }

    static KeyedTwoInputStreamOperatorTestHarness<String, ServiceMinute, StatusUpdate, Alert>
            opened(OutageDetector detector) throws Exception {
        var harness = unopened(detector);
        harness.open();
        return harness;
    }

    /** A harness whose detector starts from the snapshot, as a job restored from a savepoint. */
    static KeyedTwoInputStreamOperatorTestHarness<String, ServiceMinute, StatusUpdate, Alert>
            restored(OutageDetector detector, OperatorSubtaskState snapshot) throws Exception {
        var harness = unopened(detector);
        harness.initializeState(snapshot);
        harness.open();
        return harness;
    }

    /**
     * With {@code pipeline.generic-types: false}, as a state type that fell back to Kryo would then
     * fail to get a serializer.
     */
    static KeyedTwoInputStreamOperatorTestHarness<String, ServiceMinute, StatusUpdate, Alert>
            unopened(OutageDetector detector) throws Exception {
        var harness =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        new KeyedCoProcessOperator<>(detector),
                        ServiceMinute::service,
                        StatusUpdate::service,
                        Types.STRING);
        Configuration noGenericTypes = new Configuration();
        noGenericTypes.set(PipelineOptions.GENERIC_TYPES, false);
        harness.getExecutionConfig()
                .configure(noGenericTypes, DetectorHarness.class.getClassLoader());
        return harness;
    }

    /**
     * Hands the detector one service minute stamped at its last millisecond, then a watermark
     * there, so the minute is decided before the call returns.
     */
    static void decide(
            KeyedTwoInputStreamOperatorTestHarness<String, ServiceMinute, StatusUpdate, Alert>
                    harness,
            ServiceMinute minute)
            throws Exception {
        long decision = minute.minuteEnd().toEpochMilli() - 1;
        harness.processElement1(minute, decision);
        harness.processBothWatermarks(new Watermark(decision));
    }
}
