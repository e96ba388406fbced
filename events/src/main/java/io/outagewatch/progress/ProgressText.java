package io.outagewatch.progress;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The fields of a progress line, written the same way by every command. */
public final class ProgressText {

    /** Between the fields of a line. */
    public static final String SEPARATOR = " · ";

    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    private ProgressText() {}

    /** {@code event time 2023-11-08T14:05Z}: to the minute, UTC. */
    public static String eventTime(Instant reached) {
        return "event time " + MINUTE.format(reached);
    }

    /** {@code 52,310 / 131,644 events published (39 %)}; the share is rounded down. */
    public static String ofTotal(long done, long total, String what) {
        return String.format(
                Locale.ROOT, "%,d / %,d %s (%s)", done, total, what, percent(done, total));
    }

    /** {@code 39 %}: rounded down, and never above 100 %, nor below 100 % of nothing. */
    public static String percent(long done, long total) {
        long percent = total <= 0 ? 100 : Math.min(100, done * 100 / total);
        return percent + " %";
    }

    /** {@code 1 alert}, {@code 3 alerts}: {@code thing} is the singular, the plural adds an s. */
    public static String counted(long count, String thing) {
        return String.format(Locale.ROOT, "%,d %s%s", count, thing, count == 1 ? "" : "s");
    }

    /** {@code 0:48 elapsed}, {@code 12:05 elapsed}, {@code 1:02:03 elapsed}. */
    public static String elapsed(Duration elapsed) {
        long seconds = elapsed.toSeconds();
        String clock =
                seconds < 3600
                        ? String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60)
                        : String.format(
                                Locale.ROOT,
                                "%d:%02d:%02d",
                                seconds / 3600,
                                seconds / 60 % 60,
                                seconds % 60);
        return clock + " elapsed";
    }

    /** The non-empty fields, separated by {@link #SEPARATOR}. */
    public static String join(String... fields) {
        return Arrays.stream(fields)
                .filter(field -> !field.isEmpty())
                .collect(Collectors.joining(SEPARATOR));
    }
}
