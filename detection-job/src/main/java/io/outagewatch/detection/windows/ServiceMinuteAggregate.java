package io.outagewatch.detection.windows;

import io.outagewatch.detection.records.ServiceSignal;
import io.outagewatch.detection.reports.Complaint;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Folds each probe minute and complaint into its service's minute as it arrives. */
public final class ServiceMinuteAggregate
        implements AggregateFunction<ServiceSignal, ServiceMinuteTally, ServiceMinuteTally> {

    private static final long serialVersionUID = 1L;

    @Override
    public ServiceMinuteTally createAccumulator() {
        return new ServiceMinuteTally();
    }

    @Override
    public ServiceMinuteTally add(ServiceSignal signal, ServiceMinuteTally tally) {
        if (signal.probeMinute() != null) {
            tally.probeMinutes.put(signal.probeMinute().vantage(), signal.probeMinute());
            return tally;
        }
        Complaint complaint = signal.complaint();
        tally.authors.add(complaint.authorKey());
        if (complaint.region() != null) {
            tally.regionAuthors.add(
                    ServiceMinuteTally.regionAuthor(complaint.region(), complaint.authorKey()));
        }
        return tally;
    }

    @Override
    public ServiceMinuteTally getResult(ServiceMinuteTally tally) {
        return tally;
    }

    @Override
    public ServiceMinuteTally merge(ServiceMinuteTally a, ServiceMinuteTally b) {
        a.probeMinutes.putAll(b.probeMinutes);
        a.authors.addAll(b.authors);
        a.regionAuthors.addAll(b.regionAuthors);
        return a;
    }
}
