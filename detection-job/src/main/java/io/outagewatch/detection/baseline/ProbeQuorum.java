package io.outagewatch.detection.baseline;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Decides from the failing vantages of one minute whether a service is down everywhere, down in
 * some regions, or only noisy: a pure function of its settings and the minute.
 *
 * <p>Only vantages with probes in the minute count ("reporting"). MAJOR_OUTAGE: at least {@code
 * minFailingVantages} fail and they are at least {@code minFailingFraction} of the reporting ones.
 * Otherwise REGIONAL_OUTAGE when some region is affected, i.e. at least {@code
 * min(regionMinFailingVantages, its vantages)} of its vantages and at least {@code
 * regionMinFailingFraction} of them fail, while another region is healthy, i.e. under that fraction
 * of its vantages fail. A region may have only one or two vantages, hence the {@code min}. Vantages
 * without a region form the {@link #UNKNOWN_REGION} bucket, which is never an affected region (it
 * is no place an operator could act on) but may be the healthy one, since it still shows the
 * service answering somewhere. Anything else with failures is NOISE.
 *
 * @param minFailingVantages failing vantages a major outage needs at least
 * @param minFailingFraction share of reporting vantages a major outage needs failing
 * @param regionMinFailingVantages failing vantages an affected region needs, or all it has
 * @param regionMinFailingFraction share of its vantages an affected region needs failing
 */
public record ProbeQuorum(
        int minFailingVantages,
        double minFailingFraction,
        int regionMinFailingVantages,
        double regionMinFailingFraction)
        implements Serializable {

    public static final int DEFAULT_MIN_FAILING_VANTAGES = 2;
    public static final double DEFAULT_MIN_FAILING_FRACTION = 0.5;

    /** Two vantages agreeing rules out one vantage's own trouble, where a region has two. */
    public static final int DEFAULT_REGION_MIN_FAILING_VANTAGES = 2;

    public static final double DEFAULT_REGION_MIN_FAILING_FRACTION = 0.5;

    /** The bucket of vantages that have no region. */
    public static final String UNKNOWN_REGION = "unknown";

    public static final ProbeQuorum DEFAULTS =
            new ProbeQuorum(DEFAULT_MIN_FAILING_VANTAGES, DEFAULT_MIN_FAILING_FRACTION);

    private static final long serialVersionUID = 1L;

    public ProbeQuorum {
        Require.positive(minFailingVantages, "minFailingVantages");
        Require.fraction(minFailingFraction, "minFailingFraction");
        Require.positive(regionMinFailingVantages, "regionMinFailingVantages");
        Require.fraction(regionMinFailingFraction, "regionMinFailingFraction");
    }

    /** The quorum with the default regional rule. */
    public ProbeQuorum(int minFailingVantages, double minFailingFraction) {
        this(
                minFailingVantages,
                minFailingFraction,
                DEFAULT_REGION_MIN_FAILING_VANTAGES,
                DEFAULT_REGION_MIN_FAILING_FRACTION);
    }

    public ProbeVerdict judge(Collection<VantageStatus> minute) {
        Objects.requireNonNull(minute, "minute");
        List<String> failing = new ArrayList<>();
        List<String> healthy = new ArrayList<>();
        Map<String, RegionTally> regions = new TreeMap<>();
        for (VantageStatus status : minute) {
            if (status.probes() == 0) {
                continue;
            }
            (status.failing() ? failing : healthy).add(status.vantage());
            regions.computeIfAbsent(regionOf(status), r -> new RegionTally()).add(status.failing());
        }
        int reporting = failing.size() + healthy.size();
        if (reporting == 0) {
            return verdict(ProbeVerdict.Kind.NO_DATA, failing, healthy, List.of());
        }
        if (failing.isEmpty()) {
            return verdict(ProbeVerdict.Kind.HEALTHY, failing, healthy, List.of());
        }
        if (failing.size() >= minFailingVantages
                && failing.size() >= minFailingFraction * reporting) {
            return verdict(ProbeVerdict.Kind.MAJOR_OUTAGE, failing, healthy, List.of());
        }
        List<String> affected = new ArrayList<>();
        boolean someRegionHealthy = false;
        for (Map.Entry<String, RegionTally> region : regions.entrySet()) {
            RegionTally tally = region.getValue();
            if (isAffected(tally) && !region.getKey().equals(UNKNOWN_REGION)) {
                affected.add(region.getKey());
            }
            someRegionHealthy |= tally.failing < regionMinFailingFraction * tally.vantages;
        }
        if (!affected.isEmpty() && someRegionHealthy) {
            return verdict(ProbeVerdict.Kind.REGIONAL_OUTAGE, failing, healthy, affected);
        }
        return verdict(ProbeVerdict.Kind.NOISE, failing, healthy, List.of());
    }

    private boolean isAffected(RegionTally tally) {
        return tally.failing >= Math.min(regionMinFailingVantages, tally.vantages)
                && tally.failing >= regionMinFailingFraction * tally.vantages;
    }

    private static String regionOf(VantageStatus status) {
        String region = status.region();
        return region == null || region.isBlank() ? UNKNOWN_REGION : region;
    }

    private static ProbeVerdict verdict(
            ProbeVerdict.Kind kind,
            List<String> failing,
            List<String> healthy,
            List<String> regions) {
        return new ProbeVerdict(kind, failing, healthy, regions);
    }

    /** Reporting and failing vantages of one region within one call. */
    private static final class RegionTally {
        private int vantages;
        private int failing;

        void add(boolean isFailing) {
            vantages++;
            if (isFailing) {
                failing++;
            }
        }
    }
}
