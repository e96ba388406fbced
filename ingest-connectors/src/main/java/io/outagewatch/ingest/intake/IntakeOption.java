package io.outagewatch.ingest.intake;

import io.outagewatch.events.Topics;
import io.outagewatch.ingest.publish.KafkaPublishing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The options of {@code bin/outagewatch intake}, each named, defaulted and described once. */
enum IntakeOption {
    HOST(
            "host",
            "ADDR",
            IntakeSettings.DEFAULT_HOST,
            "address to listen on; only loopback by default. Use 0.0.0.0 for every interface,"
                    + " behind a TLS-terminating proxy"),
    PORT(
            "port",
            "N",
            String.valueOf(IntakeSettings.DEFAULT_PORT),
            "port to listen on; 0 picks a free one. The bound address is printed on stderr"),
    TOKEN_FILE(
            "token-file",
            "FILE",
            "the environment variable " + IntakeSettings.TOKEN_ENV,
            "bearer tokens, one a line: TOKEN or CLIENT TOKEN (# comments); at least "
                    + BearerAuth.MIN_TOKEN_CHARS
                    + " characters each. Required, here or in the environment"),
    MAX_BODY_BYTES(
            "max-body-bytes",
            "N",
            IntakeSettings.DEFAULT_MAX_BODY_BYTES + " (1 MiB)",
            "largest request body; larger ones get 413, whether declared or sent chunked"),
    MAX_ITEMS(
            "max-items",
            "N",
            String.valueOf(IntakeSettings.DEFAULT_MAX_ITEMS),
            "most reports in one array; more get 413"),
    RATE(
            "rate",
            "R",
            BigDecimal.valueOf(IntakeSettings.DEFAULT_RATE).stripTrailingZeros().toPlainString(),
            "requests per second each client may keep up (token bucket per client of the token"
                    + " file); more get 429 with Retry-After"),
    BURST(
            "burst",
            "N",
            String.valueOf(IntakeSettings.DEFAULT_BURST),
            "requests each client may send at once before --rate applies"),
    OUTPUT(
            "output",
            "kafka|stdout",
            IntakeSettings.Output.KAFKA.label(),
            "kafka publishes to topic "
                    + Topics.SOCIAL_REPORTS
                    + " keyed by service (unkeyed without one); stdout prints JSON lines"),
    BOOTSTRAP_SERVERS(
            "bootstrap-servers",
            "HOST:PORT",
            "the environment variable "
                    + KafkaPublishing.BOOTSTRAP_ENV
                    + ", else "
                    + KafkaPublishing.DEFAULT_BOOTSTRAP_SERVERS,
            "Kafka brokers, for --output kafka"),
    DEFAULT_SOURCE(
            "default-source",
            "NAME",
            IntakeSettings.DEFAULT_SOURCE,
            "source given to reports that name none");

    private static final String DESCRIPTION_INDENT = "      ";
    private static final int USAGE_WIDTH = 90;

    private final String optionName;
    private final String valueName;
    private final String defaultText;
    private final String description;

    IntakeOption(String optionName, String valueName, String defaultText, String description) {
        this.optionName = optionName;
        this.valueName = valueName;
        this.defaultText = defaultText;
        this.description = description;
    }

    /** The name without {@code --}. */
    String optionName() {
        return optionName;
    }

    String defaultText() {
        return defaultText;
    }

    static Set<String> names() {
        return Arrays.stream(values()).map(IntakeOption::optionName).collect(Collectors.toSet());
    }

    /** One entry of the usage text: the option, then its wrapped description. */
    String usageLine() {
        List<String> lines = new ArrayList<>();
        lines.add("  --" + optionName + " " + valueName);
        StringBuilder line = new StringBuilder(DESCRIPTION_INDENT);
        for (String word : (description + " (default: " + defaultText + ")").split(" ")) {
            if (line.length() > DESCRIPTION_INDENT.length()
                    && line.length() + 1 + word.length() > USAGE_WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(DESCRIPTION_INDENT);
            }
            if (line.length() > DESCRIPTION_INDENT.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        return String.join("\n", lines);
    }
}
