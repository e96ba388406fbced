package io.outagewatch.detection.baseline;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a quorum of vantages says about one service in one minute, with the vantages and regions
 * behind it, each list sorted so equal inputs give equal verdicts.
 *
 * @param failingVantages reporting vantages judged failing
 * @param healthyVantages reporting vantages not judged failing
 * @param affectedRegions regions whose vantages fail, only for {@link Kind#REGIONAL_OUTAGE}
 */
public record ProbeVerdict(
        Kind kind,
        List<String> failingVantages,
        List<String> healthyVantages,
        List<String> affectedRegions)
        implements Serializable {

    /** The verdicts, from no evidence to the strongest. */
    public enum Kind {
        /** No vantage probed the service in the minute. */
        NO_DATA,
        /** No reporting vantage is failing. */
        HEALTHY,
        /** Some vantages fail, but neither a quorum nor a whole region: not an outage. */
        NOISE,
        /** The vantages of some regions fail while another region is healthy. */
        REGIONAL_OUTAGE,
        /** A quorum of all reporting vantages fails. */
        MAJOR_OUTAGE;

        public boolean isOutage() {
            return this == REGIONAL_OUTAGE || this == MAJOR_OUTAGE;
        }
    }

    public ProbeVerdict {
        Objects.requireNonNull(kind, "kind");
        failingVantages = sorted(failingVantages);
        healthyVantages = sorted(healthyVantages);
        affectedRegions = sorted(affectedRegions);
    }

    // An array, not a stream: a verdict is built for every service minute.
    private static List<String> sorted(List<String> names) {
        String[] sorted = names.toArray(String[]::new);
        Arrays.sort(sorted);
        return List.of(sorted);
    }
}
