package io.outagewatch.detection.windows;

import io.outagewatch.detection.records.Probe;
import java.util.Map;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Folds each probe into its vantage's minute as it arrives; the window keeps only the tally. */
public final class VantageMinuteAggregate
        implements AggregateFunction<Probe, VantageMinuteTally, VantageMinuteTally> {

    private static final long serialVersionUID = 1L;

    @Override
    public VantageMinuteTally createAccumulator() {
        return new VantageMinuteTally();
    }

    @Override
    public VantageMinuteTally add(Probe probe, VantageMinuteTally tally) {
        tally.services.computeIfAbsent(probe.service(), s -> new ServiceProbeTally()).add(probe);
        tally.addLead(probe.leadMillis());
        return tally;
    }

    @Override
    public VantageMinuteTally getResult(VantageMinuteTally tally) {
        return tally;
    }

    @Override
    public VantageMinuteTally merge(VantageMinuteTally a, VantageMinuteTally b) {
        for (Map.Entry<String, ServiceProbeTally> entry : b.services.entrySet()) {
            ServiceProbeTally mine = a.services.get(entry.getKey());
            if (mine == null) {
                a.services.put(entry.getKey(), entry.getValue());
            } else {
                mine.merge(entry.getValue());
            }
        }
        a.mergeLead(b);
        return a;
    }
}
