package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NormalizedTextTest {

    static Stream<Arguments> posts() {
        return Stream.of(
                Arguments.of("  Is   ChatGPT\tdown?\n", "is chatgpt down?", false),
                Arguments.of("ＣｈａｔＧＰＴ　落ちてる？", "chatgpt 落ちてる?", false),
                Arguments.of("Discord isn’t working", "discord isn't working", false),
                Arguments.of("chat\u200Bgpt down", "chatgpt down", false),
                Arguments.of("github down https://githubstatus.com/x ugh", "github down ugh", true),
                Arguments.of("see www.example.com/slack now", "see now", true),
                Arguments.of("¿Se CAYÓ ChatGPT?", "¿se cayó chatgpt?", false));
    }

    @ParameterizedTest
    @MethodSource("posts")
    void normalises(String original, String expected, boolean expectedHadUrl) {
        NormalizedText normalized = NormalizedText.of(original);

        assertThat(normalized.text()).isEqualTo(expected);
        assertThat(normalized.hadUrl()).isEqualTo(expectedHadUrl);
        assertThat(normalized.original()).isEqualTo(original);
    }

    /**
     * The ASCII path agrees with the general one on text built from the pieces the rules care
     * about: letters of both cases, backticks, every ASCII whitespace and control character
     * (including those only {@code strip} removes), link prefixes whole and broken, punctuation.
     */
    @Test
    void asciiPathAgreesWithTheGeneralPath() {
        String[] pieces = {
            "a",
            "Z",
            "q",
            "GitHub",
            "`",
            "'",
            " ",
            "  ",
            "\t",
            "\n",
            "\u000B",
            "\f",
            "\r",
            "\u001C",
            "\u001F",
            "\u0000",
            "\u007F",
            "http://",
            "https://",
            "HTTPS://",
            "www.",
            "WWW.",
            "http:/",
            "htt",
            "ww.",
            "x",
            ".",
            "/",
            "?",
            "!",
            "#",
            "@",
            "-",
            "5",
            "%"
        };
        SplittableRandom random = new SplittableRandom(20261205);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            int count = random.nextInt(12);
            for (int j = 0; j < count; j++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String original = text.toString();

            assertThat(NormalizedText.ofAscii(original))
                    .as("%s", original.chars().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(NormalizedText.ofAnyText(original));
        }
    }

    @Test
    void onlyAsciiTextTakesTheAsciiPath() {
        assertThat(NormalizedText.of("Ａ　b")).isEqualTo(NormalizedText.ofAnyText("Ａ　b"));
        assertThat(NormalizedText.of("A `b` www.x.io"))
                .isEqualTo(NormalizedText.ofAscii("A `b` www.x.io"));
    }
}
