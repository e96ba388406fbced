package io.outagewatch.detection.functions;

import io.outagewatch.detection.PipelineTags;
import io.outagewatch.detection.probes.VantageIsolation;
import io.outagewatch.detection.records.ProbeMinute;
import io.outagewatch.detection.records.ServiceSignal;
import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.VantageHealth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Summarises one vantage's minute of probes per service and marks the vantage broken when it fails
 * for most of the services it probed: that is the prober's problem, not an outage. Broken minutes
 * are also reported on the vantage-health side output. Exact duplicate probe results count once.
 */
public final class VantageMinuteFunction
        extends ProcessWindowFunction<ProbeResult, ServiceSignal, String, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final VantageIsolation isolation;

    public VantageMinuteFunction(VantageIsolation isolation) {
        this.isolation = isolation;
    }

    @Override
    public void process(
            String vantage,
            Context context,
            Iterable<ProbeResult> probes,
            Collector<ServiceSignal> out) {
        Map<String, Set<ProbeResult>> byService = new TreeMap<>();
        for (ProbeResult probe : probes) {
            byService.computeIfAbsent(probe.service(), s -> new LinkedHashSet<>()).add(probe);
        }
        Instant minuteStart = Instant.ofEpochMilli(context.window().getStart());
        List<ProbeMinute> minutes = new ArrayList<>(byService.size());
        int failingServices = 0;
        for (Map.Entry<String, Set<ProbeResult>> entry : byService.entrySet()) {
            ProbeMinute minute = summarise(entry.getKey(), vantage, minuteStart, entry.getValue());
            minutes.add(minute);
            if (isolation.isFailing(minute.probes(), minute.failures())) {
                failingServices++;
            }
        }
        boolean broken = isolation.isBroken(minutes.size(), failingServices);
        for (ProbeMinute minute : minutes) {
            out.collect(ServiceSignal.of(broken ? withBroken(minute) : minute));
        }
        if (broken) {
            context.output(
                    PipelineTags.VANTAGE_HEALTH,
                    new VantageHealth(vantage, minuteStart, minutes.size(), failingServices));
        }
    }

    private static ProbeMinute summarise(
            String service, String vantage, Instant minuteStart, Set<ProbeResult> probes) {
        int failures = 0;
        int timeouts = 0;
        String region = null;
        double[] latencies = new double[probes.size()];
        int samples = 0;
        for (ProbeResult probe : probes) {
            if (region == null) {
                region = probe.region();
            }
            if (!probe.success()) {
                failures++;
                if (probe.error() != null && probe.error().contains("timeout")) {
                    timeouts++;
                }
            } else if (probe.latencyMs() != null) {
                latencies[samples++] = probe.latencyMs();
            }
        }
        return new ProbeMinute(
                service,
                vantage,
                region,
                minuteStart,
                probes.size(),
                failures,
                timeouts,
                Arrays.copyOf(latencies, samples),
                false);
    }

    private static ProbeMinute withBroken(ProbeMinute minute) {
        return new ProbeMinute(
                minute.service(),
                minute.vantage(),
                minute.region(),
                minute.minuteStart(),
                minute.probes(),
                minute.failures(),
                minute.timeouts(),
                minute.latenciesMs(),
                true);
    }
}
