package io.outagewatch.ingest.statuspage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The poller's settings, as read by {@link StatusPageConfigLoader}. Every setting but {@code pages}
 * has a default, defined here once.
 *
 * @param pages the pages to poll; at least one
 * @param bootstrapServers Kafka brokers for {@code --output kafka}; null means the environment
 *     variable {@code OUTAGEWATCH_KAFKA_BOOTSTRAP_SERVERS}, else {@code 127.0.0.1:9092}
 * @param stateFile where the dedup state is kept across restarts
 * @param backfill how old a resolved incident seen for the first time may be and still be published
 * @param maxBackoff the longest wait after errors, and the cap on a 429's Retry-After
 * @param maintenances whether the pages' scheduled maintenances are read and published too
 */
public record StatusPageConfig(
        List<PageConfig> pages,
        String bootstrapServers,
        Path stateFile,
        Duration backfill,
        Duration maxBackoff,
        boolean maintenances) {

    /** Scheduled maintenances are read unless the config says otherwise. */
    public static final boolean DEFAULT_MAINTENANCES = true;

    /** Settings that read the scheduled maintenances too. */
    public StatusPageConfig(
            List<PageConfig> pages,
            String bootstrapServers,
            Path stateFile,
            Duration backfill,
            Duration maxBackoff) {
        this(pages, bootstrapServers, stateFile, backfill, maxBackoff, DEFAULT_MAINTENANCES);
    }

    /** Time between polls of a page that answers. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

    /** Shortest allowed interval: status pages are CDN-cached and ask callers to be polite. */
    public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    /** State file name, resolved against the config file's directory. */
    public static final String DEFAULT_STATE_FILE_NAME = "statuspage-state.json";

    public static final Duration DEFAULT_BACKFILL = Duration.ofHours(24);
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(15);

    /** Largest response body read from a page; a larger one counts as an error. */
    public static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /**
     * An incident absent from its page's latest document and not updated for this long is dropped
     * from the state.
     */
    public static final Duration STATE_RETENTION = Duration.ofDays(7);

    public StatusPageConfig {
        pages = List.copyOf(pages);
        Objects.requireNonNull(stateFile, "stateFile");
        Objects.requireNonNull(backfill, "backfill");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
    }
}
