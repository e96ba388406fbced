package io.outagewatch.detection.estimate;

import java.util.Objects;

/**
 * What one service's past incidents taught the duration model, as plain numbers for keyed state:
 * how the service's durations differ from those of incidents of their kind, in total and after the
 * status page's {@code identified} and {@code monitoring} updates. Immutable; {@link
 * DurationModel#learn} returns the next one.
 *
 * <p>A Flink POJO (a record of records), so fields can be added between releases and savepoints
 * still restore. Fixed size whatever the number of incidents: one int and nine doubles, 76 bytes of
 * payload, 93 with Flink's framing (checked by {@code ResidualStatsTest}).
 *
 * @param incidents how many incidents were learned, all time
 * @param total residuals of the log total duration
 * @param afterIdentified residuals of the log time from {@code identified} to resolution
 * @param afterMonitoring residuals of the log time from {@code monitoring} to resolution
 */
public record ServiceHistory(
        int incidents,
        ResidualStats total,
        ResidualStats afterIdentified,
        ResidualStats afterMonitoring) {

    private static final ServiceHistory EMPTY =
            new ServiceHistory(0, ResidualStats.none(), ResidualStats.none(), ResidualStats.none());

    public ServiceHistory {
        if (incidents < 0) {
            throw new IllegalArgumentException("incidents must not be negative, got " + incidents);
        }
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(afterIdentified, "afterIdentified");
        Objects.requireNonNull(afterMonitoring, "afterMonitoring");
    }

    /** A service with no incidents learned. */
    public static ServiceHistory empty() {
        return EMPTY;
    }
}
