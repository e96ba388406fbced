package io.outagewatch.detection.time;

import java.time.Instant;

/** The dead-letter reasons of records the event-time machinery refuses, for people to read. */
public final class EventTimeVerdicts {

    /** The reason code of a record dated too far ahead of the stream it came in. */
    public static final String AHEAD_OF_STREAM = "ahead_of_stream";

    /** The reason code of a record behind what its stream has already passed. */
    public static final String LATE = "late";

    private EventTimeVerdicts() {}

    /** {@code ahead_of_stream: event time … is 75 y ahead of the stream (at …), more than …}. */
    public static String aheadOfStream(Reordered.Refused<?> refused) {
        return AHEAD_OF_STREAM
                + ": event time "
                + Instant.ofEpochMilli(refused.eventTime())
                + " is "
                + human(refused.aheadMillis())
                + " ahead of the stream (at "
                + Instant.ofEpochMilli(refused.front())
                + "), more than the "
                + human(refused.allowedMillis())
                + " allowed (outagewatch.replay.max-ahead)";
    }

    /** {@code late: event time … is 12 min behind the stream (at …), more than …}. */
    public static String late(Reordered.Late<?> late) {
        return LATE
                + ": event time "
                + Instant.ofEpochMilli(late.eventTime())
                + " is "
                + human(late.behindMillis())
                + " behind the stream (at "
                + Instant.ofEpochMilli(late.front())
                + "), more than the "
                + human(late.allowedMillis())
                + " allowed (outagewatch.replay.max-disorder)";
    }

    /**
     * A duration in its two largest units: {@code 75 y 12 d}, {@code 50 min 3 s}, {@code 800 ms}.
     */
    static String human(long millis) {
        long[] sizes = {365L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1};
        String[] units = {"y", "d", "h", "min", "s", "ms"};
        long rest = Math.abs(millis);
        for (int i = 0; i < sizes.length; i++) {
            if (rest >= sizes[i] || i == sizes.length - 1) {
                long major = rest / sizes[i];
                String text = major + " " + units[i];
                if (i + 1 < sizes.length - 1 || (i + 1 == sizes.length - 1 && major < 10)) {
                    long minor = (rest % sizes[i]) / sizes[i + 1];
                    if (minor > 0) {
                        text += " " + minor + " " + units[i + 1];
                    }
                }
                return (millis < 0 ? "-" : "") + text;
            }
        }
        throw new AssertionError("unreachable");
    }
}
