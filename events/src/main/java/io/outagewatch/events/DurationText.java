package io.outagewatch.events;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The one way durations are written in OutageWatch's command lines and files: {@code 500ms}, {@code
 * 30s}, {@code 5m}, {@code 2h}, or ISO-8601 such as {@code PT1M30S}.
 */
public final class DurationText {

    private DurationText() {}

    /**
     * @throws IllegalArgumentException naming the text when it is not a positive duration
     */
    public static Duration parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a duration is missing; use 500ms, 30s, 5m or 2h");
        }
        String trimmed = text.strip();
        Duration parsed;
        try {
            if (trimmed.regionMatches(true, 0, "PT", 0, 2)) {
                parsed = Duration.parse(trimmed);
            } else if (trimmed.endsWith("ms")) {
                parsed = Duration.ofMillis(number(trimmed, 2));
            } else if (trimmed.endsWith("s")) {
                parsed = Duration.ofSeconds(number(trimmed, 1));
            } else if (trimmed.endsWith("m")) {
                parsed = Duration.ofMinutes(number(trimmed, 1));
            } else if (trimmed.endsWith("h")) {
                parsed = Duration.ofHours(number(trimmed, 1));
            } else {
                throw notADuration(text);
            }
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw notADuration(text);
        }
        if (parsed.isNegative() || parsed.isZero()) {
            throw new IllegalArgumentException("'" + text + "' must be a positive duration");
        }
        return parsed;
    }

    /** The shortest of the forms {@link #parse} reads that says exactly this duration. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    private static long number(String text, int suffixLength) {
        return Long.parseLong(text.substring(0, text.length() - suffixLength));
    }

    private static IllegalArgumentException notADuration(String text) {
        return new IllegalArgumentException(
                "'" + text + "' is not a duration; use 500ms, 30s, 5m or 2h");
    }
}
