package io.outagewatch.ingest.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.ingest.probe.ProberConfigLoader.Overrides;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProberConfigLoaderTest {

    private static final String SOURCE = "probes.yaml";
    private static final Map<String, String> NO_ENV = Map.of();

    private static final String MINIMAL =
            """
            vantage: eu-west-1
            targets:
              - service: github
                url: https://github.com/
            """;

    @Test
    void minimalFileGetsEveryDefault() {
        ProberConfig config = parse(MINIMAL);

        assertThat(config.vantage()).isEqualTo("eu-west-1");
        assertThat(config.region()).isNull();
        assertThat(config.allowPrivateTargets()).isFalse();
        assertThat(config.bootstrapServers()).isNull();
        assertThat(config.maxConcurrentChecks()).isEqualTo(16);
        ProbeTarget target = config.targets().get(0);
        assertThat(target.service()).isEqualTo("github");
        assertThat(target.url()).isEqualTo(URI.create("https://github.com/"));
        assertThat(target.method()).isEqualTo("GET");
        assertThat(target.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(target.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(target.expectedStatus())
                .hasSize(200)
                .contains(200, 204, 301, 399)
                .doesNotContain(199, 400, 503);
        assertThat(target.expectBody()).isNull();
        assertThat(target.region()).isNull();
    }

    @Test
    void readsEverySetting() {
        ProberConfig config =
                parse(
                        """
                        vantage: us-east-1
                        region: us
                        allowPrivateTargets: true
                        maxConcurrentChecks: 4
                        kafka:
                          bootstrapServers: kafka-1:9092,kafka-2:9092
                        defaults:
                          method: HEAD
                          timeout: 2s
                          interval: 1m
                          expectedStatus: [2xx]
                        targets:
                          - service: github
                            url: https://github.com/
                          - service: chatgpt
                            url: https://chatgpt.com/api/health
                            method: GET
                            expectedStatus: [200, 204]
                            timeout: 500ms
                            interval: 15s
                            expectBody: '"ok"'
                            region: eu
                        """);

        assertThat(config.vantage()).isEqualTo("us-east-1");
        assertThat(config.region()).isEqualTo("us");
        assertThat(config.allowPrivateTargets()).isTrue();
        assertThat(config.maxConcurrentChecks()).isEqualTo(4);
        assertThat(config.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
        ProbeTarget github = config.targets().get(0);
        assertThat(github.method()).isEqualTo("HEAD");
        assertThat(github.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(github.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(github.expectedStatus()).hasSize(100).contains(200, 299);
        assertThat(github.region()).as("the prober's region").isEqualTo("us");
        ProbeTarget chatgpt = config.targets().get(1);
        assertThat(chatgpt.method()).isEqualTo("GET");
        assertThat(chatgpt.expectedStatus()).containsExactlyInAnyOrder(200, 204);
        assertThat(chatgpt.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(chatgpt.interval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(chatgpt.expectBody().pattern()).isEqualTo("\"ok\"");
        assertThat(chatgpt.region()).isEqualTo("eu");
    }

    @Test
    void vantageAndRegionComeFromTheEnvironmentWhenTheFileHasNone() {
        String noVantage =
                """
                targets:
                  - service: github
                    url: https://github.com/
                """;
        Map<String, String> env =
                Map.of(ProberConfig.VANTAGE_ENV, "ap-south-1", ProberConfig.REGION_ENV, "apac");

        ProberConfig config = ProberConfigLoader.parse(noVantage, SOURCE, Overrides.NONE, env);

        assertThat(config.vantage()).isEqualTo("ap-south-1");
        assertThat(config.region()).isEqualTo("apac");
    }

    @Test
    void commandLineWinsOverFileWhichWinsOverEnvironment() {
        Map<String, String> env = Map.of(ProberConfig.VANTAGE_ENV, "from-env");

        assertThat(ProberConfigLoader.parse(MINIMAL, SOURCE, Overrides.NONE, env).vantage())
                .isEqualTo("eu-west-1");
        ProberConfig overridden =
                ProberConfigLoader.parse(
                        MINIMAL,
                        SOURCE,
                        new Overrides("from-cli", "emea", true, "10.0.0.1:9092"),
                        env);
        assertThat(overridden.vantage()).isEqualTo("from-cli");
        assertThat(overridden.region()).isEqualTo("emea");
        assertThat(overridden.allowPrivateTargets()).isTrue();
        assertThat(overridden.bootstrapServers()).isEqualTo("10.0.0.1:9092");
    }

    @Test
    void loadsFromAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("probes.yaml"), MINIMAL);

        assertThat(ProberConfigLoader.load(file, Overrides.NONE, NO_ENV).targets()).hasSize(1);
        assertThatThrownBy(
                        () ->
                                ProberConfigLoader.load(
                                        dir.resolve("missing.yaml"), Overrides.NONE, NO_ENV))
                .hasMessageContaining("cannot read config file")
                .hasMessageContaining("missing.yaml");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // the YAML                                          | the message
                "vantage: a\\ntimout: 1s\\ntargets: [{service: s, url: 'https://a.io/'}]"
                        + " | unknown key 'timout' in the top level; known keys: allowPrivateTargets,",
                "vantage: a\\ntargets: [{service: s, url: 'https://a.io/', timout: 1s}]"
                        + " | unknown key 'timout' in 'targets[0]'",
                "vantage: a\\ndefaults: {expectBody: x}\\ntargets: [{service: s, url: 'https://a.io/'}]"
                        + " | unknown key 'expectBody' in 'defaults'",
                "vantage: a\\nkafka: {bootstrap: x}\\ntargets: [{service: s, url: 'https://a.io/'}]"
                        + " | unknown key 'bootstrap' in 'kafka'",
                "targets: [{service: s, url: 'https://a.io/'}]"
                        + " | vantage is not set: put 'vantage: <id>' in the config file, set"
                        + " OUTAGEWATCH_VANTAGE or pass --vantage",
                "vantage: EU West\\ntargets: [{service: s, url: 'https://a.io/'}]"
                        + " | vantage 'EU West' must match [a-z0-9][a-z0-9._-]{0,63}",
                "vantage: a\\nregion: Europe\\ntargets: [{service: s, url: 'https://a.io/'}]"
                        + " | region 'Europe' must match",
                "vantage: a\\ntargets: [{service: GitHub, url: 'https://a.io/'}]"
                        + " | targets[0] (GitHub): service 'GitHub' must match",
                "vantage: a\\ntargets: [{url: 'https://a.io/'}]"
                        + " | targets[0].service is required",
                "vantage: a\\ntargets: [{service: s}]" + " | targets[0].url is required",
                "vantage: a\\ntargets: [{service: s, url: 'ftp://a.io/'}]"
                        + " | targets[0] (s): url 'ftp://a.io/' must start with http:// or https://",
                "vantage: a\\ntargets: [{service: s, url: 'https://a.io/', timeout: 10}]"
                        + " | targets[0].timeout must be a duration with a unit such as 500ms, 10s or 5m, got '10'",
                "vantage: a\\ntargets: [{service: s, url: 'https://a.io/', interval: soon}]"
                        + " | targets[0].interval: 'soon' is not a duration",
                "vantage: a\\ntargets: [{service: s, url: 'https://a.io/', interval: 10ms}]"
                        + " | targets[0] (s): interval 10ms is shorter than the minimum 100ms",
                "vantage: a\\ntargets: [{service: s, url: 'https://a.io/', method: POST}]"
                        + " | targets[0] (s): method 'POST' is not one of [GET, HEAD]",
                "vantage: a\\ntargets: [{service: s, url: 'https://a.io/', expectedStatus: [200, 6xx]}]"
                        + " | targets[0].expectedStatus entry '6xx' is neither a status",
                "vantage: a\\ntargets: [{service: s, url: 'https://a.io/', expectedStatus: 200}]"
                        + " | targets[0].expectedStatus must be a non-empty list",
                "vantage: a\\ntargets: [{service: s, url: 'https://a.io/', expectBody: '(open'}]"
                        + " | targets[0].expectBody is not a regular expression",
                "vantage: a\\ntargets: [{service: s, url: 'https://a.io/', method: HEAD, expectBody: ok}]"
                        + " | expectBody needs a body; HEAD has none",
                "vantage: a\\nallowPrivateTargets: yes please\\ntargets: [{service: s, url: 'https://a.io/'}]"
                        + " | allowPrivateTargets must be true or false",
                "vantage: a\\nmaxConcurrentChecks: 0\\ntargets: [{service: s, url: 'https://a.io/'}]"
                        + " | maxConcurrentChecks must be between 1 and 256, got 0",
                "vantage: a\\ntargets: []" + " | 'targets' must be a non-empty list",
                "vantage: a\\nvantage: b\\ntargets: [{service: s, url: 'https://a.io/'}]"
                        + " | not valid YAML: Duplicate field 'vantage'",
                "- just\\n- a list" + " | the top level must be a map of keys",
                "''" + " | the file is empty",
            })
    void badFilesFailWithAMessageNamingTheFileAndKey(String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml.replace("\\n", "\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(SOURCE + ": ")
                .hasMessageContaining(message);
    }

    @Test
    void everyDefaultIsTheFallbackOfATargetKey() {
        assertThat(ProberConfigLoader.TARGET_KEYS).containsAll(ProberConfigLoader.DEFAULTS_KEYS);
    }

    private static ProberConfig parse(String yaml) {
        return ProberConfigLoader.parse(yaml, SOURCE, Overrides.NONE, NO_ENV);
    }
}
