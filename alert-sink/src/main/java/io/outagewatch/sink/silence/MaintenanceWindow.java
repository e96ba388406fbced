package io.outagewatch.sink.silence;

import io.outagewatch.events.Ids;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A maintenance window from the sink's config ({@code maintenanceWindows}): a one-off range, or a
 * weekly one in a time zone, for one service. An alert of the service whose event time falls inside
 * an occurrence is silenced exactly as by a {@link Silence}.
 *
 * @param name unique among the windows; a catalog-style id
 * @param service the catalog id of the service
 * @param comment why; shown where the silence is
 * @param schedule when
 */
public record MaintenanceWindow(String name, String service, String comment, Schedule schedule) {

    /** Who a window's silences are made by. */
    public static final String CREATED_BY = "config";

    public MaintenanceWindow {
        if (name == null || !Ids.isValid(name)) {
            throw new IllegalArgumentException(
                    "window name '" + name + "' must match " + Ids.PATTERN);
        }
        if (service == null || !Ids.isValid(service)) {
            throw new IllegalArgumentException(
                    "service '" + service + "' is not a catalog id (" + Ids.PATTERN + ")");
        }
        comment = comment == null || comment.isBlank() ? "maintenance window " + name : comment;
        Objects.requireNonNull(schedule, "schedule");
    }

    /** The occurrence that covers the instant, as a silence, if one does. */
    public Optional<Silence> occurrenceAt(Instant instant) {
        return schedule.occurrenceAt(instant)
                .map(
                        range ->
                                new Silence(
                                        "window-" + name + "-" + range.start().getEpochSecond(),
                                        service,
                                        Optional.empty(),
                                        Optional.empty(),
                                        range.start(),
                                        range.end(),
                                        CREATED_BY,
                                        comment,
                                        range.start(),
                                        Silence.Source.WINDOW));
    }

    /** When a window is open. */
    public sealed interface Schedule permits OneOff, Weekly {
        /** The occurrence covering the instant: {@code start <= instant < end}. */
        Optional<Range> occurrenceAt(Instant instant);
    }

    /** A half-open range of instants. */
    public record Range(Instant start, Instant end) {
        boolean covers(Instant instant) {
            return !instant.isBefore(start) && instant.isBefore(end);
        }
    }

    /** Once, from {@code start} up to {@code end}. */
    public record OneOff(Instant start, Instant end) implements Schedule {
        public OneOff {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException(
                        "the end " + end + " is not after the start " + start);
            }
        }

        @Override
        public Optional<Range> occurrenceAt(Instant instant) {
            Range range = new Range(start, end);
            return range.covers(instant) ? Optional.of(range) : Optional.empty();
        }
    }

    /**
     * Every week on the given days, from {@code from} to {@code until} local time in {@code zone}.
     * An {@code until} not after {@code from} ends on the next day. Local times are kept across
     * daylight-saving changes: a 01:00 to 05:00 window lasts three hours on the night the clocks go
     * forward and five when they go back; a start inside the skipped hour moves to its end.
     */
    public record Weekly(Set<DayOfWeek> days, LocalTime from, LocalTime until, ZoneId zone)
            implements Schedule {
        public Weekly {
            Objects.requireNonNull(days, "days");
            if (days.isEmpty()) {
                throw new IllegalArgumentException("a weekly window needs at least one day");
            }
            days = Set.copyOf(EnumSet.copyOf(days));
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(zone, "zone");
            if (from.equals(until)) {
                throw new IllegalArgumentException(
                        "a weekly window's from and until are both " + from);
            }
        }

        @Override
        public Optional<Range> occurrenceAt(Instant instant) {
            LocalDate local = instant.atZone(zone).toLocalDate();
            // An occurrence that crosses midnight may have started the day before.
            for (LocalDate day : List.of(local.minusDays(1), local)) {
                if (!days.contains(day.getDayOfWeek())) {
                    continue;
                }
                Instant start = ZonedDateTime.of(day, from, zone).toInstant();
                LocalDate endDay = until.isAfter(from) ? day : day.plusDays(1);
                Instant end = ZonedDateTime.of(endDay, until, zone).toInstant();
                Range range = new Range(start, end);
                if (range.covers(instant)) {
                    return Optional.of(range);
                }
            }
            return Optional.empty();
        }
    }
}
