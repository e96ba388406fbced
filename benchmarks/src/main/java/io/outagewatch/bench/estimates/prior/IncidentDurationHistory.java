package io.outagewatch.bench.estimates.prior;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The most recent outage durations of one service, oldest first, in whole seconds; immutable. The
 * {@link DurationEstimator}'s per-service history, learned online by the backtest's baseline (it
 * was the detector's keyed state before the corpus model's {@code ServiceHistory} replaced it).
 *
 * @param seconds the durations in whole seconds, oldest first, at most {@link #CAPACITY}; nobody
 *     writes into the array once the history is built
 */
public record IncidentDurationHistory(int[] seconds) {

    /** How many durations are kept; older ones are forgotten, as services change over time. */
    public static final int CAPACITY = 32;

    private static final IncidentDurationHistory EMPTY = new IncidentDurationHistory(new int[0]);

    public IncidentDurationHistory {
        Objects.requireNonNull(seconds, "seconds");
        if (seconds.length > CAPACITY) {
            throw new IllegalArgumentException(
                    "at most " + CAPACITY + " durations are kept, got " + seconds.length);
        }
        for (int duration : seconds) {
            if (duration <= 0) {
                throw new IllegalArgumentException("durations must be positive, got " + duration);
            }
        }
    }

    public static IncidentDurationHistory empty() {
        return EMPTY;
    }

    /**
     * This history plus {@code duration}, rounded up to a whole second; the oldest duration is
     * dropped when {@link #CAPACITY} is reached.
     */
    public IncidentDurationHistory withRecorded(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("duration must be positive, got " + duration);
        }
        // Rounding up keeps a sub-second outage at one second, so its logarithm stays finite.
        long whole = duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
        if (whole > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("duration too long to record: " + duration);
        }
        int keep = Math.min(seconds.length, CAPACITY - 1);
        int[] next = Arrays.copyOfRange(seconds, seconds.length - keep, seconds.length + 1);
        next[keep] = (int) whole;
        return new IncidentDurationHistory(next);
    }

    public List<Duration> durations() {
        return Arrays.stream(seconds).mapToObj(Duration::ofSeconds).toList();
    }

    public int size() {
        return seconds.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IncidentDurationHistory that
                && Arrays.equals(seconds, that.seconds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(seconds);
    }

    @Override
    public String toString() {
        return "IncidentDurationHistory" + durations();
    }
}
