package io.outagewatch.detection.assess;

import io.outagewatch.detection.DetectionOptions;
import io.outagewatch.detection.baseline.ConclusiveOutageRule;
import io.outagewatch.detection.baseline.CountTailTest;
import io.outagewatch.detection.baseline.LatencyBaseline;
import io.outagewatch.detection.baseline.ProbeQuorum;
import io.outagewatch.detection.baseline.ProbeVerdict;
import io.outagewatch.detection.baseline.ReportAnomalyRule;
import io.outagewatch.detection.baseline.SeasonalRateBaseline;
import io.outagewatch.detection.baseline.VantageFailureBaseline;
import io.outagewatch.detection.baseline.VantageStatus;
import io.outagewatch.detection.incident.IncidentPolicy;
import io.outagewatch.detection.incident.IncidentTracker;
import io.outagewatch.detection.incident.MinuteAssessment;
import io.outagewatch.detection.incident.ProbeSignal;
import io.outagewatch.detection.records.ServiceMinute;
import io.outagewatch.detection.records.VantageCounts;
import io.outagewatch.events.Evidence;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.configuration.Configuration;

/**
 * Turns one service minute into a verdict for the incident state machine, against the service's
 * learned baselines, and then teaches the baselines what the minute showed. Plain Java: tested
 * without Flink.
 */
