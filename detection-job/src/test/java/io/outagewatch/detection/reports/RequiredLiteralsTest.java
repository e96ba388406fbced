package io.outagewatch.detection.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.reports.PhraseList.Scope;
import io.outagewatch.events.NormalizedText;
import io.outagewatch.events.SocialReport;
import io.outagewatch.scenario.Scenarios;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequiredLiteralsTest {

    static Stream<Arguments> requirements() {
        return Stream.of(
                Arguments.of("down", Set.of("down")),
                Arguments.of("(?<!\\w)(?:is|was)\\sdown(?!\\w)", Set.of("down")),
                Arguments.of("(?:not|isn't)\\s(?:working|loading)", Set.of("working", "loading")),
                Arguments.of("(?:can't|cannot) log\\s?in", Set.of("can't log", "cannot log")),
                Arguments.of("errors?", Set.of("error")),
                Arguments.of("5\\d\\d error|outage", Set.of(" error", "outage")),
                Arguments.of("(?:foo)+barbaz", Set.of("barbaz")),
                Arguments.of("x{2}yz", Set.of("yz")),
                Arguments.of("[abc]+ down|[^x] up", Set.of(" down", " up")),
                Arguments.of("(?<name>ab)c", Set.of("abc")),
                Arguments.of("落ち(?:てる|た)", Set.of("落ちてる", "落ちた")),
                Arguments.of("\\?\\?", Set.of("??")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requirements")
    void everyMatchContainsOneOfTheLiterals(String regex, Set<String> literals) {
        assertThat(RequiredLiterals.of(regex))
                .hasValueSatisfying(
                        found -> assertThat(found).containsExactlyInAnyOrderElementsOf(literals));
    }

    static Stream<String> noRequirement() {
        return Stream.of(
                "(?:down)?",
                "a*",
                "\\w+",
                "down|\\s",
                "(?i)down", // case-insensitive: "DOWN" matches without "down"
                "\\Qdown\\E",
                "(a)\\1",
                "x{2,",
                "(unclosed",
                "");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("noRequirement")
    void givesNothingItCannotProve(String regex) {
        assertThat(RequiredLiterals.of(regex)).isEmpty();
    }

    @Test
    void bigAlternativeProductsFallBackToOnePart() {
        String many =
                "(?:a1|a2|a3|a4|a5|a6|a7|a8|a9)(?:b1|b2|b3|b4|b5|b6|b7|b8|b9)(?:c1|c2|c3|c4|c5|c6"
                        + "|c7|c8|c9)";
        Optional<List<String>> literals = RequiredLiterals.of(many);
        assertThat(literals).isPresent();
        assertThat(literals.get()).hasSizeLessThanOrEqualTo(RequiredLiterals.MAX_ALTERNATIVES);
        for (String text : List.of("a1b1c1", "a9b5c3")) {
            assertThat(literals.get()).anyMatch(text::contains);
        }
    }

    /**
     * The prefilter's promise, checked on every phrase the classifier runs and every post of every
     * bundled scenario plus the labelled table: whenever a phrase matches, one of its literals is
     * in the text. A wrong requirement would silently drop complaints.
     */
    @Test
    void theBundledPhrasesMatchOnlyWhereTheirLiteralsOccur() {
        Set<String> texts = new LinkedHashSet<>();
        for (String name : Scenarios.names()) {
            for (SocialReport report : Scenarios.named(name).reports()) {
                texts.add(report.text());
            }
        }
        LabelledPosts.ALL.forEach(post -> texts.add(post.text()));
        Set<String> normalised = new LinkedHashSet<>();
        for (String text : texts) {
            NormalizedText post = NormalizedText.of(text);
            normalised.add(post.text());
            normalised.add(post.original());
            normalised.addAll(List.of(post.text().split("(?<=[!?。.])\\s*")));
        }
        List<Pattern> phrases = new ArrayList<>();
        PhraseList complaints =
                PhraseList.load(
                        "complaints",
                        List.of("any", "en", "es", "de", "fr", "pt", "ja"),
                        Set.of(Scope.SENTENCE));
        PhraseList chatter =
                PhraseList.load("chatter", List.of("any", "en"), Set.of(Scope.values()));
        phrases.addAll(complaints.patterns(Scope.SENTENCE));
        for (Scope scope : Scope.values()) {
            phrases.addAll(chatter.patterns(scope));
        }

        int prefiltered = 0;
        int matches = 0;
        for (Pattern phrase : phrases) {
            Optional<List<String>> literals = RequiredLiterals.of(phrase.pattern());
            if (literals.isEmpty()) {
                continue;
            }
            prefiltered++;
            for (String text : normalised) {
                if (phrase.matcher(text).find()) {
                    matches++;
                    assertThat(literals.get())
                            .as("literals of %s in %s", phrase.pattern(), text)
                            .anyMatch(text::contains);
                }
            }
        }
        // Most phrases are skipped by literal where they cannot match; the check saw real matches.
        assertThat(prefiltered).isGreaterThan(phrases.size() * 3 / 4);
        assertThat(matches).isGreaterThan(500);
    }
}
