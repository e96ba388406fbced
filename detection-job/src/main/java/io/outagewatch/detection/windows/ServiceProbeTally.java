package io.outagewatch.detection.windows;

import io.outagewatch.detection.records.Probe;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * One vantage's probes of one service so far in a minute, folded in as they arrive. A Flink POJO:
 * it sits in window state.
 *
 * <p>Latencies of successful probes are kept as plain doubles, not the probes, because the
 * service's exact p95 needs every vantage's samples; fingerprints make an exact duplicate count
 * once.
 */
public final class ServiceProbeTally {

    public String region;
    public int probes;
    public int failures;
    public int timeouts;
    public double[] latencies = new double[0];
    public int latencyCount;
    public Set<Long> fingerprints = new HashSet<>();

    public ServiceProbeTally() {}

    void add(Probe probe) {
        if (!fingerprints.add(probe.fingerprint())) {
            return;
        }
        if (region == null) {
            region = probe.region();
        }
        probes++;
        if (!probe.success()) {
            failures++;
            if (probe.timeout()) {
                timeouts++;
            }
        } else if (probe.hasLatency()) {
            addLatency(probe.latencyMs());
        }
    }

    void merge(ServiceProbeTally other) {
        // Only merging windows merge tallies (tumbling ones never do); counts simply add.
        if (region == null) {
            region = other.region;
        }
        for (Long fingerprint : other.fingerprints) {
            fingerprints.add(fingerprint);
        }
        probes += other.probes;
        failures += other.failures;
        timeouts += other.timeouts;
        for (int i = 0; i < other.latencyCount; i++) {
            addLatency(other.latencies[i]);
        }
    }

    public double[] latencySamples() {
        return Arrays.copyOf(latencies, latencyCount);
    }

    private void addLatency(double latencyMs) {
        if (latencyCount == latencies.length) {
            latencies = Arrays.copyOf(latencies, Math.max(4, latencyCount * 2));
        }
        latencies[latencyCount++] = latencyMs;
    }
}
