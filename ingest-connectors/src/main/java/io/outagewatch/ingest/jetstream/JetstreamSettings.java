package io.outagewatch.ingest.jetstream;

import io.outagewatch.ingest.cli.CommandLine;
import io.outagewatch.ingest.cli.CommandLine.UsageException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The Jetstream client's settings, parsed and checked once at start-up.
 *
 * @param url the v1 {@code /subscribe} endpoint, without the parameters the client appends
 * @param catalog the catalog file; empty for the bundled catalog
 * @param cursorFile where the cursor and recent post keys are saved
 * @param rewind how far before the saved cursor a (re)connection resumes
 * @param checkpointInterval how often the cursor is saved while frames arrive
 * @param backoffInitial the first pause before reconnecting
 * @param backoffMax the longest pause before reconnecting
 * @param idleTimeout how long a connection may stay silent before it is reopened
 * @param output where reports go
 * @param bootstrapServers explicit Kafka brokers, with {@link Output#KAFKA}
 * @param maxReports stop once this many reports were published; empty for no limit
 * @param authorSalt salt for the author hash; empty for plain SHA-256
 */
record JetstreamSettings(
        URI url,
        Optional<Path> catalog,
        Path cursorFile,
        Duration rewind,
        Duration checkpointInterval,
        Duration backoffInitial,
        Duration backoffMax,
        Duration idleTimeout,
        Output output,
        Optional<String> bootstrapServers,
        OptionalLong maxReports,
        Optional<String> authorSalt) {

    static final String DEFAULT_URL = "wss://jetstream2.us-east.bsky.network/subscribe";
    static final String DEFAULT_CURSOR_FILE = "./outagewatch-data/jetstream.cursor";
    static final Duration DEFAULT_REWIND = Duration.ofSeconds(5);
    static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(5);
    static final Duration DEFAULT_BACKOFF_INITIAL = Duration.ofSeconds(1);
    static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(60);
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);

    /** The cursor is also saved after this many frames, whatever the interval. */
    static final int CHECKPOINT_FRAMES = 1000;

    /** Environment variable whose value, when set and not blank, salts the author hash. */
    static final String AUTHOR_SALT_ENV = "OUTAGEWATCH_JETSTREAM_AUTHOR_SALT";

    /** Where reports go. */
    enum Output {
        STDOUT,
        KAFKA
    }

    JetstreamSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(cursorFile, "cursorFile");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(maxReports, "maxReports");
        Objects.requireNonNull(authorSalt, "authorSalt");
        requirePositive("rewind", rewind);
        requirePositive("checkpoint-interval", checkpointInterval);
        requirePositive("backoff-initial", backoffInitial);
        requirePositive("backoff-max", backoffMax);
        requirePositive("idle-timeout", idleTimeout);
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw new UsageException(
                    "--backoff-max ("
                            + backoffMax
                            + ") must not be shorter than --backoff-initial ("
                            + backoffInitial
                            + ")");
        }
    }

    static JetstreamSettings parse(String[] args, Map<String, String> env) {
        CommandLine line = CommandLine.parse(args, JetstreamOption.keys(), Set.of());
        Output output = output(line.value(JetstreamOption.OUTPUT.key).orElse("stdout"));
        Optional<String> bootstrap = line.value(JetstreamOption.BOOTSTRAP_SERVERS.key);
        if (bootstrap.isPresent() && output != Output.KAFKA) {
            throw new UsageException("--bootstrap-servers needs --output kafka");
        }
        OptionalLong maxReports = OptionalLong.empty();
        Optional<Long> max = line.longValue(JetstreamOption.MAX_REPORTS.key);
        if (max.isPresent()) {
            if (max.get() < 1) {
                throw new UsageException("--max-reports must be at least 1, got " + max.get());
            }
            maxReports = OptionalLong.of(max.get());
        }
        String salt = env.get(AUTHOR_SALT_ENV);
        return new JetstreamSettings(
                url(line.value(JetstreamOption.URL.key).orElse(DEFAULT_URL)),
                line.value(JetstreamOption.CATALOG.key).map(Path::of),
                Path.of(line.value(JetstreamOption.CURSOR_FILE.key).orElse(DEFAULT_CURSOR_FILE)),
                duration(line, JetstreamOption.REWIND, DEFAULT_REWIND),
                duration(line, JetstreamOption.CHECKPOINT_INTERVAL, DEFAULT_CHECKPOINT_INTERVAL),
                duration(line, JetstreamOption.BACKOFF_INITIAL, DEFAULT_BACKOFF_INITIAL),
                duration(line, JetstreamOption.BACKOFF_MAX, DEFAULT_BACKOFF_MAX),
                duration(line, JetstreamOption.IDLE_TIMEOUT, DEFAULT_IDLE_TIMEOUT),
                output,
                bootstrap,
                maxReports,
                salt == null || salt.isBlank() ? Optional.empty() : Optional.of(salt));
    }

    private static Duration duration(
            CommandLine line, JetstreamOption option, Duration defaultValue) {
        return line.durationValue(option.key).orElse(defaultValue);
    }

    private static Output output(String text) {
        return switch (text) {
            case "stdout" -> Output.STDOUT;
            case "kafka" -> Output.KAFKA;
            default ->
                    throw new UsageException(
                            "--output must be stdout or kafka, got '" + text + "'");
        };
    }

    private static URI url(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new UsageException("--url '" + text + "' is not a URL: " + e.getReason());
        }
        if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme())) {
            throw new UsageException("--url '" + text + "' must start with ws:// or wss://");
        }
        if (uri.getHost() == null) {
            throw new UsageException("--url '" + text + "' has no host");
        }
        if (uri.getRawQuery() != null && ("&" + uri.getRawQuery()).contains("&cursor=")) {
            throw new UsageException(
                    "--url '" + text + "' must not carry a cursor; the client keeps its own");
        }
        if (uri.getFragment() != null) {
            throw new UsageException("--url '" + text + "' must not have a #fragment");
        }
        return uri;
    }

    private static void requirePositive(String option, Duration value) {
        Objects.requireNonNull(value, option);
        if (value.isNegative() || value.isZero()) {
            throw new UsageException("--" + option + " must be positive, got " + value);
        }
    }
}
