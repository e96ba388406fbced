package io.outagewatch.detection.estimate;

import io.outagewatch.detection.duration.DurationEstimate;
import java.util.Objects;

/**
 * A duration estimate for an open incident, each as a median and a 10–90 % interval.
 *
 * @param total how long the incident lasts in all, from its onset; never less than it has lasted
 * @param remaining how long it has left from the moment of the estimate
 * @param basis what the estimate rests on, for people: "from 41 past GitHub incidents", "typical of
 *     major outages"
 */
public record DurationForecast(DurationEstimate total, DurationEstimate remaining, String basis) {

    public DurationForecast {
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(remaining, "remaining");
        Objects.requireNonNull(basis, "basis");
    }
}
