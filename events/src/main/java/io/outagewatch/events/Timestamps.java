package io.outagewatch.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * The one timestamp rule shared by every contract: an ISO-8601 date-time with a zone ({@code Z}) or
 * an offset ({@code ±hh:mm}), or integral epoch milliseconds, inside [2000-01-01T00:00:00Z,
 * 2101-01-01T00:00:00Z).
 *
 * <p>The range catches the usual producer bugs (seconds sent as milliseconds, zero or unset clocks)
 * before they poison event-time windows and watermarks.
 */
public final class Timestamps {
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Instant END_EXCLUSIVE = Instant.parse("2101-01-01T00:00:00Z");

    /**
     * Pinned down before handing the text to {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}, which
     * on its own also accepts lower-case letters, minutes without seconds and second-precision
     * offsets; the JSON Schemas use the same shape, so both accept the same strings.
     */
    private static final Pattern WITH_OFFSET =
            Pattern.compile(
                    "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    private static final Pattern WITHOUT_OFFSET =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

    private Timestamps() {}

    public static boolean inRange(Instant instant) {
        return !instant.isBefore(EARLIEST) && instant.isBefore(END_EXCLUSIVE);
    }

    /**
     * Parses ISO-8601 text with a zone or offset and checks the range.
     *
     * @param field named in the exception message
     * @throws InvalidEventException with {@link InvalidReason#INVALID_TIMESTAMP} or {@link
     *     InvalidReason#TIMESTAMP_OUT_OF_RANGE}
     */
    public static Instant parse(String field, String text) {
        if (!WITH_OFFSET.matcher(text).matches()) {
            if (WITHOUT_OFFSET.matcher(text).matches()) {
                throw new InvalidEventException(
                        InvalidReason.INVALID_TIMESTAMP,
                        field
                                + " "
                                + Checks.quote(text)
                                + " has no zone or offset; expected e.g. 2023-11-08T13:42:00Z");
            }
            throw new InvalidEventException(
                    InvalidReason.INVALID_TIMESTAMP,
                    field
                            + " "
                            + Checks.quote(text)
                            + " is neither an ISO-8601 date-time with zone or offset nor epoch"
                            + " milliseconds");
        }
        Instant instant;
        try {
            instant =
                    OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_TIMESTAMP,
                    field + " " + Checks.quote(text) + " is not a valid date-time");
        }
        return requireInRange(field, instant);
    }

    /**
     * @throws InvalidEventException with {@link InvalidReason#TIMESTAMP_OUT_OF_RANGE}
     */
    public static Instant fromEpochMillis(String field, long epochMillis) {
        return requireInRange(field, Instant.ofEpochMilli(epochMillis));
    }

    /**
     * @throws InvalidEventException with {@link InvalidReason#MISSING_FIELD} when null or {@link
     *     InvalidReason#TIMESTAMP_OUT_OF_RANGE}
     */
    public static Instant requireInRange(String field, Instant instant) {
        if (instant == null) {
            throw new InvalidEventException(InvalidReason.MISSING_FIELD, field);
        }
        if (instant.isBefore(EARLIEST)) {
            throw new InvalidEventException(
                    InvalidReason.TIMESTAMP_OUT_OF_RANGE,
                    field + " " + instant + " is before 2000-01-01");
        }
        if (!instant.isBefore(END_EXCLUSIVE)) {
            throw new InvalidEventException(
                    InvalidReason.TIMESTAMP_OUT_OF_RANGE,
                    field + " " + instant + " is after 2100-12-31");
        }
        return instant;
    }
}
