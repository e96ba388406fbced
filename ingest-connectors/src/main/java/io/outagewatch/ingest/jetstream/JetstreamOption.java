package io.outagewatch.ingest.jetstream;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Every option of {@code bin/outagewatch jetstream}: name, default and description, once. */
enum JetstreamOption {
    URL(
            "url",
            "URL",
            JetstreamSettings.DEFAULT_URL,
            "Jetstream v1 subscribe endpoint (ws:// or wss://); wantedCollections="
                    + JetstreamFrame.POST_COLLECTION
                    + " and cursor= are appended"),
    CATALOG("catalog", "FILE", "the bundled catalog", "service catalog (.json, .yaml or .yml)"),
    CURSOR_FILE(
            "cursor-file",
            "FILE",
            JetstreamSettings.DEFAULT_CURSOR_FILE,
            "where the cursor is kept between runs; written atomically"),
    REWIND(
            "rewind",
            "DURATION",
            text(JetstreamSettings.DEFAULT_REWIND),
            "how far before the saved cursor a reconnect resumes; repeats are deduplicated"),
    CHECKPOINT_INTERVAL(
            "checkpoint-interval",
            "DURATION",
            text(JetstreamSettings.DEFAULT_CHECKPOINT_INTERVAL),
            "how often the cursor is saved (also every "
                    + JetstreamSettings.CHECKPOINT_FRAMES
                    + " frames and on shutdown)"),
    BACKOFF_INITIAL(
            "backoff-initial",
            "DURATION",
            text(JetstreamSettings.DEFAULT_BACKOFF_INITIAL),
            "first pause before reconnecting"),
    BACKOFF_MAX(
            "backoff-max",
            "DURATION",
            text(JetstreamSettings.DEFAULT_BACKOFF_MAX),
            "longest pause; each failure doubles it, with jitter"),
    IDLE_TIMEOUT(
            "idle-timeout",
            "DURATION",
            text(JetstreamSettings.DEFAULT_IDLE_TIMEOUT),
            "a connection with no frame for this long is treated as dead and reopened"),
    OUTPUT("output", "stdout|kafka", "stdout", "stdout: JSON lines; kafka: topic social-reports"),
    BOOTSTRAP_SERVERS(
            "bootstrap-servers",
            "HOST:PORT",
            "$OUTAGEWATCH_KAFKA_BOOTSTRAP_SERVERS, else 127.0.0.1:9092",
            "Kafka brokers, with --output kafka"),
    MAX_REPORTS(
            "max-reports",
            "N",
            "no limit",
            "stop after the post that brings the reports published to N");

    final String key;
    final String argument;
    final String defaultText;
    final String description;

    JetstreamOption(String key, String argument, String defaultText, String description) {
        this.key = key;
        this.argument = argument;
        this.defaultText = defaultText;
        this.description = description;
    }

    /** A default duration as the command line spells it: {@code 5s}, {@code 500ms}. */
    static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }

    static Set<String> keys() {
        return Arrays.stream(values()).map(option -> option.key).collect(Collectors.toSet());
    }

    static String usage() {
        StringBuilder usage =
                new StringBuilder(
                        "usage: bin/outagewatch jetstream [options]\n"
                                + "Reads Bluesky posts from Jetstream and publishes a social report"
                                + " for each catalog service a post names.\n"
                                + "Options:\n");
        for (JetstreamOption option : values()) {
            usage.append(
                    String.format(
                            "  --%-31s %s (default: %s)%n",
                            option.key + " " + option.argument,
                            option.description,
                            option.defaultText));
        }
        usage.append(
                String.format(
                        "  --%-31s %s%n"
                                + "Environment: %s salts the author hash (HMAC-SHA256 instead of"
                                + " SHA-256).",
                        "help", "print this help", JetstreamSettings.AUTHOR_SALT_ENV));
        return usage.toString();
    }
}
