package io.outagewatch.detection.functions;

import io.outagewatch.detection.records.ProbeMinute;
import io.outagewatch.detection.records.ServiceMinute;
import io.outagewatch.detection.records.VantageCounts;
import io.outagewatch.detection.windows.AuthorSample;
import io.outagewatch.detection.windows.ServiceMinuteTally;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Turns one service's tallied minute into its service minute: probe counts per vantage (broken
 * vantages left out, see {@link io.outagewatch.detection.probes.VantageIsolation}), latency p95,
 * distinct complaining authors, and a sample of them as hashes.
 */
public final class ServiceMinuteFunction
        extends ProcessWindowFunction<ServiceMinuteTally, ServiceMinute, String, TimeWindow> {

    private static final long serialVersionUID = 1L;
    private static final double LATENCY_PERCENTILE = 95.0;

    @Override
    public void process(
            String service,
            Context context,
            Iterable<ServiceMinuteTally> tallies,
            Collector<ServiceMinute> out) {
        // An aggregating window hands over exactly one tally.
        ServiceMinuteTally tally = tallies.iterator().next();
        String[] vantageIds = tally.probeMinutes.keySet().toArray(String[]::new);
        Arrays.sort(vantageIds);
        int samples = 0;
        for (ProbeMinute minute : tally.probeMinutes.values()) {
            samples += minute.latenciesMs().length;
        }

        TreeMap<String, VantageCounts> vantages = new TreeMap<>();
        List<String> excluded = new ArrayList<>();
        double[] latencies = new double[samples];
        int latencyCount = 0;
        for (String vantage : vantageIds) {
            ProbeMinute minute = tally.probeMinutes.get(vantage);
            if (minute.vantageBroken()) {
                excluded.add(vantage);
                continue;
            }
            vantages.put(
                    vantage,
                    new VantageCounts(
                            minute.region(),
                            minute.probes(),
                            minute.failures(),
                            minute.timeouts()));
            double[] own = minute.latenciesMs();
            System.arraycopy(own, 0, latencies, latencyCount, own.length);
            latencyCount += own.length;
        }
        double p95 = LatencyPercentile.ofFirst(latencies, latencyCount, LATENCY_PERCENTILE);

        out.collect(
                new ServiceMinute(
                        service,
                        Instant.ofEpochMilli(context.window().getStart()),
                        vantages,
                        excluded,
                        p95,
                        latencyCount,
                        tally.authors.size(),
                        tally.complaintsByRegion(),
                        AuthorSample.of(tally.authors, ServiceMinute.AUTHOR_SAMPLE)));
    }
}
