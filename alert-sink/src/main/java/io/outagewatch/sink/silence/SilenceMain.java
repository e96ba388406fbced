package io.outagewatch.sink.silence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outagewatch.events.ServiceCatalog;
import io.outagewatch.sink.history.HistoryException;
import io.outagewatch.sink.history.HistoryStore;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code bin/outagewatch silence add|list|expire}: silences in the outage history database, which
 * the sink reads before every alert.
 */
public final class SilenceMain {

    public static final String USAGE =
            String.join(
                    "\n",
                    "usage: bin/outagewatch silence add --db URL --service S [--severity SEV]"
                            + " [--region R] [--from TIME] (--until TIME | --for DURATION)"
                            + " --comment TEXT [--by NAME] [--catalog FILE]",
                    "       bin/outagewatch silence list --db URL [--all] [--json]",
                    "       bin/outagewatch silence expire ID --db URL",
                    "",
                    "While a silence lasts, the sink does not page (PagerDuty, Slack, webhooks,"
                            + " Alertmanager) for the alerts it matches: those of the service (and"
                            + " severity MAJOR|PARTIAL|DEGRADED, and region, when given) whose"
                            + " event time (detection, or recovery) falls inside it. They are still"
                            + " recorded in the history, marked silenced, and shown on the console."
                            + " An incident still open when its silence ends is paged then.",
                    "  --db URL        jdbc:sqlite:PATH or jdbc:postgresql://HOST[:PORT]/DATABASE"
                            + " (default "
                            + HistoryStore.DEFAULT_URL
                            + ")",
                    "  --from TIME     start, e.g. 2024-03-02T22:00:00Z or 2024-03-02; default now",
                    "  --until TIME    end; or --for DURATION from the start, e.g. 90m or 2h",
                    "  --comment TEXT  why (required); --by NAME who (default $USER)",
                    "  --catalog FILE  refuse services that are not in this catalog",
                    "  --all           list ended silences too; --json one JSON object per line",
                    "add prints the new silence's id. Exit 0 on success, 1 when the database"
                            + " fails, 2 on bad input.");

