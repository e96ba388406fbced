package io.outagewatch.detection.functions;

import io.outagewatch.detection.assess.ServiceDetectionState;
import io.outagewatch.detection.assess.StoredDetection;
import io.outagewatch.detection.assess.VantageRate;
import io.outagewatch.detection.baseline.LatencyStats;
import io.outagewatch.detection.baseline.PooledMinute;
import io.outagewatch.detection.baseline.SeasonalRates;
import io.outagewatch.detection.estimate.ServiceHistory;
import io.outagewatch.detection.incident.IncidentState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The outage detector's learned and incident state of a service: one typed piece of keyed state per
 * kind of data, each a Flink POJO (records) or a basic type, so Flink's own serializers write them
 * and their schemas can evolve (docs/operations.md, "Detector state"). Settings are never stored:
 * they come from the operator.
 *
 * <p>Public because it is the savepoint format: tools reading savepoints with the State Processor
 * API use these descriptors, or build a {@code DetectorState} in a {@code KeyedStateReaderFunction}
 * and {@link #load()}.
 */
public final class DetectorState {

    /** The incident state machine's data; absent while the service holds nothing. */
    public static final ValueStateDescriptor<IncidentState> INCIDENT_TRACKER =
            new ValueStateDescriptor<>("incident-tracker", TypeInformation.of(IncidentState.class));

    /** Each vantage's learned failure rate and when it last probed, by vantage. */
    public static final MapStateDescriptor<String, VantageRate> VANTAGE_RATES =
            new MapStateDescriptor<>(
                    "vantage-rates", Types.STRING, TypeInformation.of(VantageRate.class));

    /** The seasonal complaint baseline's data. */
    public static final ValueStateDescriptor<SeasonalRates> COMPLAINT_RATES =
            new ValueStateDescriptor<>("complaint-rates", TypeInformation.of(SeasonalRates.class));

    /**
     * The last few minutes' sampled complaining authors, for the pooled complaint rule: at most one
     * entry per minute of the pool, each of at most {@code ServiceMinute.AUTHOR_SAMPLE} hashes;
     * absent while no complaint is in the pool.
     */
    public static final ListStateDescriptor<PooledMinute> RECENT_COMPLAINERS =
            new ListStateDescriptor<>("recent-complainers", TypeInformation.of(PooledMinute.class));

    /** The latency baseline's data; absent until a minute has latency samples. */
    public static final ValueStateDescriptor<LatencyStats> LATENCY_STATS =
            new ValueStateDescriptor<>("latency-stats", TypeInformation.of(LatencyStats.class));

    /** What the service's past incidents taught the duration model; absent until one ended. */
    public static final ValueStateDescriptor<ServiceHistory> DURATION_HISTORY =
            new ValueStateDescriptor<>(
                    "duration-history", TypeInformation.of(ServiceHistory.class));

    /** Start of the last minute decided, so a minute is never decided twice. */
    public static final ValueStateDescriptor<Instant> LAST_DECIDED_MINUTE =
            new ValueStateDescriptor<>("last-decided-minute", Types.INSTANT);

    /** Every piece, for tools and tests that look at all of them. */
    public static final List<StateDescriptor<?, ?>> ALL =
            List.of(
                    INCIDENT_TRACKER,
                    VANTAGE_RATES,
                    COMPLAINT_RATES,
                    RECENT_COMPLAINERS,
                    LATENCY_STATS,
                    DURATION_HISTORY,
                    LAST_DECIDED_MINUTE);

    private final ValueState<IncidentState> incidentTracker;
    private final MapState<String, VantageRate> vantageRates;
    private final ValueState<SeasonalRates> complaintRates;
    private final ListState<PooledMinute> recentComplainers;
    private final ValueState<LatencyStats> latencyStats;
    private final ValueState<ServiceHistory> durationHistory;
    private final ValueState<Instant> lastDecidedMinute;

    /** The pieces of the current key, as the runtime context gives them. */
    public DetectorState(RuntimeContext context) {
        incidentTracker = context.getState(INCIDENT_TRACKER);
        vantageRates = context.getMapState(VANTAGE_RATES);
        complaintRates = context.getState(COMPLAINT_RATES);
        recentComplainers = context.getListState(RECENT_COMPLAINERS);
        latencyStats = context.getState(LATENCY_STATS);
        durationHistory = context.getState(DURATION_HISTORY);
        lastDecidedMinute = context.getState(LAST_DECIDED_MINUTE);
    }

    /** The current key's data; nothing stored reads as nothing learned. */
    public StoredDetection load() throws Exception {
        Map<String, VantageRate> vantages = new HashMap<>();
        for (Map.Entry<String, VantageRate> entry : vantageRates.entries()) {
            vantages.put(entry.getKey(), entry.getValue());
        }
        List<PooledMinute> complainers = new ArrayList<>();
        recentComplainers.get().forEach(complainers::add);
        return new StoredDetection(
                incidentTracker.value(),
                complaintRates.value(),
                latencyStats.value(),
                durationHistory.value(),
                lastDecidedMinute.value(),
                vantages,
                complainers);
    }

    /**
     * Stores what {@code state} holds for the current key and marks it saved. Only pieces that
     * changed since they were read or last saved are written (most minutes change two or three of
     * them); pieces holding nothing are cleared.
     */
    void save(ServiceDetectionState state) throws Exception {
        ServiceDetectionState.Kept before = state.kept();
        ServiceDetectionState.Kept now = state.toKeep();
        if (!now.tracker().equals(before.tracker())) {
            keep(incidentTracker, now.tracker(), IncidentState.EMPTY);
        }
        if (!now.complaintRates().equals(before.complaintRates())) {
            keep(complaintRates, now.complaintRates(), SeasonalRates.EMPTY);
        }
        if (!now.recentComplainerMinutes().equals(before.recentComplainerMinutes())) {
            // An empty list clears the piece.
            recentComplainers.update(now.recentComplainerMinutes());
        }
        if (!now.latencyStats().equals(before.latencyStats())) {
            keep(latencyStats, now.latencyStats(), LatencyStats.EMPTY);
        }
        if (!now.history().equals(before.history())) {
            keep(durationHistory, now.history(), ServiceHistory.empty());
        }
        if (!Objects.equals(now.lastMinuteStart(), before.lastMinuteStart())) {
            lastDecidedMinute.update(now.lastMinuteStart());
        }
        Map<String, VantageRate> updated = state.updatedVantages();
        if (!updated.isEmpty()) {
            vantageRates.putAll(updated);
        }
        for (String evicted : state.evictedVantages()) {
            vantageRates.remove(evicted);
        }
        state.markSaved(now);
    }

    private static <T> void keep(ValueState<T> piece, T value, T nothing) throws Exception {
        if (value.equals(nothing)) {
            piece.clear();
        } else {
            piece.update(value);
        }
    }
}
