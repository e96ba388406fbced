package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

    @ParameterizedTest
    @CsvSource({
        "500ms, PT0.5S",
        "30s, PT30S",
        " 5m , PT5M",
        "2h, PT2H",
        "PT1M30S, PT1M30S",
        "pt10s, PT10S"
    })
    void readsEveryForm(String text, String iso) {
        assertThat(DurationText.parse(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "5", "5 minutes", "-5s", "0s", "PT0S", "1.5s", "99999999999999999999h"})
    void rejectsWithTheTextNamed(String text) {
        assertThatThrownBy(() -> DurationText.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"250ms", "45s", "3m", "26h", "1500ms", "90s"})
    void formatReadsBack(String text) {
        Duration duration = DurationText.parse(text);
        assertThat(DurationText.parse(DurationText.format(duration))).isEqualTo(duration);
        assertThat(DurationText.format(duration)).isEqualTo(text.equals("90s") ? "90s" : text);
    }
}
