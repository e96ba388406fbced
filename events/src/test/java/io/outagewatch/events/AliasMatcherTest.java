package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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

    /**
     * The scan finds what the regular expression it replaced finds, on random posts made of the
     * default catalog's aliases (whole, glued, cut short), hashtag suffixes, letters, digits, Han,
     * kana and Thai letters, an emoji (a surrogate pair), a supplementary letter, and separators.
     */
    @Test
    void scanAgreesWithTheRegularExpressionOnRandomPosts() {
        ServiceCatalog catalog = ServiceCatalog.defaultCatalog();
        RegexOracle oracle = new RegexOracle(catalog);
        List<String> pieces = new ArrayList<>();
        for (CatalogService service : catalog.services()) {
            for (String alias : service.aliases()) {
                String canonical = NormalizedText.of(alias).text();
                pieces.add(canonical);
                pieces.add(canonical.replace(" ", ""));
                pieces.add(canonical.substring(0, Math.max(1, canonical.length() - 1)));
            }
        }
        pieces.addAll(
                List.of(
                        "#",
                        "@",
                        "is",
                        "down",
                        "outage",
                        "outages",
                        "isdown",
                        "a",
                        "z",
                        "7",
                        "é",
                        "落",
                        "ちて",
                        "カ",
                        "ก",
                        "\uD83D\uDD25",
                        "\uD801\uDC00",
                        " ",
                        "-",
                        ".",
                        "_",
                        "!",
                        "?",
                        "'"));
        SplittableRandom random = new SplittableRandom(20261205);
        for (int i = 0; i < 30_000; i++) {
            StringBuilder post = new StringBuilder();
            int count = 1 + random.nextInt(8);
            for (int j = 0; j < count; j++) {
                post.append(pieces.get(random.nextInt(pieces.size())));
            }
            NormalizedText text = NormalizedText.of(post.toString());

            assertThat(DEFAULT_CATALOG.servicesMentioned(text))
                    .as("%s", text.text())
                    .containsExactlyElementsOf(oracle.servicesMentioned(text));
        }
    }

    /**
     * The single regular expression the alias matcher used before it scanned by first character.
     */
    private static final class RegexOracle {
        private static final String WORD =
                "[\\p{L}\\p{N}&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsThai}]]";

        private final List<String> ids;
        private final Pattern mentions;
        private final List<Integer> serviceByGroup = new ArrayList<>();

        RegexOracle(ServiceCatalog catalog) {
            ids = catalog.services().stream().map(CatalogService::id).toList();
            List<String[]> aliases = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                for (String alias : catalog.services().get(i).aliases()) {
                    String canonical = NormalizedText.of(alias).text();
                    if (!canonical.isEmpty()) {
                        aliases.add(new String[] {String.valueOf(i), canonical});
                    }
                }
            }
            aliases.sort(Comparator.comparingInt((String[] a) -> a[1].length()).reversed());
            StringJoiner words = new StringJoiner("|", "(?:", ")");
            StringJoiner glued = new StringJoiner("|", "(?:", ")");
            for (String[] alias : aliases) {
                words.add("(" + Pattern.quote(alias[1]) + ")");
                serviceByGroup.add(Integer.parseInt(alias[0]));
            }
            for (String[] alias : aliases) {
                glued.add("(" + Pattern.quote(alias[1].replace(" ", "")) + ")");
                serviceByGroup.add(Integer.parseInt(alias[0]));
            }
            mentions =
                    Pattern.compile(
                            "(?<!"
                                    + WORD
                                    + ")"
                                    + words
                                    + "(?!"
                                    + WORD
                                    + ")|#"
                                    + glued
                                    + "(?:is)?(?:down|outages?)(?!"
                                    + WORD
                                    + ")");
        }

        Set<String> servicesMentioned(NormalizedText text) {
            boolean[] mentioned = new boolean[ids.size()];
            Matcher matcher = mentions.matcher(text.text());
            while (matcher.find()) {
                for (int group = 1; group <= matcher.groupCount(); group++) {
                    if (matcher.start(group) >= 0) {
                        mentioned[serviceByGroup.get(group - 1)] = true;
                        break;
                    }
                }
            }
            Set<String> found = new LinkedHashSet<>();
            for (int i = 0; i < mentioned.length; i++) {
                if (mentioned[i]) {
                    found.add(ids.get(i));
                }
            }
            return found;
        }
    }
}
