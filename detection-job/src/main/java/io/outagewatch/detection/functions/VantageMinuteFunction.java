package io.outagewatch.detection.functions;

import io.outagewatch.detection.PipelineTags;
import io.outagewatch.detection.probes.ClockAheadRule;
import io.outagewatch.detection.probes.VantageIsolation;
import io.outagewatch.detection.records.ProbeMinute;
import io.outagewatch.detection.records.ServiceSignal;
import io.outagewatch.detection.windows.ServiceProbeTally;
import io.outagewatch.detection.windows.VantageMinuteTally;
import io.outagewatch.events.VantageHealth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Turns one vantage's tallied minute into a probe minute per service, and marks the vantage broken
 * when it fails for most of the services it probed: that is the prober's problem, not an outage.
 * Broken minutes, and minutes whose probes show the vantage's clock running ahead, are reported on
 * the vantage-health side output: one record per vantage and minute, with both when both hold.
 */
public final class VantageMinuteFunction
        extends ProcessWindowFunction<VantageMinuteTally, ServiceSignal, String, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final VantageIsolation isolation;
    private final ClockAheadRule clockAhead;

    public VantageMinuteFunction(VantageIsolation isolation, ClockAheadRule clockAhead) {
        this.isolation = isolation;
        this.clockAhead = clockAhead;
    }

    @Override
    public void process(
            String vantage,
            Context context,
            Iterable<VantageMinuteTally> tallies,
            Collector<ServiceSignal> out) {
        Instant minuteStart = Instant.ofEpochMilli(context.window().getStart());
        // An aggregating window hands over exactly one tally; sorted, for a stable output order.
        VantageMinuteTally vantageTally = tallies.iterator().next();
        String[] services = vantageTally.services.keySet().toArray(String[]::new);
        Arrays.sort(services);
        List<ProbeMinute> minutes = new ArrayList<>(services.length);
        int failingServices = 0;
        for (String service : services) {
            ServiceProbeTally tally = vantageTally.services.get(service);
            minutes.add(
                    new ProbeMinute(
                            service,
                            vantage,
                            tally.region,
                            minuteStart,
                            tally.probes,
                            tally.failures,
                            tally.timeouts,
                            tally.latencySamples(),
                            false));
            if (isolation.isFailing(tally.probes, tally.failures)) {
                failingServices++;
            }
        }
        boolean broken = isolation.isBroken(minutes.size(), failingServices);
        for (ProbeMinute minute : minutes) {
            out.collect(ServiceSignal.of(broken ? withBroken(minute) : minute));
        }
        Long clockAheadSeconds =
                vantageTally.leadMeasured
                        ? clockAhead.secondsAhead(vantageTally.smallestLeadMillis)
                        : null;
        if (broken || clockAheadSeconds != null) {
            context.output(
                    PipelineTags.VANTAGE_HEALTH,
                    new VantageHealth(
                            vantage,
                            minuteStart,
                            minutes.size(),
                            failingServices,
                            clockAheadSeconds));
        }
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
