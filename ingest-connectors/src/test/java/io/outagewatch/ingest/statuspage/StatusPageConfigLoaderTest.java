package io.outagewatch.ingest.statuspage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StatusPageConfigLoaderTest {

    private static final Path DIR = Path.of("/etc/outagewatch");

    private static final String FULL =
            """
            pages:
              - name: openai
                kind: incidentio
                url: https://status.openai.com/
                interval: 30s
                components:
                  "ChatGPT": chatgpt
                  "Sora": sora
              - name: github
                kind: statuspage
                url: https://www.githubstatus.com
                endpoint: summary
                service: github
            kafka:
              bootstrapServers: kafka-1:9092
            stateFile: /var/lib/outagewatch/statuspage.json
            backfill: 2h
            maxBackoff: 10m
            """;

    @Test
    void readsEverySetting() {
        StatusPageConfig config = StatusPageConfigLoader.parse(FULL, DIR);

        assertThat(config.pages())
                .containsExactly(
                        new PageConfig(
                                "openai",
                                PageEndpoint.WIDGET,
                                URI.create("https://status.openai.com"),
                                Duration.ofSeconds(30),
                                Map.of("ChatGPT", "chatgpt", "Sora", "sora"),
                                null),
                        new PageConfig(
                                "github",
                                PageEndpoint.SUMMARY,
                                URI.create("https://www.githubstatus.com"),
                                Duration.ofSeconds(60),
                                Map.of(),
                                "github"));
        assertThat(config.pages().get(0).pollUri())
                .hasToString("https://status.openai.com/api/v1/summary");
        assertThat(config.bootstrapServers()).isEqualTo("kafka-1:9092");
        assertThat(config.stateFile()).isEqualTo(Path.of("/var/lib/outagewatch/statuspage.json"));
        assertThat(config.backfill()).isEqualTo(Duration.ofHours(2));
        assertThat(config.maxBackoff()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void fillsInDefaults() {
        StatusPageConfig config =
                StatusPageConfigLoader.parse(
                        "pages: [{name: example, kind: statuspage, url: 'http://127.0.0.1:8080', service: example}]",
                        DIR);

        PageConfig page = config.pages().get(0);
        assertThat(page.endpoint()).isEqualTo(PageEndpoint.INCIDENTS);
        assertThat(page.pollUri()).hasToString("http://127.0.0.1:8080/api/v2/incidents.json");
        assertThat(page.interval()).isEqualTo(StatusPageConfig.DEFAULT_INTERVAL);
        assertThat(config.bootstrapServers()).isNull();
        assertThat(config.stateFile())
                .isEqualTo(DIR.resolve(StatusPageConfig.DEFAULT_STATE_FILE_NAME));
        assertThat(config.backfill()).isEqualTo(StatusPageConfig.DEFAULT_BACKFILL);
        assertThat(config.maxBackoff()).isEqualTo(StatusPageConfig.DEFAULT_MAX_BACKOFF);
    }

    @Test
    void aRelativeStateFileIsBesideTheConfig(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("pages.yaml");
        Files.writeString(
                file,
                "pages: [{name: a, kind: statuspage, url: 'https://s.test', service: a}]\nstateFile: state/sp.json\n");

        assertThat(StatusPageConfigLoader.load(file).stateFile())
                .isEqualTo(directory.resolve("state/sp.json"));
    }

    private static final String PAGE =
            "{name: a, kind: statuspage, url: 'https://s.test', service: a";

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                Arguments.of(
                        "pages: [" + PAGE + "}]\nstatefile: x",
                        "statefile: unknown key; known keys are backfill, kafka, maintenances, maxBackoff, pages, stateFile"),
                Arguments.of(
                        "pages: [" + PAGE + ", intervall: 5s}]", "pages[0].intervall: unknown key"),
                Arguments.of(
                        "pages: [" + PAGE + "}]\nkafka: {bootstrap: x}",
                        "kafka.bootstrap: unknown key"),
                Arguments.of("pages: []", "pages: at least one page is required"),
                Arguments.of("backfill: 1h", "pages: at least one page is required"),
                Arguments.of(
                        "pages: [{name: a, kind: statuspage, url: 'file:///etc/passwd', service: a}]",
                        "pages[0].url: 'file:///etc/passwd' must start with http:// or https://"),
                Arguments.of(
                        "pages: [{name: a, kind: statuspage, url: 'ftp://s.test', service: a}]",
                        "must start with http:// or https://"),
                Arguments.of(
                        "pages: [{name: a, kind: statuspage, url: 'https://s.test?x=1', service: a}]",
                        "without user, query or fragment"),
                Arguments.of(
                        "pages: [{name: a, kind: statuspage, service: a}]",
                        "pages[0].url: is required"),
                Arguments.of(
                        "pages: [{name: a, kind: betteruptime, url: 'https://s.test', service: a}]",
                        "pages[0].kind: 'betteruptime' is not one of statuspage, incidentio"),
                Arguments.of(
                        "pages: [{name: a, kind: incidentio, url: 'https://s.test', endpoint: incidents, service: a}]",
                        "pages[0].endpoint: 'incidents' is not an endpoint of kind incidentio; use widget"),
                Arguments.of(
                        "pages: [" + PAGE + ", interval: 60}]",
                        "pages[0].interval: must be a duration such as 30s"),
                Arguments.of(
                        "pages: [" + PAGE + ", interval: soon}]",
                        "pages[0].interval: 'soon' is not a duration"),
                Arguments.of(
                        "pages: [" + PAGE + ", interval: 500ms}]",
                        "pages[0].interval: must be at least PT1S"),
                Arguments.of(
                        "pages: [" + PAGE + ", interval: 1h}]",
                        "pages[0].interval: PT1H is longer than maxBackoff PT15M"),
                Arguments.of(
                        "pages: [{name: a, kind: statuspage, url: 'https://s.test'}]",
                        "pages[0]: needs 'components', 'service' or both"),
                Arguments.of(
                        "pages: [{name: a, kind: statuspage, url: 'https://s.test', components: {API: Open AI}}]",
                        "pages[0].components.\"API\": 'Open AI' must match"),
                Arguments.of(
                        "pages: [{name: A, kind: statuspage, url: 'https://s.test', service: a}]",
                        "pages[0].name: 'A' must match"),
                Arguments.of(
                        "pages: [" + PAGE + "}, " + PAGE + "}]",
                        "pages[1].name: 'a' is used twice"),
                Arguments.of("pages: [" + PAGE + "}]\npages: []", "not valid YAML"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badConfigs")
    void rejectsWithTheKeyNamed(String yaml, String message) {
        assertThatThrownBy(() -> StatusPageConfigLoader.parse(yaml, DIR))
                .isInstanceOf(StatusPageConfigException.class)
                .hasMessageContaining(message);
    }

    @Test
    void keysAreDistinct() {
        assertThat(StatusPageConfigLoader.PAGE_KEYS)
                .doesNotContainAnyElementsOf(StatusPageConfigLoader.TOP_LEVEL_KEYS);
        assertThat(StatusPageConfigLoader.KAFKA_KEYS)
                .doesNotContainAnyElementsOf(StatusPageConfigLoader.TOP_LEVEL_KEYS);
    }
}
