package io.outagewatch.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.CatalogService;
import io.outagewatch.events.ServiceCatalog;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportTextsTest {

    private static final List<ServiceSpec> DISCUSSED =
            List.of(
                    Scenarios.service("chatgpt"),
                    Scenarios.service("github"),
                    Scenarios.service("slack"),
                    Scenarios.service("discord"),
                    Scenarios.service("bluesky-app"));

    @Test
    void everyFilledTemplateIsRecognisedAsItsOwnKind() {
        for (ReportKind kind : ReportKind.values()) {
            for (String pattern : ReportTexts.patterns(kind)) {
                for (ServiceSpec service : DISCUSSED) {
                    for (String mention : service.mentions()) {
                        String text = pattern.replace(TextTemplate.PLACEHOLDER, mention);
                        assertThat(ReportTexts.kindOf(text)).as(text).contains(kind);
                    }
                }
            }
        }
    }

    @Test
    void unrelatedTextHasNoKind() {
        assertThat(ReportTexts.kindOf("lovely weather in Lisbon today"))
                .isEqualTo(Optional.empty());
    }

    @Test
    void catalogListsTheSuiteServicesWithTheirAliases() {
        ServiceCatalog catalog = Scenarios.catalog();

        assertThat(catalog.services().stream().map(CatalogService::id))
                .containsExactly(
                        "chatgpt", "github", "slack", "discord", "bluesky-app", "internal-api");
        assertThat(catalog.byId("chatgpt").orElseThrow().aliases())
                .containsExactly("chatgpt", "chat gpt", "openai");
        assertThat(catalog.byId("bluesky-app").orElseThrow().aliases())
                .containsExactly("bluesky", "bsky");
        assertThat(catalog.byId("internal-api").orElseThrow().aliases())
                .containsExactly("internal api");
    }

    @Test
    void everyMentionNamesItsServiceAndNoOther() {
        ServiceCatalog catalog = Scenarios.catalog();
        for (ServiceSpec service : DISCUSSED) {
            for (String mention : service.mentions()) {
                String lower = mention.toLowerCase(Locale.ROOT);
                for (CatalogService entry : catalog.services()) {
                    boolean named = entry.aliases().stream().anyMatch(lower::contains);
                    assertThat(named)
                            .as(mention + " naming " + entry.id())
                            .isEqualTo(entry.id().equals(service.id()));
                }
            }
        }
    }

    @Test
    void everyGeneratedPostComesFromATemplateAndNamesOneCatalogService() {
        ServiceCatalog catalog = Scenarios.catalog();
        for (String name : List.of("chatgpt-2023-11-08", "news-burst", "social-only")) {
            for (var report : SuiteCache.get(name).reports()) {
                assertThat(ReportTexts.kindOf(report.text())).as(report.text()).isPresent();
                String lower = report.text().toLowerCase(Locale.ROOT);
                long named =
                        catalog.services().stream()
                                .filter(entry -> entry.aliases().stream().anyMatch(lower::contains))
                                .count();
                assertThat(named).as(report.text()).isEqualTo(1);
                assertThat(report.service()).isNull();
            }
        }
    }
}
