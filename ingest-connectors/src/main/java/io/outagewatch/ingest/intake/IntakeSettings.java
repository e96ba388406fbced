package io.outagewatch.ingest.intake;

import io.outagewatch.ingest.cli.CommandLine;
import io.outagewatch.ingest.cli.CommandLine.UsageException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Everything the intake endpoint is configured with, checked when built.
 *
 * @param host the address to listen on
 * @param port the port; 0 picks a free one
 * @param auth the clients and their tokens
 * @param maxBodyBytes the largest request body accepted
 * @param maxItems the most reports one array may hold
 * @param ratePerSecond requests per second each client may keep up
 * @param burst requests each client may send at once
 * @param output where accepted reports go
 * @param bootstrapServers the Kafka brokers, or empty for {@code KafkaPublishing}'s default
 * @param defaultSource the source of reports that name none
 */
public record IntakeSettings(
        String host,
        int port,
        BearerAuth auth,
        long maxBodyBytes,
        int maxItems,
        double ratePerSecond,
        int burst,
        Output output,
        Optional<String> bootstrapServers,
        String defaultSource) {

    public static final String TOKEN_ENV = "OUTAGEWATCH_INTAKE_TOKEN";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_BODY_BYTES = 1024L * 1024;
    public static final int DEFAULT_MAX_ITEMS = 1000;
    public static final double DEFAULT_RATE = 10;
    public static final int DEFAULT_BURST = 20;
    public static final String DEFAULT_SOURCE = "webhook";

    /** The body is held in memory while it is parsed, so its limit stays well below the heap. */
    public static final long MAX_BODY_BYTES_LIMIT = 64L * 1024 * 1024;

    public static final int MAX_ITEMS_LIMIT = 100_000;
    private static final int MAX_PORT = 65_535;

    /** Where accepted reports go. */
    public enum Output {
        KAFKA,
        STDOUT;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Output parse(String text) {
            for (Output output : values()) {
                if (output.label().equals(text)) {
                    return output;
                }
            }
            throw new UsageException(
                    "--output must be one of "
                            + Arrays.stream(values())
                                    .map(Output::label)
                                    .collect(Collectors.joining(", "))
                            + ", got '"
                            + text
                            + "'");
        }
    }

    public IntakeSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(defaultSource, "defaultSource");
        if (host.isBlank()) {
            throw new IllegalArgumentException("--host is blank");
        }
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException(
                    "--port must be between 0 and " + MAX_PORT + ", got " + port);
        }
        if (maxBodyBytes < 1 || maxBodyBytes > MAX_BODY_BYTES_LIMIT) {
            throw new IllegalArgumentException(
                    "--max-body-bytes must be between 1 and "
                            + MAX_BODY_BYTES_LIMIT
                            + ", got "
                            + maxBodyBytes);
        }
        if (maxItems < 1 || maxItems > MAX_ITEMS_LIMIT) {
            throw new IllegalArgumentException(
                    "--max-items must be between 1 and " + MAX_ITEMS_LIMIT + ", got " + maxItems);
        }
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("--rate must be positive, got " + ratePerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("--burst must be at least 1, got " + burst);
        }
        if (bootstrapServers.isPresent() && output != Output.KAFKA) {
            throw new IllegalArgumentException("--bootstrap-servers needs --output kafka");
        }
    }

    /**
     * Reads the options, taking the token from {@code --token-file} or else from {@value
     * #TOKEN_ENV} in {@code env}.
     *
     * @throws UsageException naming the option that is missing or wrong
     */
    public static IntakeSettings from(CommandLine line, Map<String, String> env) {
        try {
            return new IntakeSettings(
                    line.value(IntakeOption.HOST.optionName()).orElse(DEFAULT_HOST),
                    intValue(line, IntakeOption.PORT, DEFAULT_PORT),
                    auth(line, env),
                    line.longValue(IntakeOption.MAX_BODY_BYTES.optionName())
                            .orElse(DEFAULT_MAX_BODY_BYTES),
                    intValue(line, IntakeOption.MAX_ITEMS, DEFAULT_MAX_ITEMS),
                    line.doubleValue(IntakeOption.RATE.optionName()).orElse(DEFAULT_RATE),
                    intValue(line, IntakeOption.BURST, DEFAULT_BURST),
                    line.value(IntakeOption.OUTPUT.optionName())
                            .map(Output::parse)
                            .orElse(Output.KAFKA),
                    line.value(IntakeOption.BOOTSTRAP_SERVERS.optionName()),
                    line.value(IntakeOption.DEFAULT_SOURCE.optionName()).orElse(DEFAULT_SOURCE));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int intValue(CommandLine line, IntakeOption option, int defaultValue) {
        long value = line.longValue(option.optionName()).orElse((long) defaultValue);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new UsageException("--" + option.optionName() + " is out of range: " + value);
        }
        return (int) value;
    }

    private static BearerAuth auth(CommandLine line, Map<String, String> env) {
        Optional<String> file = line.value(IntakeOption.TOKEN_FILE.optionName());
        if (file.isPresent()) {
            return BearerAuth.fromFile(Path.of(file.get()));
        }
        String token = env.get(TOKEN_ENV);
        if (token == null || token.isBlank()) {
            throw new UsageException(
                    "no token: give --token-file FILE or set " + TOKEN_ENV + "; refusing to start");
        }
        return BearerAuth.single(token);
    }
}
