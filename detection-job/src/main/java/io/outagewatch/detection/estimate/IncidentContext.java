package io.outagewatch.detection.estimate;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What is known about an open incident at {@link #now()}: the inputs of a duration estimate.
 *
 * @param service the service's name as people know it, for the estimate's basis ("from 41 past
 *     GitHub incidents")
 * @param impact how badly it hurts ({@link ImpactLevel#of(io.outagewatch.events.Severity)} for the
 *     detector's severity, or the status page's declared impact)
 * @param affectedRegions how many regions fail, 0 when not known
 * @param leadingSignal which signal opened the incident
 * @param onset when the incident began, as the detector saw it
 * @param now the moment of the estimate, not before {@code onset}
 * @param officialPostAt the status page's first post about it (it is investigating from then on);
 *     null until one has arrived
 * @param identifiedAt when the status page first said the cause was identified; null if not yet
 * @param monitoringAt when the status page first said a fix is being monitored; null if not yet
 * @param statusTitle the status page's incident title; null until one has arrived
 */
public record IncidentContext(
        String service,
        ImpactLevel impact,
        int affectedRegions,
        LeadingSignal leadingSignal,
        Instant onset,
        Instant now,
        Instant officialPostAt,
        Instant identifiedAt,
        Instant monitoringAt,
        String statusTitle) {

    public IncidentContext {
        Objects.requireNonNull(service, "service");
        if (service.isBlank()) {
            throw new IllegalArgumentException("service must not be blank");
        }
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(leadingSignal, "leadingSignal");
        Objects.requireNonNull(onset, "onset");
        Objects.requireNonNull(now, "now");
        if (affectedRegions < 0) {
            throw new IllegalArgumentException(
                    "affectedRegions must not be negative, got " + affectedRegions);
        }
        if (now.isBefore(onset)) {
            throw new IllegalArgumentException("now " + now + " is before the onset " + onset);
        }
        requireKnownBy("officialPostAt", officialPostAt, now);
        requireKnownBy("identifiedAt", identifiedAt, now);
        requireKnownBy("monitoringAt", monitoringAt, now);
    }

    /** An incident the detector has just opened: no status post, phase or title yet. */
    public static IncidentContext detected(
            String service,
            ImpactLevel impact,
            int affectedRegions,
            LeadingSignal leadingSignal,
            Instant onset) {
        return new IncidentContext(
                service,
                impact,
                affectedRegions,
                leadingSignal,
                onset,
                onset,
                null,
                null,
                null,
                null);
    }

    /** The same incident, known as it is, at a later {@code moment}. */
    public IncidentContext at(Instant moment) {
        return new IncidentContext(
                service,
                impact,
                affectedRegions,
                leadingSignal,
                onset,
                moment,
                officialPostAt,
                identifiedAt,
                monitoringAt,
                statusTitle);
    }

    /** This incident once the status page has posted about it at {@code postAt}. */
    public IncidentContext withOfficialPost(Instant postAt, String title) {
        return new IncidentContext(
                service,
                impact,
                affectedRegions,
                leadingSignal,
                onset,
                now,
                postAt,
                identifiedAt,
                monitoringAt,
                title);
    }

    /** This incident once the status page has said the cause is identified. */
    public IncidentContext withIdentifiedAt(Instant moment) {
        return new IncidentContext(
                service,
                impact,
                affectedRegions,
                leadingSignal,
                onset,
                now,
                officialPostAt,
                moment,
                monitoringAt,
                statusTitle);
    }

    /** This incident once the status page has said a fix is being monitored. */
    public IncidentContext withMonitoringAt(Instant moment) {
        return new IncidentContext(
                service,
                impact,
                affectedRegions,
                leadingSignal,
                onset,
                now,
                officialPostAt,
                identifiedAt,
                moment,
                statusTitle);
    }

    /** How long the incident has lasted at {@link #now()}. */
    public Duration elapsed() {
        return Duration.between(onset, now);
    }

    /**
     * When the status page posted, or is assumed to post: the corpus's durations run from there.
     */
    public Instant statusPostAt() {
        return officialPostAt != null
                ? officialPostAt
                : onset.plus(leadingSignal.statusPostDelay());
    }

    private static void requireKnownBy(String name, Instant moment, Instant now) {
        if (moment != null && moment.isAfter(now)) {
            throw new IllegalArgumentException(
                    name + " " + moment + " is after now " + now + ": not known yet");
        }
    }
}
