package io.outagewatch.detection.incident;

import io.outagewatch.events.Evidence;
import io.outagewatch.events.Severity;
import io.outagewatch.events.StatusUpdate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an {@link IncidentTracker} holds about one service between minutes, as kept in Flink state.
 * Data only: the {@link IncidentPolicy} that judges it comes from the operator, so a changed policy
 * applies to a service restored from a savepoint. Absent parts are null; a service that holds
 * nothing is {@link #EMPTY} and keeps no state at all.
 *
 * <p>Flink POJOs throughout (records of records, lists, enums and instants), so fields can be added
 * or dropped between releases and savepoints still restore (docs/operations.md, "Detector state").
 *
 * @param phase where the service stands in the incident lifecycle
 * @param suspicion anomalous minutes seen while no incident is open; null when there are none
 * @param incident the open incident, also while it waits out the merge gap; null when none is
 * @param official the latest official status update; null when none is held
 * @param reportAfterglowUntil complaints against healthy probes do not count until then; null when
 *     no probe-led incident has just recovered
 * @param failureRise the probes' failure share has been rising above its baseline, while no
 *     incident is open; null when it is not (the usual case)
 */
public record IncidentState(
        IncidentPhase phase,
        Suspicion suspicion,
        OpenIncident incident,
        OfficialStatus official,
        Instant reportAfterglowUntil,
        FailureRise failureRise) {

    /** A service with nothing held: normal, no suspicion, no incident, no official update. */
    public static final IncidentState EMPTY =
            new IncidentState(IncidentPhase.NORMAL, null, null, null, null, null);

    public IncidentState {
        Objects.requireNonNull(phase, "phase");
    }

    /**
     * Consecutive anomalous minutes counted towards confirming an outage.
     *
     * @param firstAnomalousMinute start of the first anomalous minute; the incident starts there
     */
    public record Suspicion(
            Instant firstAnomalousMinute,
            int probeOutageStreak,
            int degradedStreak,
            int reportStreak) {}

    /**
     * An incident from OUTAGE_STARTED until OUTAGE_RECOVERED.
     *
     * @param regions affected regions of a PARTIAL incident, sorted
     * @param ledByProbes the probes saw it, so the probes decide its recovery
     * @param version the version of its latest alert
     * @param lastAlertAt the end of the minute of its latest alert
     * @param healthySince start of the healthy run while recovering; null while failing
     * @param lastEvidence the evidence of the latest minute that still failed
     * @param lastEstimateSeconds the median total duration its latest alert gave
     * @param lastOfficialPhase the official status its latest alert carried; null if none
     * @param complaintExcess complaints above the baseline in the incident's latest minutes
     *     (consecutive, oldest first, at most {@code ComplaintDecay.MAX_MINUTES}): where they stop
     *     holding their level is where a complaint-led incident ended; null or empty before any
     * @param complaintExcessLast start of the minute of the last entry of {@code complaintExcess}
     */
    public record OpenIncident(
            String incidentId,
            Instant startedAt,
            Instant detectedAt,
            Severity severity,
            List<String> regions,
            boolean ledByProbes,
            int version,
            Instant lastAlertAt,
            Instant healthySince,
            Evidence lastEvidence,
            Long lastEstimateSeconds,
            StatusUpdate.Status lastOfficialPhase,
            List<Double> complaintExcess,
            Instant complaintExcessLast) {}

    /**
     * The latest official status update, attached to the current or next incident.
     *
     * @param acknowledgedAt when an update first said something was wrong; null if none did
     * @param identifiedAt when an update first said the cause was identified; null if none did
     * @param monitoringAt when an update first said a fix was being monitored; null if none did
     */
    public record OfficialStatus(
            StatusUpdate latest,
            Instant acknowledgedAt,
            Instant identifiedAt,
            Instant monitoringAt) {}

    /**
     * A run of minutes in which the one-sided CUSUM of failed probes ({@code FailureRiseCusum}) has
     * stayed above zero: the probes began failing more than usual at {@code since}. An incident
     * confirmed while it lasts is backdated to {@code since}.
     *
     * @param since start of the run's first minute: where the failure share began to rise
     * @param lastMinute start of the run's latest minute; a run only goes on minute by minute
     * @param score the CUSUM after {@code lastMinute}, in nats; always above zero
     */
    public record FailureRise(Instant since, Instant lastMinute, double score) {}
}
