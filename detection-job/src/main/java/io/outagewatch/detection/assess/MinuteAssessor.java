package io.outagewatch.detection.assess;

import io.outagewatch.detection.DetectionOptions;
import io.outagewatch.detection.baseline.ConclusiveOutageRule;
import io.outagewatch.detection.baseline.CountTailTest;
import io.outagewatch.detection.baseline.LatencyBaseline;
import io.outagewatch.detection.baseline.PooledComplaintRule;
import io.outagewatch.detection.baseline.PooledMinute;
import io.outagewatch.detection.baseline.ProbeQuorum;
import io.outagewatch.detection.baseline.ProbeVerdict;
import io.outagewatch.detection.baseline.RecentComplainers;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * A pool keeps a complaint-led incident open with {@link #ELEVATED_MIN_COMPLAINTS} and {@link
     * #ELEVATED_RATIO}, and besides a score of at least this (p ≤ 1e-3): at night the trickle of
     * complaints after a fix gives a pool three people for half an hour, and an incident held open
     * that long leaves the complaint-decay fit only its tail to place the recovery in.
     */
    static final double ELEVATED_POOLED_MIN_SCORE = 3.0;

    private final ProbeQuorum quorum;
    private final ReportAnomalyRule reportRule;
    private final ConclusiveOutageRule conclusiveRule;
    private final PooledComplaintRule pooledRule;

    public MinuteAssessor(
            ProbeQuorum quorum,
            ReportAnomalyRule reportRule,
            ConclusiveOutageRule conclusiveRule,
            PooledComplaintRule pooledRule) {
        this.quorum = Objects.requireNonNull(quorum, "quorum");
        this.reportRule = Objects.requireNonNull(reportRule, "reportRule");
        this.conclusiveRule = Objects.requireNonNull(conclusiveRule, "conclusiveRule");
        this.pooledRule = Objects.requireNonNull(pooledRule, "pooledRule");
    }

    /** With the default {@link ConclusiveOutageRule} and {@link PooledComplaintRule}. */
    public MinuteAssessor(ProbeQuorum quorum, ReportAnomalyRule reportRule) {
        this(quorum, reportRule, PooledComplaintRule.DEFAULTS);
    }

    /** With the default {@link ConclusiveOutageRule}. */
    public MinuteAssessor(
            ProbeQuorum quorum, ReportAnomalyRule reportRule, PooledComplaintRule pooledRule) {
        this(quorum, reportRule, ConclusiveOutageRule.DEFAULTS, pooledRule);
    }

    public static MinuteAssessor from(Configuration config) {
        return new MinuteAssessor(
                new ProbeQuorum(
                        config.get(DetectionOptions.QUORUM_MIN_FAILING_VANTAGES),
                        config.get(DetectionOptions.QUORUM_MIN_FAILING_FRACTION)),
                new ReportAnomalyRule(
                        config.get(DetectionOptions.REPORTS_MIN_COUNT),
                        config.get(DetectionOptions.REPORTS_MIN_SCORE),
                        config.get(DetectionOptions.REPORTS_MIN_RATIO)),
                new PooledComplaintRule(
                        config.get(DetectionOptions.REPORTS_POOLED_MINUTES),
                        config.get(DetectionOptions.REPORTS_POOLED_MIN_COUNT),
                        config.get(DetectionOptions.REPORTS_POOLED_MIN_SCORE),
                        config.get(DetectionOptions.REPORTS_POOLED_MIN_RATIO)));
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
                new RecentComplainers(pooledRule.poolMinutes(), stored.recentComplainers()),
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
        PooledComplaints pooled = pooledComplaints(minute, expectedComplaints, state);
        boolean minuteElevated =
                minute.complaints() >= ELEVATED_MIN_COMPLAINTS
                        && minute.complaints() >= ELEVATED_RATIO * expectedComplaints;
        boolean reportsElevated = minuteElevated || pooled.elevated();

        int probes = minute.probes();
        Double failureRate = probes == 0 ? null : (double) minute.failures() / probes;
        Double failureBaseline = probes == 0 ? null : baselineSum / statuses.size();
        double probeScore =
                probes == 0
                        ? 0
                        : CountTailTest.score(minute.failures(), probes * failureBaseline, 0);
        double reportScore = reportRule.score(minute.complaints(), expectedComplaints);
        if (pooled.since() != null) {
            reportScore = Math.max(reportScore, pooled.score());
        }
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
                minute.failures(),
                pooled.since());
    }

    /**
     * What the pool of this minute and the few before it showed.
     *
     * @param since the first minute of the pool's excess when it is anomalous, else null
     * @param elevated the pool is clearly above its expectation, though maybe not anomalous: enough
     *     to keep a complaint-led incident open, as {@link #ELEVATED_MIN_COMPLAINTS} and {@link
     *     #ELEVATED_RATIO} say of one minute
     * @param score the pool's score, 0 when it was not worth computing
     */
    private record PooledComplaints(Instant since, boolean elevated, double score) {
        static final PooledComplaints NOTHING = new PooledComplaints(null, false, 0);
    }

    /**
     * The pooled complaint rule on this minute and the few before it. The distinct authors are
     * counted first, so the rest is computed only for a pool with enough people to matter.
     *
     * <p>Every minute of the pool is expected at what the baseline expected when the pool's oldest
     * kept minute was judged, before it learned that minute: the minutes of an outage that the pool
     * is still gathering are learned (clipped) until it fires, and would otherwise raise the
     * expectation they are judged against; within ten minutes the seasonal expectation hardly
     * moves.
     */
    private PooledComplaints pooledComplaints(
            ServiceMinute minute, double expectedNow, ServiceDetectionState state) {
        List<PooledMinute> before = state.recentComplainers().before(minute.minuteStart());
        if (before.isEmpty() && minute.complaints() == 0) {
            return PooledComplaints.NOTHING;
        }
        int authors = RecentComplainers.distinctAuthors(before, minute.authorHashes());
        if (authors < Math.min(ELEVATED_MIN_COMPLAINTS, pooledRule.minCount())) {
            return PooledComplaints.NOTHING;
        }
        int poolMinutes = pooledRule.poolMinutes();
        double expectedPerMinute = before.isEmpty() ? expectedNow : before.get(0).expected();
        double expectedTotal = poolMinutes * expectedPerMinute;
        double score = pooledRule.score(authors, expectedTotal);
        boolean elevated =
                authors >= ELEVATED_MIN_COMPLAINTS
                        && authors >= ELEVATED_RATIO * expectedTotal
                        && score >= ELEVATED_POOLED_MIN_SCORE;
        if (!pooledRule.isAnomalous(authors, expectedTotal)) {
            return new PooledComplaints(null, elevated, score);
        }
        Instant first = state.recentComplainers().poolStart(minute.minuteStart());
        int[] complaints = new int[poolMinutes];
        for (PooledMinute kept : before) {
            complaints[(int) Duration.between(first, kept.minuteStart()).toMinutes()] =
                    kept.complaints();
        }
        complaints[poolMinutes - 1] = minute.complaints();
        double[] expected = new double[poolMinutes];
        Arrays.fill(expected, expectedPerMinute);
        int start = PooledComplaintRule.excessStart(complaints, expected);
        return new PooledComplaints(
                first.plus(ServiceMinute.LENGTH.multipliedBy(start)), elevated, score);
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
                        assessment.complaintsAnomalous() || state.tracker().isIncidentOpen());
        rememberComplainers(minute, assessment.evidence().reportBaseline(), state);
    }

    /**
     * Keeps the minute's sampled authors for the pools of the next minutes, while a pool could be
     * anomalous at all at the service's current expectation; a busier service keeps none.
     */
    private void rememberComplainers(
            ServiceMinute minute, double expected, ServiceDetectionState state) {
        if (!pooledRule.canFire(expected, ServiceMinute.AUTHOR_SAMPLE)) {
            state.recentComplainers().clear();
            return;
        }
        state.recentComplainers()
                .add(
                        new PooledMinute(
                                minute.minuteStart(),
                                minute.complaints(),
                                expected,
                                minute.authorHashes()));
    }

    public void learnQuiet(ServiceDetectionState state, Instant from, Instant toExclusive) {
        state.recentComplainers().passQuiet(toExclusive.minus(ServiceMinute.LENGTH));
        state.complaints().observeQuiet(from, toExclusive);
    }

    private static double timeoutRate(ServiceMinute minute) {
        int probes = minute.probes();
        return probes == 0 ? 0 : (double) minute.timeouts() / probes;
    }
}
