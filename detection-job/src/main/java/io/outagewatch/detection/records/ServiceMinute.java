package io.outagewatch.detection.records;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything observed about one service in one event-time minute: the input of the detector. A
 * record Flink serializes as a POJO; its maps are copied into sorted ones, so the detector walks
 * vantages and regions in the same order however the record was rebuilt.
 *
 * @param vantages per vantage, after broken vantages were left out
 * @param excludedVantages broken vantages left out of {@code vantages}
 * @param latencyP95Ms 95th percentile latency of successful probes, NaN without samples
 * @param complaints distinct authors complaining in the minute
 * @param complaintsByRegion distinct complaining authors per region, where reports name one
 */
public record ServiceMinute(
        String service,
        Instant minuteStart,
        Map<String, VantageCounts> vantages,
        List<String> excludedVantages,
        double latencyP95Ms,
        int latencySamples,
        int complaints,
        Map<String, Integer> complaintsByRegion) {

    public static final Duration LENGTH = Duration.ofMinutes(1);

    public ServiceMinute {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(minuteStart, "minuteStart");
        vantages = new TreeMap<>(vantages);
        excludedVantages = new ArrayList<>(excludedVantages);
        complaintsByRegion = new TreeMap<>(complaintsByRegion);
    }

    /** A minute with no signal at all, used when the detector ticks through silence. */
    public static ServiceMinute empty(String service, Instant minuteStart) {
        return new ServiceMinute(
                service,
                minuteStart,
                new TreeMap<>(),
                List.of(),
                Double.NaN,
                0,
                0,
                new TreeMap<>());
    }

    public Instant minuteEnd() {
        return minuteStart.plus(LENGTH);
    }

    public boolean hasProbes() {
        return !vantages.isEmpty();
    }

    public int probes() {
        return vantages.values().stream().mapToInt(VantageCounts::probes).sum();
    }

    public int failures() {
        return vantages.values().stream().mapToInt(VantageCounts::failures).sum();
    }

    public int timeouts() {
        return vantages.values().stream().mapToInt(VantageCounts::timeouts).sum();
    }
}
