package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceCatalogTest {

    private static final String JSON_CATALOG =
            """
            {"services": [
              {"id": "chatgpt", "name": "ChatGPT", "aliases": [" ChatGPT ", "chat gpt", "OpenAI"],
               "detection": {"minReports": 5}},
              {"id": "github", "name": "GitHub", "aliases": ["github", "gh actions"]}
            ], "version": 2}
            """;

    private static final String YAML_CATALOG =
            """
            version: 2
            services:
              - id: chatgpt
                name: ChatGPT
                aliases: [" ChatGPT ", chat gpt, OpenAI]
                detection:
                  minReports: 5
              - id: github
                name: GitHub
                aliases:
                  - github
                  - gh actions
            """;

    @Test
    void loadsTheBundledDefaultCatalog() {
        ServiceCatalog catalog = ServiceCatalog.defaultCatalog();

        assertThat(catalog.services())
                .extracting(CatalogService::id)
                .containsExactly("chatgpt", "github", "slack", "discord", "cloudflare");
        assertThat(catalog.byId("chatgpt").orElseThrow().aliases())
                .containsExactly("chatgpt", "chat gpt", "openai");
        assertThat(catalog.byId("github").orElseThrow().name()).isEqualTo("GitHub");
        assertThat(catalog.byId("aws")).isEmpty();
    }

    @Test
    void readsJsonAndYamlAlikeNormalisingAliasesAndIgnoringUnknownFields() {
        ServiceCatalog fromJson = ServiceCatalog.parse(JSON_CATALOG, ServiceCatalog.Format.JSON);
        ServiceCatalog fromYaml = ServiceCatalog.parse(YAML_CATALOG, ServiceCatalog.Format.YAML);

        assertThat(fromYaml).isEqualTo(fromJson);
        assertThat(fromJson.byId("chatgpt").orElseThrow().aliases())
                .containsExactly("chatgpt", "chat gpt", "openai");
    }

    static Stream<Arguments> catalogFiles() {
        return Stream.of(
                Arguments.of("services.json", JSON_CATALOG),
                Arguments.of("services.yaml", YAML_CATALOG),
                Arguments.of("services.YML", YAML_CATALOG));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogFiles")
    void loadsFilesChoosingTheFormatByExtension(
            String fileName, String content, @TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve(fileName), content);

        ServiceCatalog catalog = ServiceCatalog.load(file);

        assertThat(catalog.services())
                .extracting(CatalogService::id)
                .containsExactly("chatgpt", "github");
    }

    @Test
    void refusesFilesOfUnknownFormat(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("services.toml"), JSON_CATALOG);

        assertThatThrownBy(() -> ServiceCatalog.load(file))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("services.toml must end in .json, .yaml or .yml");
    }

    @Test
    void namesTheFileWhenItsContentIsBad(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("bad.json"), "{\"services\": []}");

        assertThatThrownBy(() -> ServiceCatalog.load(file))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("at least one service");
    }

    @Test
    void reportsAMissingFile(@TempDir Path directory) {
        Path missing = directory.resolve("missing.yaml");

        assertThatThrownBy(() -> ServiceCatalog.load(missing))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("missing.yaml");
    }

    static Stream<Arguments> badCatalogs() {
        String github = "{\"id\":\"github\",\"name\":\"GitHub\",\"aliases\":[\"github\"]}";
        String slack = "{\"id\":\"slack\",\"name\":\"Slack\",\"aliases\":[\"slack\"]}";
        return Stream.of(
                Arguments.of("not JSON", "{\"services\": [", "not valid JSON"),
                Arguments.of("not an object", "[]", "must be an object with a services list"),
                Arguments.of("no services field", "{\"service\": []}", "services: missing"),
                Arguments.of(
                        "services not a list", "{\"services\": {}}", "services: must be a list"),
                Arguments.of(
                        "no services",
                        "{\"services\": []}",
                        "services: at least one service is required"),
                Arguments.of(
                        "entry not an object",
                        catalog(github, "\"slack\""),
                        "services[1]: must be an object"),
                Arguments.of(
                        "bad id charset",
                        catalog(
                                github,
                                slack,
                                "{\"id\":\"Bad Id\",\"name\":\"Bad\",\"aliases\":[\"bad\"]}"),
                        "services[2] (id \"Bad Id\"): id must match [a-z0-9][a-z0-9._-]{0,63}"),
                Arguments.of(
                        "missing id",
                        catalog("{\"name\":\"Anonymous\",\"aliases\":[\"anon\"]}"),
                        "services[0]: id is missing"),
                Arguments.of(
                        "numeric id",
                        catalog("{\"id\":7,\"name\":\"Seven\",\"aliases\":[\"7\"]}"),
                        "services[0]: id must be a string"),
                Arguments.of(
                        "blank name",
                        catalog(
                                github,
                                "{\"id\":\"slack\",\"name\":\" \",\"aliases\":[\"slack\"]}"),
                        "services[1] (id \"slack\"): name must not be blank"),
                Arguments.of(
                        "missing name",
                        catalog("{\"id\":\"slack\",\"aliases\":[\"slack\"]}"),
                        "services[0] (id \"slack\"): name must not be blank"),
                Arguments.of(
                        "no aliases",
                        catalog("{\"id\":\"slack\",\"name\":\"Slack\",\"aliases\":[]}"),
                        "services[0] (id \"slack\"): aliases must list at least one alias"),
                Arguments.of(
                        "aliases missing",
                        catalog("{\"id\":\"slack\",\"name\":\"Slack\"}"),
                        "services[0] (id \"slack\"): aliases must list at least one alias"),
                Arguments.of(
                        "blank alias",
                        catalog(
                                "{\"id\":\"slack\",\"name\":\"Slack\",\"aliases\":[\"slack\",\"\"]}"),
                        "services[0] (id \"slack\"): aliases[1] must not be blank"),
                Arguments.of(
                        "alias too long",
                        catalog(
                                "{\"id\":\"slack\",\"name\":\"Slack\",\"aliases\":[\""
                                        + "s".repeat(101)
                                        + "\"]}"),
                        "services[0] (id \"slack\"): aliases[0] is longer than 100 characters"),
                Arguments.of(
                        "alias repeated within a service",
                        catalog(
                                "{\"id\":\"slack\",\"name\":\"Slack\",\"aliases\":[\"slack\",\"SLACK\"]}"),
                        "services[0] (id \"slack\"): aliases[1] \"slack\" repeats aliases[0]"),
                Arguments.of(
                        "duplicate id",
                        catalog(github, slack, github),
                        "services[2] (id \"github\"): duplicate id, already used by services[0]"),
                Arguments.of(
                        "alias claimed twice, differing in case",
                        catalog(
                                github,
                                "{\"id\":\"gitlab\",\"name\":\"GitLab\",\"aliases\":[\"GitHub\"]}"),
                        "services[1] (id \"gitlab\"): alias \"github\" is already claimed by"
                                + " services[0] (id \"github\")"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCatalogs")
    void rejectsBadCatalogsNamingTheEntry(String name, String json, String expectedMessage) {
        assertThatThrownBy(() -> ServiceCatalog.parse(json, ServiceCatalog.Format.JSON))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining(expectedMessage);
    }

    @Test
    void rejectsDuplicateKeysInYaml() {
        String yaml =
                """
                services:
                  - id: slack
                    id: discord
                    name: Slack
                    aliases: [slack]
                """;

        assertThatThrownBy(() -> ServiceCatalog.parse(yaml, ServiceCatalog.Format.YAML))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void constructorChecksCatalogsBuiltInCode() {
        CatalogService slack = new CatalogService("slack", "Slack", List.of("slack"));

        assertThatThrownBy(() -> new ServiceCatalog(List.of(slack, slack)))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("services[1] (id \"slack\"): duplicate id");
    }

    private static String catalog(String... services) {
        return "{\"services\":[" + String.join(",", services) + "]}";
    }
}
