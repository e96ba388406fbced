package io.outagewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/configuration.md lists every flag and config key the sink accepts. */
class SinkConfigurationDocTest {

    private static final Path PAGE = Path.of("../docs/configuration.md");

    @Test
    void everyFlagAndKeyIsOnTheConfigurationPage() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        int start = page.indexOf("\n## Alert sink");
        assertThat(start).isNotNegative();
        String section = page.substring(start, page.indexOf("\n## ", start + 1));

        Matcher flags = Pattern.compile("--[a-z][a-z-]+").matcher(SinkArguments.USAGE);
        int found = 0;
        while (flags.find()) {
            found++;
            assertThat(section)
                    .as(flags.group())
                    .containsPattern("`" + Pattern.quote(flags.group()) + "[ `]");
        }
        assertThat(found).isGreaterThan(10);

        Map<String, Set<String>> keys =
                Map.of(
                        SinkConfig.KAFKA + ".", SinkConfig.KAFKA_KEYS,
                        SinkConfig.DELIVERY_LOG + ".", SinkConfig.DELIVERY_LOG_KEYS,
                        SinkConfig.RETRY + ".", SinkConfig.RETRY_KEYS,
                        SinkConfig.HISTORY + ".", SinkConfig.HISTORY_KEYS,
                        SinkConfig.RECEIVERS + "[].", SinkConfig.RECEIVER_KEYS,
                        SinkConfig.ROUTES + "[].", SinkConfig.ROUTE_KEYS,
                        SinkConfig.SILENCES + ".", SinkConfig.SILENCES_KEYS,
                        SinkConfig.MAINTENANCE_WINDOWS + "[].", SinkConfig.WINDOW_KEYS,
                        SinkConfig.MAINTENANCE_WINDOWS + "[].weekly.", SinkConfig.WEEKLY_KEYS);
        keys.forEach(
                (prefix, names) ->
                        names.forEach(
                                name ->
                                        assertThat(section)
                                                .as(prefix + name)
                                                .contains("`" + prefix + name + "`")));
        assertThat(section).contains("`" + SinkConfig.DEFAULT_RECEIVERS + "`");
    }
}
