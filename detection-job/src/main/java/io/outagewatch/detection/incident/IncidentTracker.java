package io.outagewatch.detection.incident;

import io.outagewatch.detection.duration.DurationEstimate;
import io.outagewatch.detection.estimate.DurationForecast;
import io.outagewatch.detection.estimate.ImpactLevel;
import io.outagewatch.detection.estimate.IncidentContext;
import io.outagewatch.detection.estimate.LeadingSignal;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.Evidence;
import io.outagewatch.events.Severity;
import io.outagewatch.events.StatusUpdate;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The incident state machine of one service: normal → suspected → outage → recovering → normal.
 *
 * <p>Plain Java with no Flink types, so every transition is table-tested without a cluster. It is
 * fed one {@link MinuteAssessment} per event-time minute, in order, and official status updates
 * whenever their event time has passed; it answers with the alerts to emit. Everything that belongs
 * to one incident is cleared when the incident ends, so {@link #isIdle()} is true again.
 *
 * <p>Logic over data: it is built from the {@link IncidentState} the detector keeps in Flink state
 * and the operator's {@link IncidentPolicy}, and {@link #state()} is what to keep afterwards.
 */
public final class IncidentTracker {

    /** Official updates older than this before an outage's onset are about something else. */
    static final Duration OFFICIAL_LOOKBACK = Duration.ofHours(1);

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static final DateTimeFormatter INCIDENT_ID_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

    private final String service;
    private final IncidentPolicy policy;

    private IncidentPhase phase = IncidentPhase.NORMAL;
    private Instant firstAnomalousMinute;
    private int probeOutageStreak;
    private int degradedStreak;
    private int reportStreak;

    private String incidentId;
    private Instant startedAt;
    private Instant detectedAt;
    private Severity severity;
    private TreeSet<String> regions = new TreeSet<>();
    private boolean ledByProbes;
    private int version;
    private Instant lastAlertAt;
    private Instant healthySince;
    private Evidence lastEvidence;
    private Long lastEstimateSeconds;
    private StatusUpdate.Status lastOfficialPhase;
    private List<Double> complaintExcess = new ArrayList<>();
    private Instant complaintExcessLast;

    private Instant reportAfterglowUntil;
    private IncidentState.FailureRise failureRise;
    private StatusUpdate latestOfficial;
    private Instant officialAckAt;
    private Instant officialIdentifiedAt;
    private Instant officialMonitoringAt;

    /** A tracker of a service that holds nothing yet. */
    public IncidentTracker(String service, IncidentPolicy policy) {
        this(service, policy, IncidentState.EMPTY);
    }

    /** A tracker that goes on from {@code saved}, judging by {@code policy}. */
    public IncidentTracker(String service, IncidentPolicy policy, IncidentState saved) {
        this.service = Objects.requireNonNull(service, "service");
        this.policy = Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(saved, "saved");
        phase = saved.phase();
        if (saved.suspicion() != null) {
            firstAnomalousMinute = saved.suspicion().firstAnomalousMinute();
            probeOutageStreak = saved.suspicion().probeOutageStreak();
            degradedStreak = saved.suspicion().degradedStreak();
            reportStreak = saved.suspicion().reportStreak();
        }
        if (saved.incident() != null) {
            IncidentState.OpenIncident incident = saved.incident();
            incidentId = incident.incidentId();
            startedAt = incident.startedAt();
            detectedAt = incident.detectedAt();
            severity = incident.severity();
            regions = new TreeSet<>(incident.regions());
            ledByProbes = incident.ledByProbes();
            version = incident.version();
            lastAlertAt = incident.lastAlertAt();
            healthySince = incident.healthySince();
            lastEvidence = incident.lastEvidence();
            lastEstimateSeconds = incident.lastEstimateSeconds();
            lastOfficialPhase = incident.lastOfficialPhase();
            if (incident.complaintExcess() != null) {
                complaintExcess = new ArrayList<>(incident.complaintExcess());
            }
            complaintExcessLast = incident.complaintExcessLast();
        }
        if (saved.official() != null) {
            latestOfficial = saved.official().latest();
            officialAckAt = saved.official().acknowledgedAt();
            officialIdentifiedAt = saved.official().identifiedAt();
            officialMonitoringAt = saved.official().monitoringAt();
        }
        reportAfterglowUntil = saved.reportAfterglowUntil();
        failureRise = saved.failureRise();
    }

    /** What the tracker holds now, to keep in state; {@link IncidentState#EMPTY} if nothing. */
    public IncidentState state() {
        boolean suspicious =
                firstAnomalousMinute != null
                        || probeOutageStreak != 0
                        || degradedStreak != 0
                        || reportStreak != 0;
        IncidentState.Suspicion suspicion =
                suspicious
                        ? new IncidentState.Suspicion(
                                firstAnomalousMinute,
                                probeOutageStreak,
                                degradedStreak,
                                reportStreak)
                        : null;
        IncidentState.OpenIncident incident =
                incidentId == null
                        ? null
                        : new IncidentState.OpenIncident(
                                incidentId,
                                startedAt,
                                detectedAt,
                                severity,
                                List.copyOf(regions),
                                ledByProbes,
                                version,
                                lastAlertAt,
                                healthySince,
                                lastEvidence,
                                lastEstimateSeconds,
                                lastOfficialPhase,
                                List.copyOf(complaintExcess),
                                complaintExcessLast);
        IncidentState.OfficialStatus official =
                latestOfficial == null
                        ? null
                        : new IncidentState.OfficialStatus(
                                latestOfficial,
                                officialAckAt,
                                officialIdentifiedAt,
                                officialMonitoringAt);
        return new IncidentState(
                phase, suspicion, incident, official, reportAfterglowUntil, failureRise);
    }

    public IncidentPhase phase() {
        return phase;
    }

    /** True when the service is normal and nothing about a past incident or suspicion is held. */
    public boolean isIdle() {
        return phase == IncidentPhase.NORMAL
                && firstAnomalousMinute == null
                && incidentId == null
                && latestOfficial == null
                && failureRise == null
                && regions.isEmpty();
    }

    /** True while an incident is open (OUTAGE_STARTED sent, OUTAGE_RECOVERED not yet). */
    public boolean isIncidentOpen() {
        return phase == IncidentPhase.OUTAGE || phase == IncidentPhase.RECOVERING;
    }

    /** Remembers an official status-page update; it is attached to the current or next incident. */
    public void onStatusUpdate(StatusUpdate update) {
        Objects.requireNonNull(update, "update");
        if (latestOfficial != null && update.timestamp().isBefore(latestOfficial.timestamp())) {
            return;
        }
        latestOfficial = update;
        boolean acknowledges = update.status() != StatusUpdate.Status.RESOLVED;
        if (acknowledges && officialAckAt == null) {
            officialAckAt = update.timestamp();
        }
        if (update.status() == StatusUpdate.Status.IDENTIFIED && officialIdentifiedAt == null) {
            officialIdentifiedAt = update.timestamp();
        }
        if (update.status() == StatusUpdate.Status.MONITORING && officialMonitoringAt == null) {
            officialMonitoringAt = update.timestamp();
        }
    }

    /** Folds in one minute and returns the alerts it causes, in emission order. */
    public List<Alert> onMinute(MinuteAssessment minute, DurationForecaster forecaster) {
        Objects.requireNonNull(minute, "minute");
        Objects.requireNonNull(forecaster, "forecaster");
        forgetStaleOfficialUpdate(minute.minuteStart());
        return switch (phase) {
            case NORMAL, SUSPECTED -> onMinuteWithoutIncident(minute, forecaster);
            case OUTAGE -> onMinuteInOutage(minute, forecaster);
            case RECOVERING -> onMinuteWhileRecovering(minute, forecaster);
        };
    }

    private List<Alert> onMinuteWithoutIncident(
            MinuteAssessment minute, DurationForecaster forecaster) {
        failureRise =
                FailureRiseCusum.next(
                        failureRise,
                        minute.minuteStart(),
                        minute.probes(),
                        minute.probeFailures(),
                        minute.evidence().probeFailureBaseline(),
                        policy.onsetRise());
        minute = withoutAfterglowComplaints(minute);
        if (!minute.isAnomalous()) {
            resetSuspicion();
            return List.of();
        }
        if (phase == IncidentPhase.NORMAL) {
            phase = IncidentPhase.SUSPECTED;
            firstAnomalousMinute = minute.minuteStart();
        }
        Instant pooledSince = minute.pooledComplaintsSince();
        if (pooledSince != null && pooledSince.isBefore(firstAnomalousMinute)) {
            // Pooled complaints are anomalous only once several minutes have added up; the
            // outage began where their excess did.
            firstAnomalousMinute = pooledSince;
        }
        countStreaks(minute);
        Severity confirmed = confirmedSeverity(minute);
        if (confirmed == null) {
            return List.of();
        }
        return List.of(open(minute, confirmed, forecaster));
    }

    private List<Alert> onMinuteInOutage(MinuteAssessment minute, DurationForecaster forecaster) {
        recordComplaints(minute);
        if (!isStillFailing(minute)) {
            phase = IncidentPhase.RECOVERING;
            healthySince = minute.minuteStart();
            return List.of();
        }
        return continueOutage(minute, forecaster);
    }

    private List<Alert> onMinuteWhileRecovering(
            MinuteAssessment minute, DurationForecaster forecaster) {
        recordComplaints(minute);
        if (isStillFailing(minute)) {
            phase = IncidentPhase.OUTAGE;
            healthySince = null;
            return continueOutage(minute, forecaster);
        }
        if (Duration.between(healthySince, minute.minuteEnd()).compareTo(policy.mergeGap()) < 0) {
            return List.of();
        }
        Alert recovered = recovered(forecaster, minute.minuteEnd(), recoveredAt());
        if (ledByProbes) {
            reportAfterglowUntil = healthySince.plus(policy.reportAfterglow());
        }
        clearIncident();
        return List.of(recovered);
    }

    /**
     * Keeps the minute's complaints above baseline, for placing a complaint-led recovery; a gap in
     * the minutes (silence skipped in one step) starts the series again.
     */
    private void recordComplaints(MinuteAssessment minute) {
        if (complaintExcessLast == null
                || !minute.minuteStart().equals(complaintExcessLast.plus(MINUTE))) {
            complaintExcess = new ArrayList<>();
        }
        Double rate = minute.evidence().reportRate();
        Double baseline = minute.evidence().reportBaseline();
        double excess = rate == null ? 0 : Math.max(0, rate - (baseline == null ? 0 : baseline));
        complaintExcess.add(excess);
        if (complaintExcess.size() > ComplaintDecay.MAX_MINUTES) {
            complaintExcess.remove(0);
        }
        complaintExcessLast = minute.minuteStart();
    }

    /**
     * When the incident ended: where the probes turned healthy for a probe-led one; for one seen
     * through complaints, where complaints began to decay from their level, since they trail on
     * after a fix, but never before its first minute is over nor after they went quiet.
     */
    private Instant recoveredAt() {
        if (ledByProbes || complaintExcess.isEmpty()) {
            return healthySince;
        }
        Instant first = complaintExcessLast.minus(MINUTE.multipliedBy(complaintExcess.size() - 1));
        Instant decayStart = ComplaintDecay.decayStart(complaintExcess, first);
        if (decayStart == null || !decayStart.isBefore(healthySince)) {
            return healthySince;
        }
        Instant earliest = startedAt.plus(MINUTE);
        return decayStart.isBefore(earliest) ? earliest : decayStart;
    }

    /** Complaints that linger after a probe-led recovery are not evidence while probes pass. */
    private MinuteAssessment withoutAfterglowComplaints(MinuteAssessment minute) {
        if (reportAfterglowUntil == null) {
            return minute;
        }
        if (!minute.minuteStart().isBefore(reportAfterglowUntil)) {
            reportAfterglowUntil = null;
            return minute;
        }
        if (!minute.complaintsAnomalous()
                || !minute.probe().hasData()
                || minute.probe().isAnomalous()) {
            return minute;
        }
        return new MinuteAssessment(
                minute.minuteStart(),
                minute.minuteEnd(),
                minute.probe(),
                minute.affectedRegions(),
                false,
                false,
                minute.evidence(),
                minute.probesConclusive(),
                minute.probes(),
                minute.probeFailures(),
                null);
    }

    private void countStreaks(MinuteAssessment minute) {
        boolean hardFailure =
                minute.probe() == ProbeSignal.OUTAGE
                        || minute.probe() == ProbeSignal.REGIONAL_OUTAGE;
        probeOutageStreak = hardFailure ? probeOutageStreak + 1 : 0;
        degradedStreak = minute.probe() == ProbeSignal.DEGRADED ? degradedStreak + 1 : 0;
        reportStreak = minute.complaintsAnomalous() ? reportStreak + 1 : 0;
    }

    /** The severity of a confirmed outage, or null while the evidence is not yet enough. */
    private Severity confirmedSeverity(MinuteAssessment minute) {
        // Only a minute's own complaints agree with its probes: a pool looks back several minutes.
        boolean signalsAgree = minute.probe().isAnomalous() && minute.reportsAnomalous();
        if (signalsAgree
                || minute.probesConclusive()
                || probeOutageStreak >= policy.confirmMinutesOneSignal()) {
            return minute.severity();
        }
        if (degradedStreak >= policy.confirmMinutesDegraded()) {
            return Severity.DEGRADED;
        }
        int reportMinutesNeeded =
                minute.probe().hasData()
                        ? policy.confirmMinutesReportsAgainstHealthyProbes()
                        : policy.confirmMinutesOneSignal();
        if (reportStreak >= reportMinutesNeeded) {
            return minute.severity();
        }
        return null;
    }

    /**
     * Recovery of a probed service follows its probes: complaints linger for tens of minutes after
     * a fix. Without probe data the complaints decide.
     */
    private boolean isStillFailing(MinuteAssessment minute) {
        if (ledByProbes && minute.probe().hasData()) {
            return minute.probe().isAnomalous();
        }
        return minute.isAnomalous() || minute.reportsElevated();
    }

    private Alert open(MinuteAssessment minute, Severity confirmed, DurationForecaster forecaster) {
        phase = IncidentPhase.OUTAGE;
        // Where the probes began failing more than usual, if that rise runs into this incident
        // and began before it was first anomalous: a slow burn reaches a quorum late.
        startedAt =
                FailureRiseCusum.onset(failureRise, firstAnomalousMinute, policy.onsetLookback());
        failureRise = null;
        detectedAt = minute.minuteEnd();
        incidentId = service + "-" + INCIDENT_ID_TIME.format(startedAt);
        severity = confirmed;
        ledByProbes = minute.probe().isAnomalous();
        addRegions(minute);
        recordComplaints(minute);
        // The suspicion became the incident: nothing of it is needed until the next one.
        firstAnomalousMinute = null;
        resetStreaks();
        if (latestOfficial != null
                && latestOfficial.timestamp().isBefore(startedAt.minus(OFFICIAL_LOOKBACK))) {
            forgetOfficial();
        }
        return alert(AlertType.OUTAGE_STARTED, minute, forecaster);
    }

    private List<Alert> continueOutage(MinuteAssessment minute, DurationForecaster forecaster) {
        ledByProbes |= minute.probe().isAnomalous();
        Severity seen = minute.severity();
        boolean upgraded = minute.isAnomalous() && rank(seen) > rank(severity);
        if (upgraded) {
            severity = seen;
            if (severity != Severity.PARTIAL) {
                regions.clear();
            }
        }
        boolean regionsGrew = severity == Severity.PARTIAL && addRegions(minute);
        boolean due =
                Duration.between(lastAlertAt, minute.minuteEnd()).compareTo(policy.updateEvery())
                        >= 0;
        boolean phaseChanged = officialPhase() != lastOfficialPhase;
        DurationForecast forecast = forecaster.forecast(context(minute.minuteEnd()));
        boolean estimateMoved =
                lastEstimateSeconds != null
                        && policy.estimateMoved(
                                lastEstimateSeconds, forecast.total().median().toSeconds());
        if (upgraded || regionsGrew || due || phaseChanged || estimateMoved) {
            return List.of(alert(AlertType.OUTAGE_UPDATED, minute, forecaster));
        }
        lastEvidence = minute.evidence();
        return List.of();
    }

    /** The official status phase as of now, null when no update is held. */
    private StatusUpdate.Status officialPhase() {
        return latestOfficial == null ? null : latestOfficial.status();
    }

    /**
     * The open incident as a duration estimate sees it at {@code now}: its severity, regions when
     * it is partial, which signal led, and the official updates that had arrived by then.
     */
    private IncidentContext context(Instant now) {
        // The detector's severity, not a status page's declared impact: vendors rate the same
        // full outage "major" or "critical", and an estimate's basis that flipped from "major
        // outages" to "partial outages" at the acknowledgement would read as a downgrade.
        ImpactLevel impact = ImpactLevel.of(severity);
        int affectedRegions = severity == Severity.PARTIAL ? regions.size() : 0;
        IncidentContext context =
                IncidentContext.detected(
                                service,
                                impact,
                                affectedRegions,
                                ledByProbes ? LeadingSignal.PROBES : LeadingSignal.COMPLAINTS,
                                startedAt)
                        .at(now);
        if (officialAckAt != null && !officialAckAt.isAfter(now)) {
            context = context.withOfficialPost(officialAckAt, latestOfficial.title());
        }
        if (officialIdentifiedAt != null && !officialIdentifiedAt.isAfter(now)) {
            context = context.withIdentifiedAt(officialIdentifiedAt);
        }
        if (officialMonitoringAt != null && !officialMonitoringAt.isAfter(now)) {
            context = context.withMonitoringAt(officialMonitoringAt);
        }
        return context;
    }

    private boolean addRegions(MinuteAssessment minute) {
        if (severity != Severity.PARTIAL) {
            return false;
        }
        return regions.addAll(minute.affectedRegions());
    }

    private static int rank(Severity severity) {
        return switch (severity) {
            case DEGRADED -> 0;
            case PARTIAL -> 1;
            case MAJOR -> 2;
        };
    }

    private Alert alert(AlertType type, MinuteAssessment minute, DurationForecaster forecaster) {
        version++;
        lastAlertAt = minute.minuteEnd();
        lastEvidence = minute.evidence();
        DurationForecast forecast = forecaster.forecast(context(minute.minuteEnd()));
        DurationEstimate total = forecast.total();
        DurationEstimate remaining = forecast.remaining();
        lastEstimateSeconds = total.median().toSeconds();
        lastOfficialPhase = officialPhase();
        return new Alert(
                incidentId,
                type,
                service,
                severity,
                List.copyOf(regions),
                startedAt,
                detectedAt,
                null,
                null,
                total.median().toSeconds(),
                total.low().toSeconds(),
                total.high().toSeconds(),
                lastEvidence,
                latestOfficial,
                null,
                version,
                remaining.median().toSeconds(),
                remaining.low().toSeconds(),
                remaining.high().toSeconds(),
                forecast.basis(),
                minute.minuteEnd());
    }

    /** The recovery, declared at the end of {@code declaredAt}'s minute. */
    private Alert recovered(
            DurationForecaster forecaster, Instant declaredAt, Instant recoveredAt) {
        forecaster.resolved(context(recoveredAt), recoveredAt);
        version++;
        Long lead =
                officialAckAt == null
                        ? null
                        : Duration.between(detectedAt, officialAckAt).toSeconds();
        return new Alert(
                incidentId,
                AlertType.OUTAGE_RECOVERED,
                service,
                severity,
                List.copyOf(regions),
                startedAt,
                detectedAt,
                recoveredAt,
                Duration.between(startedAt, recoveredAt).toSeconds(),
                null,
                null,
                null,
                lastEvidence,
                latestOfficial,
                lead,
                version,
                null,
                null,
                null,
                null,
                declaredAt);
    }

    private void forgetStaleOfficialUpdate(Instant now) {
        if (!isIncidentOpen()
                && latestOfficial != null
                && latestOfficial.timestamp().isBefore(now.minus(OFFICIAL_LOOKBACK))) {
            forgetOfficial();
        }
    }

    private void forgetOfficial() {
        latestOfficial = null;
        officialAckAt = null;
        officialIdentifiedAt = null;
        officialMonitoringAt = null;
    }

    private void resetStreaks() {
        probeOutageStreak = 0;
        degradedStreak = 0;
        reportStreak = 0;
    }

    private void resetSuspicion() {
        phase = IncidentPhase.NORMAL;
        firstAnomalousMinute = null;
        resetStreaks();
    }

    private void clearIncident() {
        resetSuspicion();
        incidentId = null;
        startedAt = null;
        detectedAt = null;
        severity = null;
        regions = new TreeSet<>();
        ledByProbes = false;
        version = 0;
        lastAlertAt = null;
        healthySince = null;
        lastEvidence = null;
        lastEstimateSeconds = null;
        lastOfficialPhase = null;
        complaintExcess = new ArrayList<>();
        complaintExcessLast = null;
        forgetOfficial();
    }
}
