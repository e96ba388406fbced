package io.outagewatch.sink.history;

import io.outagewatch.events.InvalidEventException;
import io.outagewatch.events.Timestamps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The command line of {@code bin/outagewatch outages}, checked before anything runs.
 *
 * @param db the history database's JDBC URL
 * @param filter which incidents to show
 * @param by one row per service and period, when present
 * @param format how to print
 */
public record OutagesArguments(
        String db, IncidentFilter filter, Optional<Period> by, Format format) {

    public static final String USAGE =
            String.join(
                    "\n",
                    "usage: bin/outagewatch outages [--db JDBC_URL] [--service S]... [--since TIME]"
                            + " [--until TIME] [--by day|week|month] [--format table|csv|json]"
                            + " [--json]",
                    "",
                    "Prints the outage history. Without --by: the incidents, oldest first, then"
                            + " per service the incident count, total, median, p90 and mean (MTTR)"
                            + " duration of the recovered ones, the median detection lead over the"
                            + " official acknowledgement and how many were silenced. With --by:"
                            + " those figures per service and period (UTC calendar days and"
                            + " months, ISO weeks), periods without incidents as zero rows between"
                            + " the first and the last.",
                    "  --db JDBC_URL  jdbc:sqlite:PATH or jdbc:postgresql://HOST[:PORT]/DATABASE"
                            + " (default "
                            + HistoryStore.DEFAULT_URL
                            + ")",
                    "  --service S    only this service's incidents; repeat for several",
                    "  --since TIME   only incidents that started at or after TIME, e.g."
                            + " 2023-11-08T13:00:00Z or 2023-11-08 (midnight UTC)",
                    "  --until TIME   only incidents that started before TIME",
                    "  --by PERIOD    day, week (ISO, Monday to Sunday) or month",
                    "  --format F     table (default), csv (RFC 4180, a header row; without --by"
                            + " the incidents) or json (one object per line, \"kind\" incident,"
                            + " summary or period)",
                    "  --json         the same as --format json",
                    "Silenced incidents are included and flagged. Exit 0 on success, 1 when the"
                            + " database fails, 2 on bad usage.");

    /** A calendar period incidents are grouped by, in UTC. */
    public enum Period {
        DAY,
        WEEK,
        MONTH
    }

    /** The output format. */
    public enum Format {
        TABLE,
        CSV,
        JSON
    }

    /** A usage problem, reported with exit code 2. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    /** Whether the output is JSON lines (kept for callers of the first version). */
    public boolean json() {
        return format == Format.JSON;
    }

    public static OutagesArguments parse(String[] args) throws UsageException {
        String db = HistoryStore.DEFAULT_URL;
        IncidentFilter filter = IncidentFilter.ALL;
        Optional<Period> by = Optional.empty();
        Format format = null;
        boolean jsonFlag = false;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--json")) {
                jsonFlag = true;
                continue;
            }
            if (!flag.equals("--db")
                    && !flag.equals("--service")
                    && !flag.equals("--since")
                    && !flag.equals("--until")
                    && !flag.equals("--by")
                    && !flag.equals("--format")) {
                throw new UsageException("unknown option " + flag);
            }
            if (i + 1 >= args.length || args[i + 1].isBlank()) {
                throw new UsageException("missing value after " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--db" -> db = value;
                case "--service" -> filter = filter.withService(value);
                case "--since" -> filter = filter.withSince(time("--since", value));
                case "--until" -> filter = filter.withUntil(time("--until", value));
                case "--by" -> by = Optional.of(choice("--by", value, Period.values()));
                default -> {
                    if (format != null) {
                        throw new UsageException("--format given twice");
                    }
                    format = choice("--format", value, Format.values());
                }
            }
        }
        if (jsonFlag && format != null && format != Format.JSON) {
            throw new UsageException(
                    "--json is --format json; it cannot go with --format "
                            + format.name().toLowerCase(Locale.ROOT));
        }
        if (format == null) {
            format = jsonFlag ? Format.JSON : Format.TABLE;
        }
        if (filter.since().isPresent()
                && filter.until().isPresent()
                && !filter.until().get().isAfter(filter.since().get())) {
            throw new UsageException(
                    "--until "
                            + filter.until().get()
                            + " is not after --since "
                            + filter.since().get());
        }
        try {
            Dialect.forUrl(db);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--db: " + e.getMessage());
        }
        Optional<Path> file = HistoryStore.sqliteFile(db);
        if (file.isPresent() && !Files.isRegularFile(file.get())) {
            throw new UsageException(
                    "no outage history at "
                            + file.get()
                            + "; the sink creates it when it records its first alert");
        }
        return new OutagesArguments(db, filter, by, format);
    }

    private static <E extends Enum<E>> E choice(String flag, String text, E[] values)
            throws UsageException {
        StringBuilder names = new StringBuilder();
        for (E value : values) {
            String name = value.name().toLowerCase(Locale.ROOT);
            if (name.equals(text)) {
                return value;
            }
            names.append(names.length() == 0 ? "" : "|").append(name);
        }
        throw new UsageException(flag + " '" + text + "' is not one of " + names);
    }

    private static Instant time(String flag, String text) throws UsageException {
        try {
            if (text.length() == "2023-11-08".length()) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Timestamps.parse(flag, text);
        } catch (DateTimeParseException | InvalidEventException e) {
            throw new UsageException(
                    flag + " '" + text + "' is not a time; use 2023-11-08T13:00:00Z or 2023-11-08");
        }
    }
}
