package io.outagewatch.detection.baseline;

import java.io.Serializable;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether one minute's probes alone prove an outage, so it is confirmed at the end of that minute
 * instead of after {@code confirm-minutes.one-signal} minutes: nearly every reporting vantage
 * fails, enough of them, in more than one region.
 *
 * <p>False alarms: a vantage is judged failing in a healthy minute with about its learned failure
 * rate p (about 1 % for a flaky vantage, 0.1 % at the floor; see {@link VantageFailureBaseline}).
 * Independent vantages all failing together then happens with p^k: at the defaults, at least 4 of
 * at least 4 vantages, 1e-8 a minute for p = 1 %, about one false confirmation in 190 years of one
 * service's minutes. What is not independent is the probers' own trouble (a vantage's network, a
 * prober fleet losing its uplink); those vantages are found broken by the vantage minutes and left
 * out of the service minute before this rule sees it (docs/detection.md, "Vantage isolation").
 *
 * @param minFailingVantages failing vantages a conclusive minute needs at least
 * @param minFailingShare share of the reporting vantages that must fail
 * @param minRegions distinct known regions the failing vantages must span
 */
public record ConclusiveOutageRule(int minFailingVantages, double minFailingShare, int minRegions)
        implements Serializable {

    public static final ConclusiveOutageRule DEFAULTS = new ConclusiveOutageRule(4, 0.9, 2);

    private static final long serialVersionUID = 1L;

    public ConclusiveOutageRule {
        Require.positive(minFailingVantages, "minFailingVantages");
        Require.fraction(minFailingShare, "minFailingShare");
        Require.positive(minRegions, "minRegions");
    }

    public boolean isConclusive(Collection<VantageStatus> minute) {
        Objects.requireNonNull(minute, "minute");
        int reporting = 0;
        int failing = 0;
        Set<String> failingRegions = new TreeSet<>();
        for (VantageStatus status : minute) {
            if (status.probes() == 0) {
                continue;
            }
            reporting++;
            if (status.failing()) {
                failing++;
                String region = status.region();
                if (region != null && !region.isBlank()) {
                    failingRegions.add(region);
                }
            }
        }
        return failing >= minFailingVantages
                && failing >= minFailingShare * reporting
                && failingRegions.size() >= minRegions;
    }
}
