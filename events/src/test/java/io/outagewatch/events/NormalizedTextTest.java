package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
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
}
