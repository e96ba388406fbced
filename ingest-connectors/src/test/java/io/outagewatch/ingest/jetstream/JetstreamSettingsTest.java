package io.outagewatch.ingest.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.ingest.cli.CommandLine.UsageException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class JetstreamSettingsTest {

    @Test
    void defaults() {
        JetstreamSettings settings = JetstreamSettings.parse(new String[0], Map.of());

        assertThat(settings.url())
                .isEqualTo(URI.create("wss://jetstream2.us-east.bsky.network/subscribe"));
        assertThat(settings.catalog()).isEmpty();
        assertThat(settings.cursorFile()).isEqualTo(Path.of("./outagewatch-data/jetstream.cursor"));
        assertThat(settings.rewind()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.checkpointInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.backoffInitial()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.backoffMax()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.output()).isEqualTo(JetstreamSettings.Output.STDOUT);
        assertThat(settings.bootstrapServers()).isEmpty();
        assertThat(settings.maxReports()).isEmpty();
        assertThat(settings.authorSalt()).isEmpty();
    }

    @Test
    void everyOptionIsParsed() {
        JetstreamSettings settings =
                JetstreamSettings.parse(
                        new String[] {
                            "--url", "ws://127.0.0.1:6008/subscribe?wantedDids=did:plc:a",
                            "--catalog", "c.yaml",
                            "--cursor-file", "/tmp/j.cursor",
                            "--rewind", "10s",
                            "--checkpoint-interval", "500ms",
                            "--backoff-initial", "2s",
                            "--backoff-max", "5m",
                            "--idle-timeout", "90s",
                            "--output", "kafka",
                            "--bootstrap-servers", "127.0.0.1:19092",
                            "--max-reports", "3"
                        },
                        Map.of(JetstreamSettings.AUTHOR_SALT_ENV, "pepper"));

        assertThat(settings)
                .isEqualTo(
                        new JetstreamSettings(
                                URI.create("ws://127.0.0.1:6008/subscribe?wantedDids=did:plc:a"),
                                Optional.of(Path.of("c.yaml")),
                                Path.of("/tmp/j.cursor"),
                                Duration.ofSeconds(10),
                                Duration.ofMillis(500),
                                Duration.ofSeconds(2),
                                Duration.ofMinutes(5),
                                Duration.ofSeconds(90),
                                JetstreamSettings.Output.KAFKA,
                                Optional.of("127.0.0.1:19092"),
                                OptionalLong.of(3),
                                Optional.of("pepper")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            textBlock =
                    """
            --output file                                    | --output must be stdout or kafka, got 'file'
            --bootstrap-servers h:1                          | --bootstrap-servers needs --output kafka
            --max-reports 0                                  | --max-reports must be at least 1, got 0
            --max-reports many                               | --max-reports must be an integer, got 'many'
            --backoff-initial 2m --backoff-max 1m            | --backoff-max (PT1M) must not be shorter than --backoff-initial (PT2M)
            --rewind 0s                                      | --rewind: '0s' must be a positive duration
            --idle-timeout soon                              | --idle-timeout: 'soon' is not a duration
            --url https://jetstream.example/subscribe        | must start with ws:// or wss://
            --url ws:///subscribe                            | has no host
            --url ws://h/subscribe?cursor=5                  | must not carry a cursor
            --url ws://h/subscribe#x                         | must not have a #fragment
            --wanted-dids did:plc:a                          | unknown option --wanted-dids
            """)
    void rejectsABadCommandLineNamingTheOption(String args, String message) {
        assertThatThrownBy(() -> JetstreamSettings.parse(args.split(" "), Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining(message);
    }

    @Test
    void optionNamesAreUniqueAndAllInTheUsage() {
        assertThat(JetstreamOption.keys()).hasSize(JetstreamOption.values().length);
        String usage = JetstreamOption.usage();
        assertThat(Arrays.stream(JetstreamOption.values()))
                .allSatisfy(option -> assertThat(usage).contains("--" + option.key + " "));
    }

    @Test
    void subscribeUrlAsksForPostsAndCarriesTheCursor() {
        URI base = URI.create("wss://jetstream2.us-east.bsky.network/subscribe");

        assertThat(JetstreamClient.subscribeUri(base, OptionalLong.empty()))
                .hasToString(base + "?wantedCollections=app.bsky.feed.post");
        assertThat(JetstreamClient.subscribeUri(base, OptionalLong.of(42)))
                .hasToString(base + "?wantedCollections=app.bsky.feed.post&cursor=42");
        assertThat(
                        JetstreamClient.subscribeUri(
                                URI.create(base + "?wantedCollections=app.bsky.feed.*"),
                                OptionalLong.of(42)))
                .hasToString(base + "?wantedCollections=app.bsky.feed.*&cursor=42");
    }
}
