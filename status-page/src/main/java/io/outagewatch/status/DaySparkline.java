package io.outagewatch.status;

import io.outagewatch.events.MinuteSignals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The overview's small chart of one service: the last day before "now" in fixed buckets, each with
 * its busiest minute's complaints, the most the baseline expected, and the worst verdict. Buckets
 * without any decided minute have no figures.
 */
public final class DaySparkline {

    public static final Duration SPAN = Duration.ofHours(24);
    public static final Duration BUCKET = Duration.ofMinutes(15);
    public static final int BUCKETS = (int) (SPAN.toMinutes() / BUCKET.toMinutes());

    /** One bucket; the figures are null when no minute of it was decided. */
    public record Bucket(
            Instant from, Integer complaints, Double expectedComplaints, ServiceState state) {}

    private DaySparkline() {}

    /**
     * @param minutes the service's minutes, oldest first
     */
    public static List<Bucket> of(List<MinuteSignals> minutes, Instant now) {
        Instant start = now.minus(SPAN);
        Integer[] complaints = new Integer[BUCKETS];
        Double[] expected = new Double[BUCKETS];
        ServiceState[] states = new ServiceState[BUCKETS];
        for (MinuteSignals minute : minutes) {
            if (minute.minuteStart().isBefore(start) || !minute.minuteStart().isBefore(now)) {
                continue;
            }
            int i =
                    (int)
                            (Duration.between(start, minute.minuteStart()).toMinutes()
                                    / BUCKET.toMinutes());
            complaints[i] =
                    complaints[i] == null
                            ? minute.complaints()
                            : Math.max(complaints[i], minute.complaints());
            expected[i] =
                    expected[i] == null
                            ? minute.expectedComplaints()
                            : Math.max(expected[i], minute.expectedComplaints());
            ServiceState state = ServiceState.of(minute.verdict());
            states[i] = states[i] == null ? state : states[i].worse(state);
        }
        List<Bucket> buckets = new ArrayList<>(BUCKETS);
        for (int i = 0; i < BUCKETS; i++) {
            buckets.add(
                    new Bucket(
                            start.plus(BUCKET.multipliedBy(i)),
                            complaints[i],
                            expected[i],
                            states[i]));
        }
        return buckets;
    }
}
