package io.outagewatch.detection.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.detection.reports.PhraseList.Scope;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PhraseListTest {

    private static final String FILE = "phrases/test/en.txt";
    private static final Set<Scope> EVERY_SCOPE = EnumSet.allOf(Scope.class);

    private static PhraseList parse(String... lines) {
        return PhraseList.parse(FILE, List.of(lines), EVERY_SCOPE);
    }

    @Test
    void indentedLinesContinueAPhraseAcrossComments() {
        PhraseList list =
                parse(
                        "# a comment",
                        "[sentence]",
                        "",
                        "is-down = ${word-start}(?:is|are",
                        "    # past tense too",
                        "    |was)\\sdown${word-end}");

        assertThat(list.anyIn(Scope.SENTENCE, "github was down")).isTrue();
        assertThat(list.anyIn(Scope.SENTENCE, "this down")).isFalse();
        assertThat(list.anyIn(Scope.SENTENCE, "github was downloading")).isFalse();
    }

    @Test
    void fragmentsExpandInThePhrasesBelowThem() {
        PhraseList list =
                parse(
                        "[fragments]",
                        "verb = (?:crash|fail)",
                        "verb-ing = ${verb}ing",
                        "[sentence]",
                        "keeps-failing = keeps ${verb-ing}");

        assertThat(list.anyIn(Scope.SENTENCE, "it keeps crashing")).isTrue();
        assertThat(list.anyIn(Scope.SENTENCE, "it keeps failing")).isTrue();
        assertThat(list.anyIn(Scope.SENTENCE, "it keeps going")).isFalse();
    }

    @Test
    void aPhraseIsMatchedOnlyAgainstTheTextOfItsSection() {
        PhraseList list =
                parse("[post as written]", "shout = BREAKING", "[sentence]", "down = down");

        assertThat(list.anyIn(Scope.WRITTEN_POST, "BREAKING: news")).isTrue();
        assertThat(list.anyIn(Scope.SENTENCE, "BREAKING: news")).isFalse();
        assertThat(list.anyIn(Scope.WRITTEN_POST, "down")).isFalse();
        assertThat(list.anyIn(Scope.POST, "down")).isFalse();
    }

    @Test
    void wordsAreUnicodeWords() {
        PhraseList list = parse("[sentence]", "caido = ${word-start}ca[ií]do${word-end}");

        assertThat(list.anyIn(Scope.SENTENCE, "slack caído")).isTrue();
        assertThat(list.anyIn(Scope.SENTENCE, "slack caídos")).isFalse();
    }

    static Stream<Arguments> malformedFiles() {
        return Stream.of(
                Arguments.of(
                        List.of("[sentence]", "down = down "),
                        FILE + ":2: trailing whitespace; end a regex with \\s instead"),
                Arguments.of(
                        List.of("[sentence]", "", "    |was"),
                        FILE + ":3: an indented line continues a phrase, but none is above it"),
                Arguments.of(
                        List.of("# no section yet", "down = down"),
                        FILE + ":2: a phrase before any [section]"),
                Arguments.of(
                        List.of("[sentences]", "down = down"),
                        FILE
                                + ":1: unknown section [sentences]; known: [sentence], [post],"
                                + " [post with a link], [post as written], [fragments]"),
                Arguments.of(
                        List.of("[sentence]", "down: down"),
                        FILE + ":2: expected 'name = regex', a [section] or a # comment"),
                Arguments.of(
                        List.of("[sentence]", "down = down", "", "down = offline"),
                        FILE + ":4: 'down' is defined twice"),
                Arguments.of(
                        List.of("[sentence]", "down = ${start}down"),
                        FILE
                                + ":2: 'down' uses ${start}, which is neither built in (word-end,"
                                + " word-start) nor in a [fragments] section above it"),
                Arguments.of(
                        List.of("[sentence]", "", "down = (?:is|are", "    |was\\sdown"),
                        FILE
                                + ":3: 'down' is not a valid regular expression: Unclosed group"
                                + " near index 19 of (?:is|are|was\\sdown"),
                Arguments.of(
                        List.of("# only fragments", "[fragments]", "verb = crash"),
                        FILE + ": holds no phrases"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformedFiles")
    void malformedFileFailsNamingFileAndLine(List<String> lines, String message) {
        assertThatThrownBy(() -> PhraseList.parse(FILE, lines, EVERY_SCOPE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(message);
    }

    @Test
    void aSectionTheListDoesNotReadIsRejected() {
        assertThatThrownBy(
                        () ->
                                PhraseList.parse(
                                        FILE,
                                        List.of("[post]", "headline = ^breaking:"),
                                        EnumSet.of(Scope.SENTENCE)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(FILE + ":1: [post] is not read from this list, only [sentence]");
    }

    @Test
    void readsEveryLanguageOfAListFromTheClasspath() {
        PhraseList list =
                PhraseList.load("test-list", List.of("en", "de"), EnumSet.of(Scope.SENTENCE));

        assertThat(list.anyIn(Scope.SENTENCE, "slack is down")).isTrue();
        assertThat(list.anyIn(Scope.SENTENCE, "slack geht nicht")).isTrue();
        assertThat(list.anyIn(Scope.SENTENCE, "slack läuft")).isFalse();
    }

    @Test
    void aMissingLanguageFileFailsNamingIt() {
        assertThatThrownBy(
                        () ->
                                PhraseList.load(
                                        "test-list",
                                        List.of("en", "xx"),
                                        EnumSet.of(Scope.SENTENCE)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("phrase file phrases/test-list/xx.txt is not on the classpath");
    }
}
