package io.outagewatch.detection.estimate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One record of the incident corpus (fields as in {@code incidents/README.md}; provenance fields
 * other than the retroactive-post flags are not kept).
 *
 * @param service the vendor's name
 * @param id the status page's incident id
 * @param title the incident title; null if the source has none
 * @param impact the Statuspage impact, {@link ImpactLevel#UNKNOWN} when the source has none
 * @param createdAt the status page's first post; null for sources without one (Azure)
 * @param identifiedAt the first {@code identified} update; null if none
 * @param monitoringAt the first {@code monitoring} update; null if none
 * @param resolvedAt the resolution
 * @param components the affected components; empty when the source does not carry them
 * @param retroactive the first post was already the resolution ({@code firstPostIsResolution}) or
 *     came after the stated end ({@code postedAfterResolution})
 */
public record CorpusIncident(
        String service,
        String id,
        String title,
        ImpactLevel impact,
        Instant createdAt,
        Instant identifiedAt,
        Instant monitoringAt,
        Instant resolvedAt,
        List<String> components,
        boolean retroactive) {

    /**
     * Shorter than this from post to resolution, a record carries no duration: most sources
     * truncate to the minute, and a post at its own resolution is retroactive (caveat 2).
     */
    public static final Duration SHORTEST_DURATION = Duration.ofMinutes(1);

    public CorpusIncident {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        components = List.copyOf(components);
    }

    /**
     * Whether {@link #duration()} means anything: the record has a first post, was not posted
     * retroactively, and lasted at least {@link #SHORTEST_DURATION}. The rest are real incidents
     * whose length nobody recorded; they are left out of fitting and scoring rather than counted as
     * short.
     */
    public boolean carriesDuration() {
        return createdAt != null && !retroactive && duration().compareTo(SHORTEST_DURATION) >= 0;
    }

    /** From the first post to the resolution. */
    public Duration duration() {
        return Duration.between(createdAt, resolvedAt);
    }

    /**
     * The incident as an estimate at {@code moment} sees it, with the first post as its onset (the
     * status page led, so no posting delay is assumed whatever the signal): the status page's
     * updates up to then, its title, and its components standing in for regions, as the corpus has
     * no regions (AWS and Azure name one component per region).
     */
    public IncidentContext contextAt(Instant moment) {
        return new IncidentContext(
                service,
                impact,
                components.size(),
                LeadingSignal.COMPLAINTS,
                createdAt,
                moment,
                createdAt,
                knownBy(identifiedAt, moment),
                knownBy(monitoringAt, moment),
                title);
    }

    private static Instant knownBy(Instant update, Instant moment) {
        return update != null && !update.isAfter(moment) ? update : null;
    }
}
