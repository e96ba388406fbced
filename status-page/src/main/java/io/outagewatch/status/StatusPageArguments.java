package io.outagewatch.status;

import io.outagewatch.events.DurationText;
import io.outagewatch.events.KafkaEnvironment;
import io.outagewatch.sink.history.HistoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of {@code bin/outagewatch status}, checked before anything runs, with its
 * defaults.
 */
public record StatusPageArguments(
        String bind,
        int port,
        Duration window,
        String bootstrapServers,
        String historyDb,
        Optional<Path> catalog,
        Optional<String> kafkaProperties) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8090;
    public static final Duration DEFAULT_WINDOW = Duration.ofHours(48);
    public static final Duration MAX_WINDOW = Duration.ofDays(14);
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";
    public static final String DEFAULT_HISTORY_DB = HistoryStore.DEFAULT_URL;
    private static final int MAX_PORT = 65_535;

    public static final String USAGE =
            String.join(
                    "\n",
                    "usage: bin/outagewatch status [--port P] [--bind ADDRESS] [--window DURATION]"
                            + " [--bootstrap-servers HOST:PORT] [--db JDBC_URL] [--catalog FILE]"
                            + " [--kafka-properties FILE]",
                    "",
                    "Serves the live status page: every catalog service's state, signals against"
                            + " their baselines, incidents and estimates.",
                    "  --port               HTTP port (default "
                            + DEFAULT_PORT
                            + "; 0 picks a free one)",
                    "  --bind               address to listen on (default "
                            + DEFAULT_BIND
                            + ", loopback only)",
                    "  --window             how much history to keep in memory, rebuilt from Kafka"
                            + " on start (default 48h, at most 336h, 14 days)",
                    "  --bootstrap-servers  Kafka (default $"
                            + KafkaEnvironment.BOOTSTRAP_SERVERS
                            + ", else "
                            + DEFAULT_BOOTSTRAP_SERVERS
                            + ")",
                    "  --db                 the outage history the sink writes (default "
                            + DEFAULT_HISTORY_DB
                            + "; a SQLite file that does not exist is skipped)",
                    "  --catalog            the service catalog (default: the bundled one)",
                    "  --kafka-properties   extra Kafka client settings (default $"
                            + KafkaEnvironment.PROPERTIES_FILE
                            + ")");

    /** A usage problem, reported with exit code 2. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    public static StatusPageArguments parse(String[] args, Map<String, String> env)
            throws UsageException {
        String bind = DEFAULT_BIND;
        int port = DEFAULT_PORT;
        Duration window = DEFAULT_WINDOW;
        String bootstrapServers =
                Optional.ofNullable(env.get(KafkaEnvironment.BOOTSTRAP_SERVERS))
                        .filter(s -> !s.isBlank())
                        .orElse(DEFAULT_BOOTSTRAP_SERVERS);
        String historyDb = DEFAULT_HISTORY_DB;
        Path catalog = null;
        String kafkaProperties = null;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new UsageException("missing value after " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--bind" -> bind = value;
                case "--port" -> port = port(value);
                case "--window" -> window = window(value);
                case "--bootstrap-servers" -> bootstrapServers = value;
                case "--db" -> historyDb = value;
                case "--catalog" -> catalog = Path.of(value);
                case "--kafka-properties" -> kafkaProperties = value;
                default -> throw new UsageException("unknown option " + flag);
            }
        }
        if (catalog != null && !Files.isReadable(catalog)) {
            throw new UsageException("cannot read --catalog " + catalog);
        }
        return new StatusPageArguments(
                bind,
                port,
                window,
                bootstrapServers,
                historyDb,
                Optional.ofNullable(catalog),
                Optional.ofNullable(kafkaProperties));
    }

    private static int port(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > MAX_PORT) {
                throw new UsageException("--port must be 0 to " + MAX_PORT + ", got " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException("--port must be a number, got " + value);
        }
    }

    private static Duration window(String value) throws UsageException {
        Duration window;
        try {
            window = DurationText.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--window: " + e.getMessage());
        }
        if (window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
            throw new UsageException("--window must be above 0 and at most 336h, got " + value);
        }
        return window;
    }
}
