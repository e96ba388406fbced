package io.outagewatch.detection.duration;

import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The most recent outage durations of one service, oldest first, immutable so it can sit in Flink
 * keyed state as a value.
 *
 * <p>Size per service: at most {@link #CAPACITY} durations stored as whole seconds in an {@code
 * int[]}, i.e. 128 bytes of payload; a full history is under 250 bytes with Java serialization
 * (checked by {@code IncidentDurationHistoryTest}) and smaller with Kryo, which writes varints.
 */
public final class IncidentDurationHistory implements Serializable {

    /** How many durations are kept; older ones are forgotten, as services change over time. */
    public static final int CAPACITY = 32;

    private static final long serialVersionUID = 1L;

    private static final IncidentDurationHistory EMPTY = new IncidentDurationHistory(new int[0]);

    private final int[] seconds;

    private IncidentDurationHistory(int[] seconds) {
        this.seconds = seconds;
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
