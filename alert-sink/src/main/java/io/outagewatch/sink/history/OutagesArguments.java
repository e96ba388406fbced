package io.outagewatch.sink.history;

import io.outagewatch.events.InvalidEventException;
import io.outagewatch.events.Timestamps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The command line of {@code bin/outagewatch outages}, checked before anything runs.
 *
 * @param db the history database's JDBC URL
 * @param filter which incidents to show
 * @param json JSON lines instead of tables
 */
public record OutagesArguments(String db, IncidentFilter filter, boolean json) {

    public static final String USAGE =
            String.join(
                    "\n",
                    "usage: bin/outagewatch outages [--db JDBC_URL] [--service S] [--since TIME]"
                            + " [--json]",
                    "",
                    "Prints the outage history: the incidents, oldest first, then per service the"
                            + " incident count, total, median and mean (MTTR) duration of the"
                            + " recovered ones, and the median detection lead over the official"
                            + " acknowledgement.",
                    "  --db JDBC_URL  jdbc:sqlite:PATH or jdbc:postgresql://HOST[:PORT]/DATABASE"
                            + " (default "
                            + HistoryStore.DEFAULT_URL
                            + ")",
                    "  --service S    only this service's incidents",
                    "  --since TIME   only incidents that started at or after TIME, e.g."
                            + " 2023-11-08T13:00:00Z or 2023-11-08 (midnight UTC)",
                    "  --json         one JSON object per line, \"kind\" incident or summary",
                    "Exit 0 on success, 1 when the database fails, 2 on bad usage.");

    /** A usage problem, reported with exit code 2. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    public static OutagesArguments parse(String[] args) throws UsageException {
        String db = HistoryStore.DEFAULT_URL;
        IncidentFilter filter = IncidentFilter.ALL;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--json")) {
                json = true;
                continue;
            }
            if (!flag.equals("--db") && !flag.equals("--service") && !flag.equals("--since")) {
                throw new UsageException("unknown option " + flag);
            }
            if (i + 1 >= args.length || args[i + 1].isBlank()) {
                throw new UsageException("missing value after " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--db" -> db = value;
                case "--service" -> filter = filter.withService(value);
                default -> filter = filter.withSince(since(value));
            }
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
        return new OutagesArguments(db, filter, json);
    }

    private static Instant since(String text) throws UsageException {
        try {
            if (text.length() == "2023-11-08".length()) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Timestamps.parse("--since", text);
        } catch (DateTimeParseException | InvalidEventException e) {
            throw new UsageException(
                    "--since '" + text + "' is not a time; use 2023-11-08T13:00:00Z or 2023-11-08");
        }
    }
}
