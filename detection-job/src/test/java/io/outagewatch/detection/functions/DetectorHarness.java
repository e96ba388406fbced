package io.outagewatch.detection.functions;

import io.outagewatch.detection.assess.DurationEstimates;
import io.outagewatch.detection.assess.MinuteAssessor;
import io.outagewatch.detection.baseline.ProbeQuorum;
import io.outagewatch.detection.baseline.ReportAnomalyRule;
import io.outagewatch.detection.incident.IncidentPolicy;
import io.outagewatch.detection.records.ProbeMinute;
import io.outagewatch.detection.records.ServiceMinute;
import io.outagewatch.detection.records.ServiceSignal;
import io.outagewatch.detection.records.VantageCounts;
import io.outagewatch.detection.reports.Complaint;
import io.outagewatch.events.Alert;
import io.outagewatch.events.StatusUpdate;
import io.outagewatch.scenario.Scenarios;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

    static KeyedTwoInputStreamOperatorTestHarness<String, ServiceSignal, StatusUpdate, Alert>
            opened(OutageDetector detector) throws Exception {
        var harness = unopened(detector);
        harness.open();
        return harness;
    }

    /** A harness whose detector starts from the snapshot, as a job restored from a savepoint. */
    static KeyedTwoInputStreamOperatorTestHarness<String, ServiceSignal, StatusUpdate, Alert>
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
    static KeyedTwoInputStreamOperatorTestHarness<String, ServiceSignal, StatusUpdate, Alert>
            unopened(OutageDetector detector) throws Exception {
        return unopened(new OutageDetectorOperator(detector));
    }

    /** The detector's function run by another operator, without {@link OutageDetectorOperator}. */
    static KeyedTwoInputStreamOperatorTestHarness<String, ServiceSignal, StatusUpdate, Alert>
            unopened(KeyedCoProcessOperator<String, ServiceSignal, StatusUpdate, Alert> operator)
                    throws Exception {
        var harness =
                new KeyedTwoInputStreamOperatorTestHarness<>(
                        operator, ServiceSignal::service, StatusUpdate::service, Types.STRING);
        Configuration noGenericTypes = new Configuration();
        noGenericTypes.set(PipelineOptions.GENERIC_TYPES, false);
        harness.getExecutionConfig()
                .configure(noGenericTypes, DetectorHarness.class.getClassLoader());
        return harness;
    }

    /**
     * The signals of one minute of {@code service}: each vantage's probe minute with its counts,
     * {@code latencySamples} latencies of {@code latencyP95Ms} on the first vantage (so the
     * minute's p95 is that value), and one complaint per author, without a region.
     */
    static List<ServiceSignal> signals(
            String service,
            Instant minuteStart,
            Map<String, VantageCounts> vantages,
            double latencyP95Ms,
            int latencySamples,
            List<String> authors) {
        List<ServiceSignal> signals = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<String, VantageCounts> vantage : vantages.entrySet()) {
            double[] latencies = new double[first ? latencySamples : 0];
            Arrays.fill(latencies, latencyP95Ms);
            first = false;
            VantageCounts counts = vantage.getValue();
            signals.add(
                    ServiceSignal.of(
                            new ProbeMinute(
                                    service,
                                    vantage.getKey(),
                                    counts.region(),
                                    minuteStart,
                                    counts.probes(),
                                    counts.failures(),
                                    counts.timeouts(),
                                    latencies,
                                    false)));
        }
        for (String author : authors) {
            signals.add(
                    ServiceSignal.of(
                            new Complaint(service, null, author, minuteStart.plusSeconds(1))));
        }
        return signals;
    }

    /** Hands the detector one minute's signals, stamped at the minute's last millisecond. */
    static void add(
            KeyedTwoInputStreamOperatorTestHarness<String, ServiceSignal, StatusUpdate, Alert>
                    harness,
            List<ServiceSignal> minute)
            throws Exception {
        for (ServiceSignal signal : minute) {
            harness.processElement1(signal, decisionTime(minute));
        }
    }

    /**
     * Hands the detector one minute's signals, then a watermark at the minute's last millisecond,
     * so the minute is decided before the call returns.
     */
    static void decide(
            KeyedTwoInputStreamOperatorTestHarness<String, ServiceSignal, StatusUpdate, Alert>
                    harness,
            List<ServiceSignal> minute)
            throws Exception {
        add(harness, minute);
        harness.processBothWatermarks(new Watermark(decisionTime(minute)));
    }

    private static long decisionTime(List<ServiceSignal> minute) {
        if (minute.isEmpty()) {
            throw new IllegalArgumentException("a minute needs at least one signal");
        }
        return minute.get(0).minuteStartMillis() + ServiceMinute.LENGTH.toMillis() - 1;
    }
}
