package io.outagewatch.sink.silence;

import io.outagewatch.events.DurationText;
import io.outagewatch.events.InvalidEventException;
import io.outagewatch.events.ServiceCatalog;
import io.outagewatch.events.Severity;
import io.outagewatch.events.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a person asks for when making a silence, from {@code bin/outagewatch silence add} or {@code
 * POST /api/v1/silences}, as text; {@link #toSilence} checks it and says what is wrong in words a
 * person can act on.
 *
 * @param service required
 * @param severity optional: MAJOR, PARTIAL or DEGRADED (any case)
 * @param region optional
 * @param from optional start; now when absent
 * @param until the end; give it or {@code duration}, not both
 * @param duration how long from the start, e.g. {@code 2h}
 * @param createdBy optional; {@code defaultCreatedBy} when absent
 * @param comment required
 */
public record SilenceRequest(
        String service,
        String severity,
        String region,
        String from,
        String until,
        String duration,
        String createdBy,
        String comment) {

    /**
     * @param catalog when present, the service must be in it
     * @throws IllegalArgumentException naming the field and the problem
     */
    public Silence toSilence(
            Instant now, String defaultCreatedBy, Optional<ServiceCatalog> catalog) {
        if (blank(service)) {
            throw new IllegalArgumentException("a service is required");
        }
        if (catalog.isPresent() && catalog.get().byId(service).isEmpty()) {
            throw new IllegalArgumentException(
                    "service '"
                            + service
                            + "' is not in the catalog; known are "
                            + catalog.get().services().stream()
                                    .map(s -> s.id())
                                    .sorted()
                                    .collect(Collectors.joining(", ")));
        }
        if (blank(comment)) {
            throw new IllegalArgumentException("a comment is required: say why pages stop");
        }
        Instant start = blank(from) ? now : time("from", from);
        if (blank(until) == blank(duration)) {
            throw new IllegalArgumentException(
                    "give an end (until) or a duration (for), one of them");
        }
        Instant end;
        if (!blank(until)) {
            end = time("until", until);
        } else {
            Duration length;
            try {
                length = DurationText.parse(duration);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("for: " + e.getMessage());
            }
            end = start.plus(length);
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException(
                    "the end " + end + " is not after the start " + start);
        }
        return Silence.create(
                service.strip(),
                blank(severity) ? Optional.empty() : Optional.of(severity(severity)),
                blank(region) ? Optional.empty() : Optional.of(region.strip()),
                start,
                end,
                blank(createdBy) ? defaultCreatedBy : createdBy,
                comment,
                now);
    }

    /**
     * A time: ISO-8601 with a zone ({@code 2024-03-02T22:00:00Z}) or a date (midnight UTC).
     *
     * @throws IllegalArgumentException naming the field
     */
    public static Instant time(String field, String text) {
        try {
            if (text.strip().length() == "2024-03-02".length()) {
                return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Timestamps.parse(field, text.strip());
        } catch (DateTimeParseException | InvalidEventException e) {
            throw new IllegalArgumentException(
                    field
                            + ": '"
                            + text
                            + "' is not a time; use 2024-03-02T22:00:00Z (or an offset) or"
                            + " 2024-03-02");
        }
    }

    static Severity severity(String text) {
        try {
            return Severity.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "severity '"
                            + text
                            + "' is not one of "
                            + Arrays.stream(Severity.values())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")));
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
