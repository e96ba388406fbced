package io.outagewatch.detection.windows;

import io.outagewatch.detection.records.ProbeMinute;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One service's minute so far: each vantage's probe minute, and who complained (a user counts once
 * a minute, as Downdetector counts only a user's first report). A Flink POJO: it sits in window
 * state.
 */
public final class ServiceMinuteTally {

    /** Region ids are ids ({@code Ids.PATTERN}), which never contain a line break. */
    private static final char REGION_SEPARATOR = '\n';

    public Map<String, ProbeMinute> probeMinutes = new HashMap<>();
    public Set<String> authors = new HashSet<>();

    /**
     * Who complained about which region, as {@link #regionAuthor} keys: a flat set, because Flink
     * serializes a set of strings natively but not a map of sets.
     */
    public Set<String> regionAuthors = new HashSet<>();

    public ServiceMinuteTally() {}

    static String regionAuthor(String region, String authorKey) {
        return region + REGION_SEPARATOR + authorKey;
    }

    /** Distinct complaining authors per region. */
    public Map<String, Integer> complaintsByRegion() {
        Map<String, Integer> byRegion = new TreeMap<>();
        for (String key : regionAuthors) {
            String region = key.substring(0, key.indexOf(REGION_SEPARATOR));
            byRegion.merge(region, 1, Integer::sum);
        }
        return byRegion;
    }
}
