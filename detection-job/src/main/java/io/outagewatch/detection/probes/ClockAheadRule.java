package io.outagewatch.detection.probes;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * When a vantage's clock runs ahead, and by how much, judged from the smallest lead over the
 * watermark among its probes in one minute.
 *
 * <p>The watermark trails the bulk of the probes by the out-of-orderness, so a probe from a good
 * clock leads it by about that much; the rest of the smallest lead is the clock's. The smallest
 * lead, not the average, because a clock that is really ahead puts every probe ahead, while one
 * probe that is on time shows the clock is not (much) ahead.
 *
 * @param outOfOrderness how far the watermark trails the bulk of the probes
 * @param reportAbove a vantage whose clock is estimated to run further ahead than this is reported
 */
public record ClockAheadRule(Duration outOfOrderness, Duration reportAbove)
        implements Serializable {

    public ClockAheadRule {
        Objects.requireNonNull(outOfOrderness, "outOfOrderness");
        Objects.requireNonNull(reportAbove, "reportAbove");
        if (reportAbove.isNegative()) {
            throw new IllegalArgumentException(
                    "reportAbove must not be negative, got " + reportAbove);
        }
    }

    /**
     * @param smallestLeadMillis the smallest lead over the watermark among a vantage's probes in a
     *     minute
     * @return the estimated seconds the vantage's clock runs ahead, or null when not above {@link
     *     #reportAbove}
     */
    public Long secondsAhead(long smallestLeadMillis) {
        Duration ahead = Duration.ofMillis(smallestLeadMillis).minus(outOfOrderness);
        return ahead.compareTo(reportAbove) > 0 ? ahead.toSeconds() : null;
    }
}
