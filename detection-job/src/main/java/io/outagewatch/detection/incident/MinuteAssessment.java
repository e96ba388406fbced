package io.outagewatch.detection.incident;

import io.outagewatch.events.Evidence;
import io.outagewatch.events.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The verdict of the detector's tests on one event-time minute of one service: the only input the
 * incident state machine needs besides official status updates.
 *
 * @param minuteStart inclusive start of the minute
 * @param minuteEnd exclusive end of the minute; the event time at which a decision on it is made
 * @param probe what the probes say
 * @param affectedRegions regions whose vantages fail, for {@link ProbeSignal#REGIONAL_OUTAGE}
 * @param reportsAnomalous complaint volume is anomalous against its seasonal baseline
 * @param reportsElevated complaint volume is clearly above baseline, though maybe not anomalous:
 *     enough to keep a complaint-led incident open (entering needs more than staying)
 * @param evidence the figures behind the verdict, carried into alerts
 * @param probesConclusive the probes alone prove an outage this minute ({@code
 *     ConclusiveOutageRule}): it is confirmed without waiting for more minutes
 * @param probes probes of the minute that count (broken vantages left out); 0 without probe data
 * @param probeFailures how many of them failed
 * @param pooledComplaintsSince the complaints of this minute and the few before it, pooled, are
 *     anomalous ({@code PooledComplaintRule}): the start of the first minute of their excess, where
 *     an incident they open begins; null when the pool is not anomalous
 */
public record MinuteAssessment(
        Instant minuteStart,
        Instant minuteEnd,
        ProbeSignal probe,
        List<String> affectedRegions,
        boolean reportsAnomalous,
        boolean reportsElevated,
        Evidence evidence,
        boolean probesConclusive,
        int probes,
        int probeFailures,
        Instant pooledComplaintsSince) {

    public MinuteAssessment {
        Objects.requireNonNull(minuteStart, "minuteStart");
        Objects.requireNonNull(minuteEnd, "minuteEnd");
        Objects.requireNonNull(probe, "probe");
        Objects.requireNonNull(evidence, "evidence");
        affectedRegions = affectedRegions == null ? List.of() : List.copyOf(affectedRegions);
        if (!minuteEnd.isAfter(minuteStart)) {
            throw new IllegalArgumentException("minuteEnd must be after minuteStart");
        }
        if (probes < 0 || probeFailures < 0 || probeFailures > probes) {
            throw new IllegalArgumentException(
                    "probeFailures must be within [0, probes], got "
                            + probeFailures
                            + " of "
                            + probes);
        }
        if (pooledComplaintsSince != null && pooledComplaintsSince.isAfter(minuteStart)) {
            throw new IllegalArgumentException(
                    "pooledComplaintsSince must not be after minuteStart");
        }
    }

    /** A minute whose complaints are judged on their own, without a pool. */
    public MinuteAssessment(
            Instant minuteStart,
            Instant minuteEnd,
            ProbeSignal probe,
            List<String> affectedRegions,
            boolean reportsAnomalous,
            boolean reportsElevated,
            Evidence evidence,
            boolean probesConclusive,
            int probes,
            int probeFailures) {
        this(
                minuteStart,
                minuteEnd,
                probe,
                affectedRegions,
                reportsAnomalous,
                reportsElevated,
                evidence,
                probesConclusive,
                probes,
                probeFailures,
                null);
    }

    public boolean isAnomalous() {
        return probe.isAnomalous() || complaintsAnomalous();
    }

    /** The complaints are anomalous, in this minute alone or pooled with the minutes before it. */
    public boolean complaintsAnomalous() {
        return reportsAnomalous || pooledComplaintsSince != null;
    }

    /**
     * The severity of an outage as this minute alone shows it: what the incident state machine
     * gives an incident it confirms or upgrades here, and what a status page shows for the minute.
     */
    public Severity severity() {
        return switch (probe) {
            case OUTAGE -> Severity.MAJOR;
            case REGIONAL_OUTAGE -> Severity.PARTIAL;
            // Pooled complaints are a few people over several minutes: evidence that something is
            // wrong, not that a slow service is down.
            case DEGRADED -> reportsAnomalous ? Severity.MAJOR : Severity.DEGRADED;
            // Users complain but every probe passes: part of the service is broken.
            case HEALTHY, NOISE -> Severity.PARTIAL;
            case NO_DATA -> Severity.MAJOR;
        };
    }
}
