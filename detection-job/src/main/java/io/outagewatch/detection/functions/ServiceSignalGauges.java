package io.outagewatch.detection.functions;

import io.outagewatch.detection.JobMetrics;
import io.outagewatch.events.Evidence;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;

/**
 * The latest signals of each service this subtask detects for, as gauges labelled by service, so a
 * dashboard can draw them against their baselines. Gauges are registered the first time a service
 * is assessed here; their number grows with the services, not with time.
 */
final class ServiceSignalGauges {

    private final MetricGroup group;
    private final Map<String, Evidence> latest = new HashMap<>();

    ServiceSignalGauges(MetricGroup group) {
        this.group = group;
    }

    void update(String service, Evidence evidence) {
        if (latest.put(service, evidence) == null) {
            MetricGroup serviceGroup = group.addGroup(JobMetrics.SERVICE, service);
            register(
                    serviceGroup,
                    service,
                    JobMetrics.PROBE_FAILURE_RATE,
                    Evidence::probeFailureRate);
            register(
                    serviceGroup,
                    service,
                    JobMetrics.PROBE_FAILURE_BASELINE,
                    Evidence::probeFailureBaseline);
            register(serviceGroup, service, JobMetrics.REPORT_RATE, Evidence::reportRate);
            register(serviceGroup, service, JobMetrics.REPORT_BASELINE, Evidence::reportBaseline);
        }
    }

    double value(String service, Function<Evidence, Double> signal) {
        Evidence evidence = latest.get(service);
        Double value = evidence == null ? null : signal.apply(evidence);
        return value == null ? Double.NaN : value;
    }

    private void register(
            MetricGroup serviceGroup,
            String service,
            String name,
            Function<Evidence, Double> signal) {
        serviceGroup.gauge(name, (Gauge<Double>) () -> value(service, signal));
    }
}
