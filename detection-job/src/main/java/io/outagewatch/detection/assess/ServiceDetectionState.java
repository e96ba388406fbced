package io.outagewatch.detection.assess;

import io.outagewatch.detection.baseline.LatencyBaseline;
import io.outagewatch.detection.baseline.SeasonalRateBaseline;
import io.outagewatch.detection.baseline.VantageFailureBaseline;
import io.outagewatch.detection.duration.DurationEstimate;
import io.outagewatch.detection.duration.DurationEstimator;
import io.outagewatch.detection.duration.IncidentDurationHistory;
import io.outagewatch.detection.incident.IncidentPhase;
import io.outagewatch.detection.incident.IncidentTracker;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything the detector keeps about one service: learned baselines, past incident durations, and
 * the incident state machine.
 *
 * <p>Size per service: the seasonal complaint baseline (168 slots, about 3 KB), the latency
 * baseline (tens of bytes), the duration history (at most 32 incidents, about 250 bytes), the
 * tracker (under 1 KB during an incident), and one failure baseline per vantage (about 50 bytes
 * each, at most {@link #MAX_VANTAGES}).
 */
public final class ServiceDetectionState implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Vantage baselines kept per service; the least recently seen goes when more appear. */
    public static final int MAX_VANTAGES = 256;

    private final String service;
    private final IncidentTracker tracker;
    private final DurationEstimator estimator;
    private final SeasonalRateBaseline complaints;
    private final LatencyBaseline latency;
    private final TreeMap<String, VantageFailureBaseline> vantages = new TreeMap<>();
    private final TreeMap<String, Instant> vantageLastSeen = new TreeMap<>();
    private IncidentDurationHistory history = IncidentDurationHistory.empty();
    private Instant lastMinuteStart;

    ServiceDetectionState(
            String service,
            IncidentTracker tracker,
            DurationEstimator estimator,
            SeasonalRateBaseline complaints,
            LatencyBaseline latency) {
        this.service = Objects.requireNonNull(service, "service");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.estimator = Objects.requireNonNull(estimator, "estimator");
        this.complaints = Objects.requireNonNull(complaints, "complaints");
        this.latency = Objects.requireNonNull(latency, "latency");
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

    public DurationEstimate forecast(Duration elapsed) {
        return estimator.estimate(history, elapsed);
    }

    public void recordCompletedIncident(Duration duration) {
        history = history.withRecorded(duration);
    }

    public IncidentDurationHistory history() {
        return history;
    }

    SeasonalRateBaseline complaints() {
        return complaints;
    }

    LatencyBaseline latency() {
        return latency;
    }

    VantageFailureBaseline vantage(String vantage, Instant seenAt) {
        vantageLastSeen.put(vantage, seenAt);
        VantageFailureBaseline baseline =
                vantages.computeIfAbsent(vantage, v -> new VantageFailureBaseline());
        if (vantages.size() > MAX_VANTAGES) {
            String stalest =
                    vantageLastSeen.entrySet().stream()
                            .min(java.util.Map.Entry.comparingByValue())
                            .orElseThrow()
                            .getKey();
            vantages.remove(stalest);
            vantageLastSeen.remove(stalest);
        }
        return baseline;
    }

    /** The vantage's learned failure rate, or null for a vantage not seen yet. */
    Double vantageRate(String vantage) {
        VantageFailureBaseline baseline = vantages.get(vantage);
        return baseline == null ? null : baseline.rate();
    }
}
