package io.outagewatch.detection.windows;

import io.outagewatch.detection.records.ProbeMinute;
import io.outagewatch.detection.records.ServiceMinute;
import io.outagewatch.detection.records.ServiceSignal;
import io.outagewatch.detection.records.VantageCounts;
import io.outagewatch.detection.reports.Complaint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One service's minute so far: each vantage's probe minute, and who complained (a user counts once
 * a minute, as Downdetector counts only a user's first report). Signals are folded in as they
 * arrive ({@link #add}); when the watermark passes the minute, {@link #toMinute} turns the tally
 * into the detector's {@link ServiceMinute}. A Flink POJO: it sits in the detector's keyed state.
 */
public final class ServiceMinuteTally {

    /** Region ids are ids ({@code Ids.PATTERN}), which never contain a line break. */
    private static final char REGION_SEPARATOR = '\n';

    private static final double LATENCY_PERCENTILE = 95.0;

    public Map<String, ProbeMinute> probeMinutes = new HashMap<>();
    public Set<String> authors = new HashSet<>();

    /**
     * Who complained about which region, as {@link #regionAuthor} keys: a flat set, because Flink
     * serializes a set of strings natively but not a map of sets.
     */
    public Set<String> regionAuthors = new HashSet<>();

    public ServiceMinuteTally() {}

    /** Folds one probe minute or complaint of the minute in. */
    public void add(ServiceSignal signal) {
        if (signal.probeMinute() != null) {
            probeMinutes.put(signal.probeMinute().vantage(), signal.probeMinute());
            return;
        }
        Complaint complaint = signal.complaint();
        authors.add(complaint.authorKey());
        if (complaint.region() != null) {
            regionAuthors.add(regionAuthor(complaint.region(), complaint.authorKey()));
        }
    }

    /**
     * The service minute: probe counts per vantage (broken vantages left out, see {@link
     * io.outagewatch.detection.probes.VantageIsolation}), latency p95, distinct complaining
     * authors, and a sample of them as hashes.
     */
    public ServiceMinute toMinute(String service, Instant minuteStart) {
        int samples = 0;
        for (ProbeMinute minute : probeMinutes.values()) {
            samples += minute.latenciesMs().length;
        }
        // Sorted by vantage as they go in, so no order of arrival shows in the minute.
        TreeMap<String, VantageCounts> vantages = new TreeMap<>();
        List<String> excluded = new ArrayList<>(0);
        double[] latencies = new double[samples];
        int latencyCount = 0;
        for (ProbeMinute minute : probeMinutes.values()) {
            if (minute.vantageBroken()) {
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
            double[] own = minute.latenciesMs();
            System.arraycopy(own, 0, latencies, latencyCount, own.length);
            latencyCount += own.length;
        }
        Collections.sort(excluded);
        return new ServiceMinute(
                service,
                minuteStart,
                vantages,
                excluded,
                LatencyPercentile.ofFirst(latencies, latencyCount, LATENCY_PERCENTILE),
                latencyCount,
                authors.size(),
                complaintsByRegion(),
                AuthorSample.of(authors, ServiceMinute.AUTHOR_SAMPLE));
    }

    static String regionAuthor(String region, String authorKey) {
        return region + REGION_SEPARATOR + authorKey;
    }

    /** Distinct complaining authors per region. */
    Map<String, Integer> complaintsByRegion() {
        Map<String, Integer> byRegion = new TreeMap<>();
        for (String key : regionAuthors) {
            String region = key.substring(0, key.indexOf(REGION_SEPARATOR));
            byRegion.merge(region, 1, Integer::sum);
        }
        return byRegion;
    }
}