    private SilenceMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.getenv("USER"), Clock.systemUTC(), System.out, System.err));
    }

    /** A usage problem, reported with exit code 2. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /**
     * @param user who is running it, the default of {@code --by}; may be null
     * @param clock "now" for {@code --from} and {@code expire}
     * @return 0 on success, 1 when the database fails, 2 on bad input
     */
    public static int run(
            String[] args, String user, Clock clock, PrintStream out, PrintStream err) {
        if (args.length == 0
                || args[0].equals("--help")
                || args[0].equals("-h")
                || args[0].equals("help")) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        Options options;
        try {
            options = Options.parse(command, List.of(args).subList(1, args.length));
        } catch (UsageException e) {
            err.println("silence: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        Instant now = clock.instant();
        try {
            return switch (command) {
                case "add" -> add(options, user, now, out, err);
                case "list" -> list(options, now, out);
                default -> expire(options, now, out, err);
            };
        } catch (HistoryException e) {
            err.println("silence: " + e.getMessage());
            return 1;
        }
    }

    private static int add(
            Options options, String user, Instant now, PrintStream out, PrintStream err) {
        Silence silence;
        try {
            Optional<ServiceCatalog> catalog =
                    options.catalog == null
                            ? Optional.empty()
                            : Optional.of(ServiceCatalog.load(Path.of(options.catalog)));
            silence =
                    new SilenceRequest(
                                    options.service,
                                    options.severity,
                                    options.region,
                                    options.from,
                                    options.until,
                                    options.duration,
                                    options.by,
                                    options.comment)
                            .toSilence(now, user == null || user.isBlank() ? "cli" : user, catalog);
        } catch (IllegalArgumentException e) {
            err.println("silence add: " + e.getMessage());
            return 2;
        }
        try (HistoryStore store = HistoryStore.open(options.db)) {
            store.add(silence);
        }
        out.println(silence.id());
        return 0;
    }

    private static int list(Options options, Instant now, PrintStream out) {
        List<Silence> silences;
        try (HistoryStore store = HistoryStore.open(options.db)) {
            silences = store.silences();
        }
        List<Silence> shown = new ArrayList<>();
        for (Silence silence : silences) {
            if (options.all || !silence.endedAt(now)) {
                shown.add(silence);
            }
        }
        if (options.json) {
            for (Silence silence : shown) {
                ObjectNode node = SilenceJson.node(silence, now);
                out.println(node);
            }
            return 0;
        }
        if (shown.isEmpty()) {
            out.println(options.all ? "no silences" : "no active or pending silences");
            return 0;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(
                List.of(
                        "ID",
                        "SERVICE",
                        "SEVERITY",
                        "REGION",
                        "STARTS",
                        "ENDS",
                        "STATE",
                        "BY",
                        "COMMENT"));
        for (Silence silence : shown) {
            rows.add(
                    List.of(
                            silence.id(),
                            silence.service(),
                            silence.severity().map(Enum::name).orElse("any"),
                            silence.region().orElse("any"),
                            silence.startsAt().truncatedTo(ChronoUnit.SECONDS).toString(),
                            silence.endsAt().truncatedTo(ChronoUnit.SECONDS).toString(),
                            SilenceJson.State.of(silence, now).wireName(),
                            silence.createdBy(),
                            silence.comment()));
        }
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(row.get(i));
                if (i < widths.length - 1) {
                    line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
                }
            }
            out.println(line);
        }
        return 0;
    }

    private static int expire(Options options, Instant now, PrintStream out, PrintStream err) {
        try (HistoryStore store = HistoryStore.open(options.db)) {
            Optional<Silence> before = store.silence(options.id);
            if (before.isEmpty()) {
                err.println("silence expire: no silence " + options.id + " in " + options.db);
                return 2;
            }
            if (before.get().endedAt(now)) {
                out.println(options.id + " had ended already, at " + before.get().endsAt());
                return 0;
            }
            Silence expired = store.expire(options.id, now).orElseThrow();
            out.println(options.id + " expired at " + expired.endsAt());
            return 0;
        }
    }

    /** The flags of one subcommand, checked. */
    private static final class Options {
        String db = HistoryStore.DEFAULT_URL;
        String service;
        String severity;
        String region;
        String from;
        String until;
        String duration;
        String comment;
        String by;
        String catalog;
        String id;
        boolean all;
        boolean json;

        static Options parse(String command, List<String> args) throws UsageException {
            if (!List.of("add", "list", "expire").contains(command)) {
                throw new UsageException(
                        "unknown subcommand '" + command + "'; use add, list or expire");
            }
            Options o = new Options();
            for (int i = 0; i < args.size(); i++) {
                String flag = args.get(i);
                if (command.equals("list") && flag.equals("--all")) {
                    o.all = true;
                    continue;
                }
                if (command.equals("list") && flag.equals("--json")) {
                    o.json = true;
                    continue;
                }
                if (command.equals("expire") && !flag.startsWith("--")) {
                    if (o.id != null) {
                        throw new UsageException(
                                "expire takes one ID, got " + o.id + " and " + flag);
                    }
                    o.id = flag;
                    continue;
                }
                if (!allowed(command).contains(flag)) {
                    throw new UsageException("unknown option " + flag + " for " + command);
                }
                if (i + 1 >= args.size() || args.get(i + 1).isBlank()) {
                    throw new UsageException("missing value after " + flag);
                }
                String value = args.get(++i);
                switch (flag) {
                    case "--db" -> o.db = value;
                    case "--service" -> o.service = value;
                    case "--severity" -> o.severity = value;
                    case "--region" -> o.region = value;
                    case "--from" -> o.from = value;
                    case "--until" -> o.until = value;
                    case "--for" -> o.duration = value;
                    case "--comment" -> o.comment = value;
                    case "--by" -> o.by = value;
                    default -> o.catalog = value;
                }
            }
            if (command.equals("add")) {
                if (o.service == null) {
                    throw new UsageException("add needs --service");
                }
                if (o.comment == null) {
                    throw new UsageException("add needs --comment: say why pages stop");
                }
                if ((o.until == null) == (o.duration == null)) {
                    throw new UsageException(
                            "add needs --until TIME or --for DURATION, one of them");
                }
                if (o.catalog != null && !Files.isReadable(Path.of(o.catalog))) {
                    throw new UsageException("cannot read catalog " + o.catalog);
                }
            }
            if (command.equals("expire") && o.id == null) {
                throw new UsageException("expire needs the silence's ID");
            }
            Optional<Path> file = HistoryStore.sqliteFile(o.db);
            if (!o.db.startsWith("jdbc:sqlite:") && !o.db.startsWith("jdbc:postgresql:")) {
                throw new UsageException(
                        "--db: '"
                                + o.db
                                + "' is not jdbc:sqlite:PATH or"
                                + " jdbc:postgresql://HOST[:PORT]/DATABASE");
            }
            if (!command.equals("add") && file.isPresent() && !Files.isRegularFile(file.get())) {
                throw new UsageException(
                        "no outage history at "
                                + file.get()
                                + "; the sink or silence add creates it");
            }
            return o;
        }

        private static List<String> allowed(String command) {
            return switch (command) {
                case "add" ->
                        List.of(
                                "--db",
                                "--service",
                                "--severity",
                                "--region",
                                "--from",
                                "--until",
                                "--for",
                                "--comment",
                                "--by",
                                "--catalog");
                default -> List.of("--db");
            };
        }
    }
}