public final class MinuteAssessor implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Complaints at least this many and this multiple of the baseline keep a complaint-led incident
     * open: a quiet minute mid-outage must not read as recovery.
     */
    static final int ELEVATED_MIN_COMPLAINTS = 3;

    static final double ELEVATED_RATIO = 2.0;

    private final ProbeQuorum quorum;
    private final ReportAnomalyRule reportRule;
    private final ConclusiveOutageRule conclusiveRule;

    public MinuteAssessor(
            ProbeQuorum quorum, ReportAnomalyRule reportRule, ConclusiveOutageRule conclusiveRule) {
        this.quorum = Objects.requireNonNull(quorum, "quorum");
        this.reportRule = Objects.requireNonNull(reportRule, "reportRule");
        this.conclusiveRule = Objects.requireNonNull(conclusiveRule, "conclusiveRule");
    }

    /** With the default {@link ConclusiveOutageRule}. */
    public MinuteAssessor(ProbeQuorum quorum, ReportAnomalyRule reportRule) {
        this(quorum, reportRule, ConclusiveOutageRule.DEFAULTS);
    }

    public static MinuteAssessor from(Configuration config) {
        return new MinuteAssessor(
                new ProbeQuorum(
                        config.get(DetectionOptions.QUORUM_MIN_FAILING_VANTAGES),
                        config.get(DetectionOptions.QUORUM_MIN_FAILING_FRACTION)),
                new ReportAnomalyRule(
                        config.get(DetectionOptions.REPORTS_MIN_COUNT),
                        config.get(DetectionOptions.REPORTS_MIN_SCORE),
                        config.get(DetectionOptions.REPORTS_MIN_RATIO)));
    }

    /**
     * The service's state built around its stored data with the operator's settings: the policy
     * given, the duration estimates, and the defaults of the baselines, which are not configurable.
     * No setting is stored, so a service restored from a savepoint judges by the release and
     * configuration that restore it.
     */
    public ServiceDetectionState restore(
            String service,
            IncidentPolicy policy,
            DurationEstimates estimates,
            StoredDetection stored) {
        return new ServiceDetectionState(
                service,
                new IncidentTracker(service, policy, stored.tracker()),
                estimates,
                new SeasonalRateBaseline(
                        SeasonalRateBaseline.Settings.DEFAULTS, stored.complaints()),
                new LatencyBaseline(LatencyBaseline.Settings.DEFAULTS, stored.latency()),
                VantageFailureBaseline.Settings.DEFAULTS,
                stored);
    }

    public MinuteAssessment assess(ServiceMinute minute, ServiceDetectionState state) {
        List<VantageStatus> statuses = new ArrayList<>(minute.vantages().size());
        double baselineSum = 0;
        for (Map.Entry<String, VantageCounts> entry : minute.vantages().entrySet()) {
            VantageCounts counts = entry.getValue();
            VantageFailureBaseline baseline = state.vantage(entry.getKey(), minute.minuteStart());
            baselineSum += baseline.rate();
            statuses.add(
                    new VantageStatus(
                            entry.getKey(),
                            counts.region(),
                            counts.probes(),
                            counts.failures(),
                            baseline.isFailing(counts.probes(), counts.failures())));
        }
        ProbeVerdict verdict = quorum.judge(statuses);
        ProbeSignal probe = probeSignal(verdict, minute, state.latency());

        double expectedComplaints = state.complaints().expectedPerMinute(minute.minuteStart());
        boolean reportsAnomalous = reportRule.isAnomalous(minute.complaints(), expectedComplaints);
        boolean reportsElevated =
                minute.complaints() >= ELEVATED_MIN_COMPLAINTS
                        && minute.complaints() >= ELEVATED_RATIO * expectedComplaints;

        int probes = minute.probes();
        Double failureRate = probes == 0 ? null : (double) minute.failures() / probes;
        Double failureBaseline = probes == 0 ? null : baselineSum / statuses.size();
        double probeScore =
                probes == 0
                        ? 0
                        : CountTailTest.score(minute.failures(), probes * failureBaseline, 0);
        double reportScore = reportRule.score(minute.complaints(), expectedComplaints);
        Evidence evidence =
                new Evidence(
                        failureRate,
                        failureBaseline,
                        verdict.failingVantages(),
                        verdict.healthyVantages(),
                        (double) minute.complaints(),
                        expectedComplaints,
                        Math.max(probeScore, reportScore));
        return new MinuteAssessment(
                minute.minuteStart(),
                minute.minuteEnd(),
                probe,
                verdict.affectedRegions(),
                reportsAnomalous,
                reportsElevated,
                evidence,
                probe == ProbeSignal.OUTAGE && conclusiveRule.isConclusive(statuses),
                probes,
                minute.failures());
    }

    /**
     * A brownout's timeouts fail single probes, which can look like a region failing; when the
     * successful probes are far slower than usual and most requests still succeed, the minute is
     * DEGRADED rather than a regional outage.
     */
    private static ProbeSignal probeSignal(
            ProbeVerdict verdict, ServiceMinute minute, LatencyBaseline latency) {
        if (verdict.kind() == ProbeVerdict.Kind.NO_DATA) {
            return ProbeSignal.NO_DATA;
        }
        if (verdict.kind() == ProbeVerdict.Kind.MAJOR_OUTAGE) {
            return ProbeSignal.OUTAGE;
        }
        boolean slow =
                minute.latencySamples() > 0
                        && latency.isDegraded(
                                minute.latencyP95Ms(), timeoutRate(minute), minute.probes());
        if (slow) {
            return ProbeSignal.DEGRADED;
        }
        return switch (verdict.kind()) {
            case REGIONAL_OUTAGE -> ProbeSignal.REGIONAL_OUTAGE;
            case NOISE -> ProbeSignal.NOISE;
            default -> ProbeSignal.HEALTHY;
        };
    }

    /**
     * Teaches the baselines what the minute showed. Anomalous minutes and minutes of an open
     * incident are passed as such, so the baselines skip or clip them and a past outage cannot
     * become the new normal.
     */
    public void learn(
            ServiceMinute minute, MinuteAssessment assessment, ServiceDetectionState state) {
        boolean abnormal = assessment.isAnomalous() || state.tracker().isIncidentOpen();
        for (Map.Entry<String, VantageCounts> entry : minute.vantages().entrySet()) {
            state.vantage(entry.getKey(), minute.minuteStart())
                    .observe(entry.getValue().probes(), entry.getValue().failures(), abnormal);
        }
        if (minute.latencySamples() > 0) {
            state.latency().observe(minute.latencyP95Ms(), timeoutRate(minute), abnormal);
        }
        state.complaints()
                .observe(
                        minute.minuteStart(),
                        minute.complaints(),
                        assessment.reportsAnomalous() || state.tracker().isIncidentOpen());
    }

    public void learnQuiet(ServiceDetectionState state, Instant from, Instant toExclusive) {
        state.complaints().observeQuiet(from, toExclusive);
    }

    private static double timeoutRate(ServiceMinute minute) {
        int probes = minute.probes();
        return probes == 0 ? 0 : (double) minute.timeouts() / probes;
    }
}
