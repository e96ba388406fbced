package io.outagewatch.detection.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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
}
