package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WordCharactersTest {

    /** The character class the alias matcher's regular expression used for a word character. */
    private static final Pattern WORD_CHARACTER =
            Pattern.compile(
                    "[\\p{L}\\p{N}&&[^\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsThai}]]");

    @Test
    void agreesWithTheRegularExpressionClassOnEveryCodePoint() {
        List<String> disagreements = new ArrayList<>();
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            boolean expected =
                    WORD_CHARACTER.matcher(new String(Character.toChars(codePoint))).matches();
            if (WordCharacters.is(codePoint) != expected) {
                disagreements.add(Integer.toHexString(codePoint));
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void lettersAndDigitsAreWordCharactersButNotHanKanaOrThai() {
        assertThat(WordCharacters.is('a')).isTrue();
        assertThat(WordCharacters.is('7')).isTrue();
        assertThat(WordCharacters.is('é')).isTrue();
        assertThat(WordCharacters.is('#')).isFalse();
        assertThat(WordCharacters.is('落')).isFalse();
        assertThat(WordCharacters.is('て')).isFalse();
        assertThat(WordCharacters.is('カ')).isFalse();
        assertThat(WordCharacters.is('ก')).isFalse();
    }
}
