package io.outagewatch.detection.functions;

import io.outagewatch.detection.probes.VantageIsolation;
import io.outagewatch.detection.records.ProbeMinute;
import io.outagewatch.detection.records.ServiceMinute;
import io.outagewatch.detection.records.VantageCounts;
import io.outagewatch.detection.windows.ServiceMinuteTally;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Turns one service's tallied minute into its service minute: probe counts per vantage (broken
 * vantages left out while most are fine), latency p95, and distinct complaining authors.
 */
public final class ServiceMinuteFunction
        extends ProcessWindowFunction<ServiceMinuteTally, ServiceMinute, String, TimeWindow> {

    private static final long serialVersionUID = 1L;
    private static final double LATENCY_PERCENTILE = 95.0;

    private final VantageIsolation isolation;

    public ServiceMinuteFunction(VantageIsolation isolation) {
        this.isolation = isolation;
    }

    @Override
    public void process(
            String service,
            Context context,
            Iterable<ServiceMinuteTally> tallies,
            Collector<ServiceMinute> out) {
        // An aggregating window hands over exactly one tally.
        ServiceMinuteTally tally = tallies.iterator().next();
        Map<String, ProbeMinute> probeMinutes = new TreeMap<>(tally.probeMinutes);
        long broken = probeMinutes.values().stream().filter(ProbeMinute::vantageBroken).count();
        boolean excludeBroken = isolation.excludesBroken(probeMinutes.size(), (int) broken);

        TreeMap<String, VantageCounts> vantages = new TreeMap<>();
        List<String> excluded = new ArrayList<>();
        List<double[]> latencies = new ArrayList<>();
        for (ProbeMinute minute : probeMinutes.values()) {
            if (excludeBroken && minute.vantageBroken()) {
                excluded.add(minute.vantage());
                continue;
            }
            vantages.put(
                    minute.vantage(),
                    new VantageCounts(
                            minute.region(),
                            minute.probes(),
                            minute.failures(),
                            minute.timeouts()));
            latencies.add(minute.latenciesMs());
        }
        double[] samples = latencies.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        double p95 =
                samples.length == 0
                        ? Double.NaN
                        : new Percentile().evaluate(samples, LATENCY_PERCENTILE);

        out.collect(
                new ServiceMinute(
                        service,
                        Instant.ofEpochMilli(context.window().getStart()),
                        vantages,
                        excluded,
                        p95,
                        samples.length,
                        tally.authors.size(),
                        tally.complaintsByRegion()));
    }
}
