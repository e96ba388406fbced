package io.outagewatch.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DisplayTest {

    @ParameterizedTest
    @CsvSource(
            nullValues = "none",
            value = {
                "terminal, false, TERMINAL",
                "TERMINAL, false, TERMINAL",
                "plain, true, PLAIN",
                "' plain ', true, PLAIN",
                "none, true, TERMINAL",
                "none, false, PLAIN",
                "'', true, TERMINAL"
            })
    void theSettingWinsOverTheConsole(String setting, boolean console, Display expected) {
        assertThat(Display.of(Display.STDERR_PROPERTY, setting, console)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tty", "yes", "1"})
    void anUnknownSettingFailsNamingTheProperty(String setting) {
        assertThatThrownBy(() -> Display.of(Display.STDOUT_PROPERTY, setting, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "outagewatch.progress.stdout must be terminal or plain, got '"
                                + setting
                                + "'");
    }

    @ParameterizedTest
    @CsvSource({"80, 80", "' 132 ', 132", "1, 1"})
    void columnsAreAPositiveNumber(String setting, int columns) {
        assertThat(Display.columns(setting)).isEqualTo(columns);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-80", "wide", "", "999999"})
    void otherColumnsFailNamingTheProperty(String setting) {
        assertThatThrownBy(() -> Display.columns(setting))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("outagewatch.progress.columns must be a positive number");
    }
}
