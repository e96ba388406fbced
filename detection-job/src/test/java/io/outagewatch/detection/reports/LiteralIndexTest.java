package io.outagewatch.detection.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LiteralIndexTest {

    private final LiteralIndex index =
            new LiteralIndex(List.of("down", "do", "?", "落ち", "own", "error"));

    @Test
    void findsEveryStringThatOccursOverlappingOrNot() {
        assertThat(index.occurrences("is it down?"))
                .containsExactly(true, true, true, false, true, false);
        assertThat(index.occurrences("chatgpt落ちた"))
                .containsExactly(false, false, false, true, false, false);
    }

    @Test
    void findsStringsAtTheEdgesOfTheText() {
        assertThat(index.occurrences("error"))
                .containsExactly(false, false, false, false, false, true);
        assertThat(index.occurrences("d"))
                .containsExactly(false, false, false, false, false, false);
        assertThat(index.occurrences("")).containsExactly(false, false, false, false, false, false);
        assertThat(index.occurrences("?")).containsExactly(false, false, true, false, false, false);
    }

    @Test
    void refusesTheEmptyString() {
        assertThatThrownBy(() -> new LiteralIndex(List.of("down", "")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void agreesWithContainsOnRandomTextsOverASmallAlphabet() {
        // Few letters, so strings share first and second characters and occur often.
        String alphabet = "abcd落ち ";
        SplittableRandom random = new SplittableRandom(11);
        List<String> literals = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            literals.add(randomText(random, alphabet, 1 + random.nextInt(4)));
        }
        List<String> distinct = literals.stream().distinct().toList();
        LiteralIndex randomIndex = new LiteralIndex(distinct);
        for (int t = 0; t < 5_000; t++) {
            String text = randomText(random, alphabet, random.nextInt(30));
            boolean[] found = randomIndex.occurrences(text);
            for (int id = 0; id < distinct.size(); id++) {
                assertThat(found[id])
                        .as("'%s' in '%s'", distinct.get(id), text)
                        .isEqualTo(text.contains(distinct.get(id)));
            }
        }
    }

    private static String randomText(SplittableRandom random, String alphabet, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
