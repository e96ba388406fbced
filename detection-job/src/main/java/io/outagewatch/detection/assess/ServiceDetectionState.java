package io.outagewatch.detection.assess;

import io.outagewatch.detection.baseline.LatencyBaseline;
import io.outagewatch.detection.baseline.LatencyStats;
import io.outagewatch.detection.baseline.PooledMinute;
import io.outagewatch.detection.baseline.RecentComplainers;
import io.outagewatch.detection.baseline.SeasonalRateBaseline;
import io.outagewatch.detection.baseline.SeasonalRates;
import io.outagewatch.detection.baseline.VantageFailureBaseline;
import io.outagewatch.detection.estimate.DurationForecast;
import io.outagewatch.detection.estimate.IncidentContext;
import io.outagewatch.detection.estimate.ServiceHistory;
import io.outagewatch.detection.incident.DurationForecaster;
import io.outagewatch.detection.incident.IncidentPhase;
import io.outagewatch.detection.incident.IncidentState;
import io.outagewatch.detection.incident.IncidentTracker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the detector knows about one service while it decides minutes: learned baselines, past
 * incident durations, and the incident state machine, each a logic object built around the data in
 * a {@link StoredDetection} with the operator's settings.
 *
 * <p>Plain Java, and never stored itself: the detector builds one from the service's pieces of
 * keyed state when it first needs the service, keeps it between timers while it has room ({@code
 * LiveDetections}), and after every timer writes back what changed: the vantages seen or dropped
 * ({@link #updatedVantages()}, {@link #evictedVantages()}) and, of the pieces written whole ({@link
 * #toKeep()}), those that differ from what keyed state holds ({@link #kept()}); {@link #markSaved}
 * then records what is kept.
 */
public final class ServiceDetectionState implements DurationForecaster {

    /** Vantage baselines kept per service; the least recently seen goes when more appear. */
    public static final int MAX_VANTAGES = 256;

    /** Least recently seen first; of those seen together, the first by name, whatever the map. */
    private static final Comparator<KnownVantage> STALEST_FIRST =
            Comparator.<KnownVantage, Instant>comparing(known -> known.lastSeen)
                    .thenComparing(known -> known.name);

    private final String service;
    private final IncidentTracker tracker;
    private final DurationEstimates estimates;
    private final SeasonalRateBaseline complaints;
    private final LatencyBaseline latency;
    private final VantageFailureBaseline.Settings vantageSettings;
    private final RecentComplainers recentComplainers;
    // One hashed lookup per vantage and call: every minute looks up each vantage that probed,
    // twice, and the names come freshly deserialized, so each lookup hashes and compares them.
    private final Map<String, KnownVantage> vantages = new HashMap<>();
    private final List<KnownVantage> seenVantages = new ArrayList<>();
    private final Set<String> evictedVantages = new HashSet<>();
    private ServiceHistory history;
    private Instant lastMinuteStart;
    private Kept kept;

    /**
     * The pieces of a service's keyed state that are written whole, as handed out for saving or as
     * read: pieces equal to what is kept already need no write.
     */
    public record Kept(
            IncidentState tracker,
            SeasonalRates complaintRates,
            List<PooledMinute> recentComplainerMinutes,
            LatencyStats latencyStats,
            ServiceHistory history,
            Instant lastMinuteStart) {}

    ServiceDetectionState(
            String service,
            IncidentTracker tracker,
            DurationEstimates estimates,
            SeasonalRateBaseline complaints,
            LatencyBaseline latency,
            VantageFailureBaseline.Settings vantageSettings,
            RecentComplainers recentComplainers,
            StoredDetection stored) {
        this.service = Objects.requireNonNull(service, "service");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.estimates = Objects.requireNonNull(estimates, "estimates");
        this.complaints = Objects.requireNonNull(complaints, "complaints");
        this.latency = Objects.requireNonNull(latency, "latency");
        this.vantageSettings = Objects.requireNonNull(vantageSettings, "vantageSettings");
        this.recentComplainers = Objects.requireNonNull(recentComplainers, "recentComplainers");
        stored.vantages()
                .forEach(
                        (vantage, rate) -> {
                            KnownVantage known =
                                    new KnownVantage(
                                            vantage,
                                            new VantageFailureBaseline(
                                                    vantageSettings, rate.failureEwma()));
                            known.lastSeen = rate.lastSeen();
                            vantages.put(vantage, known);
                        });
        this.history = stored.durations();
        this.lastMinuteStart = stored.lastMinuteStart();
        this.kept =
                new Kept(
                        stored.tracker(),
                        stored.complaints(),
                        stored.recentComplainers(),
                        stored.latency(),
                        stored.durations(),
                        stored.lastMinuteStart());
    }

    public String service() {
        return service;
    }

    public IncidentTracker tracker() {
        return tracker;
    }

    /** The state machine is waiting on something, so silent minutes must be looked at too. */
    public boolean needsTicks() {
        return tracker.phase() != IncidentPhase.NORMAL;
    }

    public Instant lastMinuteStart() {
        return lastMinuteStart;
    }

    public void setLastMinuteStart(Instant minuteStart) {
        this.lastMinuteStart = minuteStart;
    }

    @Override
    public DurationForecast forecast(IncidentContext incident) {
        return estimates.forecast(incident, history);
    }

    @Override
    public void resolved(IncidentContext incident, Instant resolvedAt) {
        history = estimates.learn(history, incident, resolvedAt);
    }

    public ServiceHistory history() {
        return history;
    }

    /** The tracker's data to keep; {@link IncidentState#EMPTY} when it holds nothing. */
    public IncidentState trackerState() {
        return tracker.state();
    }

    public SeasonalRates complaintRates() {
        return complaints.rates();
    }

    /** The recent minutes of complaints the pooled rule looks back on; empty when none. */
    public List<PooledMinute> recentComplainerMinutes() {
        return recentComplainers.minutes();
    }

    public LatencyStats latencyStats() {
        return latency.stats();
    }

    /** The data of the vantages seen since this was built or last saved, to keep by vantage. */
    public Map<String, VantageRate> updatedVantages() {
        Map<String, VantageRate> updated = new HashMap<>();
        for (KnownVantage known : seenVantages) {
            if (!known.evicted) {
                updated.put(known.name, new VantageRate(known.baseline.ewma(), known.lastSeen));
            }
        }
        return updated;
    }

    /** Vantages dropped since this was built or last saved, to remove from what is kept. */
    public Set<String> evictedVantages() {
        return Collections.unmodifiableSet(evictedVantages);
    }

    /** The pieces as they are now, to save. */
    public Kept toKeep() {
        return new Kept(
                trackerState(),
                complaintRates(),
                recentComplainerMinutes(),
                latencyStats(),
                history,
                lastMinuteStart);
    }

    /** What keyed state holds for the service, as read or as last saved. */
    public Kept kept() {
        return kept;
    }

    /**
     * {@code saved} and what {@link #updatedVantages()} and {@link #evictedVantages()} handed out
     * is now kept: the vantages start again from nothing, so an object kept across timers writes
     * only what changed since.
     */
    public void markSaved(Kept saved) {
        kept = Objects.requireNonNull(saved, "saved");
        for (KnownVantage known : seenVantages) {
            known.seen = false;
        }
        seenVantages.clear();
        evictedVantages.clear();
    }

    SeasonalRateBaseline complaints() {
        return complaints;
    }

    RecentComplainers recentComplainers() {
        return recentComplainers;
    }

    LatencyBaseline latency() {
        return latency;
    }

    VantageFailureBaseline vantage(String vantage, Instant seenAt) {
        KnownVantage known = vantages.get(vantage);
        boolean added = known == null;
        if (added) {
            known = new KnownVantage(vantage, new VantageFailureBaseline(vantageSettings));
            vantages.put(vantage, known);
            if (!evictedVantages.isEmpty()) {
                evictedVantages.remove(vantage);
            }
        }
        known.lastSeen = seenAt;
        if (added && vantages.size() > MAX_VANTAGES) {
            KnownVantage stalest = vantages.values().stream().min(STALEST_FIRST).orElseThrow();
            vantages.remove(stalest.name);
            stalest.evicted = true;
            evictedVantages.add(stalest.name);
        }
        if (!known.seen) {
            known.seen = true;
            seenVantages.add(known);
        }
        return known.baseline;
    }

    /**
     * A vantage's failure baseline and when it was last seen; whether it was seen since the last
     * save, and whether it was dropped since.
     */
    private static final class KnownVantage {
        final String name;
        final VantageFailureBaseline baseline;
        Instant lastSeen;
        boolean seen;
        boolean evicted;

        KnownVantage(String name, VantageFailureBaseline baseline) {
            this.name = name;
            this.baseline = baseline;
        }
    }
}
