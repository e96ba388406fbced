package io.outagewatch.detection.functions;

import io.outagewatch.detection.probes.VantageIsolation;
import io.outagewatch.detection.records.ProbeMinute;
import io.outagewatch.detection.records.ServiceMinute;
import io.outagewatch.detection.records.ServiceSignal;
import io.outagewatch.detection.records.VantageCounts;
import io.outagewatch.detection.reports.Complaint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Gathers one service's minute: probe counts per vantage (broken vantages left out while most are
 * fine), latency p95, and complaints counted once per author (Downdetector counts only a user's
 * first report).
 */
public final class ServiceMinuteFunction
        extends ProcessWindowFunction<ServiceSignal, ServiceMinute, String, TimeWindow> {

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
            Iterable<ServiceSignal> signals,
            Collector<ServiceMinute> out) {
        Map<String, ProbeMinute> probeMinutes = new TreeMap<>();
        Set<String> authors = new HashSet<>();
        Map<String, Set<String>> authorsByRegion = new TreeMap<>();
        for (ServiceSignal signal : signals) {
            if (signal.probeMinute() != null) {
                probeMinutes.put(signal.probeMinute().vantage(), signal.probeMinute());
            } else {
                Complaint complaint = signal.complaint();
                authors.add(complaint.authorKey());
                if (complaint.region() != null) {
                    authorsByRegion
                            .computeIfAbsent(complaint.region(), r -> new HashSet<>())
                            .add(complaint.authorKey());
                }
            }
        }
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
        TreeMap<String, Integer> complaintsByRegion = new TreeMap<>();
        authorsByRegion.forEach((region, who) -> complaintsByRegion.put(region, who.size()));

        out.collect(
                new ServiceMinute(
                        service,
                        Instant.ofEpochMilli(context.window().getStart()),
                        vantages,
                        excluded,
                        p95,
                        samples.length,
                        authors.size(),
                        complaintsByRegion));
    }
}
