package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AliasMatcherTest {

    private static final AliasMatcher DEFAULT_CATALOG =
            new AliasMatcher(ServiceCatalog.defaultCatalog());

    static Stream<Arguments> posts() {
        return Stream.of(
                mentions("is chatgpt down?", "chatgpt"),
                mentions("ChatGPT!!!", "chatgpt"),
                mentions("CHAT  GPT not working", "chatgpt"),
                mentions("chat\ngpt keeps erroring", "chatgpt"),
                mentions("#chatgpt is broken", "chatgpt"),
                mentions("@github help", "github"),
                mentions("#chatgptdown", "chatgpt"),
                mentions("#GitHubDown again", "github"),
                mentions("#githuboutage", "github"),
                mentions("#chatgptisdown", "chatgpt"),
                mentions("🔥slack🔥 is down", "slack"),
                mentions("(github) 502", "github"),
                mentions("Slack's API is flaky", "slack"),
                mentions("github.com is down", "github"),
                mentions("gh actions stuck in queue", "github"),
                mentions("ＣｈａｔＧＰＴ 落ちてる", "chatgpt"),
                mentions("ChatGPT落ちてる", "chatgpt"),
                mentions("slack and discord both down", "slack", "discord"),
                mentions("discord, then slack: both down", "slack", "discord"),
                mentions("openai + github outage", "chatgpt", "github"),
                mentions("openairplane mode"),
                mentions("slacker energy today"),
                mentions("slacking off"),
                mentions("githubber meetup"),
                mentions("mydiscord server"),
                mentions("discord3 bot"),
                mentions("ghactions"),
                mentions("#discorddownload"),
                mentions("https://github.com/foo/bar cool repo"),
                mentions("nothing to see here"));
    }

    @ParameterizedTest
    @MethodSource("posts")
    void findsServicesNamedAsWholeWords(String text, List<String> expected) {
        assertThat(DEFAULT_CATALOG.servicesMentioned(text)).containsExactlyElementsOf(expected);
    }

    static Stream<Arguments> unusualAliases() {
        return Stream.of(
                mentions("c++ compiler explorer down", "godbolt"),
                mentions("x.com down?", "x"),
                mentions("xacom"),
                mentions("aws us-east-1 again", "aws-us-east"),
                mentions("aws is fine", "aws"));
    }

    @ParameterizedTest
    @MethodSource("unusualAliases")
    void quotesAliasesAndPrefersTheLongestOverlap(String text, List<String> expected) {
        ServiceCatalog catalog =
                new ServiceCatalog(
                        List.of(
                                new CatalogService("godbolt", "Compiler Explorer", List.of("c++")),
                                new CatalogService("x", "X", List.of("x.com")),
                                new CatalogService("aws", "AWS", List.of("aws")),
                                new CatalogService(
                                        "aws-us-east", "AWS us-east-1", List.of("aws us-east-1"))));

        assertThat(new AliasMatcher(catalog).servicesMentioned(text))
                .containsExactlyElementsOf(expected);
    }

    private static Arguments mentions(String text, String... services) {
        return Arguments.of(text, Arrays.asList(services));
    }
}
