package io.outagewatch.detection.assess;

import io.outagewatch.detection.baseline.LatencyStats;
import io.outagewatch.detection.baseline.PooledMinute;
import io.outagewatch.detection.baseline.SeasonalRates;
import io.outagewatch.detection.estimate.ServiceHistory;
import io.outagewatch.detection.incident.IncidentState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A service's detection state as read from its pieces in Flink state, data only, for {@link
 * MinuteAssessor#restore} to build the logic around. A piece not stored yet may be passed as null
 * and stands for nothing learned.
 *
 * @param tracker the incident state machine's data
 * @param complaints the seasonal complaint baseline's data
 * @param latency the latency baseline's data
 * @param durations what the service's past incidents taught the duration model
 * @param lastMinuteStart start of the last minute decided; null before the first
 * @param vantages the data of every vantage's failure baseline, by vantage
 * @param recentComplainers the recent minutes of complaints the pooled rule looks back on
 */
public record StoredDetection(
        IncidentState tracker,
        SeasonalRates complaints,
        LatencyStats latency,
        ServiceHistory durations,
        Instant lastMinuteStart,
        Map<String, VantageRate> vantages,
        List<PooledMinute> recentComplainers) {

    public StoredDetection {
        tracker = Objects.requireNonNullElse(tracker, IncidentState.EMPTY);
        complaints = Objects.requireNonNullElse(complaints, SeasonalRates.EMPTY);
        latency = Objects.requireNonNullElse(latency, LatencyStats.EMPTY);
        durations = Objects.requireNonNullElse(durations, ServiceHistory.empty());
        vantages = Map.copyOf(Objects.requireNonNullElse(vantages, Map.of()));
        recentComplainers = List.copyOf(Objects.requireNonNullElse(recentComplainers, List.of()));
    }
}
