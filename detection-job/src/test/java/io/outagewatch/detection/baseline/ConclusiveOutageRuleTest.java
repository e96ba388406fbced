package io.outagewatch.detection.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConclusiveOutageRuleTest {

    /**
     * One vantage per character: its region is the letter ({@code u} us, {@code e} eu, {@code a}
     * ap, {@code x} none), upper case failing, lower case healthy, {@code -} a vantage without
     * probes this minute.
     */
    private static List<VantageStatus> minute(String vantages) {
        List<VantageStatus> statuses = new ArrayList<>();
        for (int i = 0; i < vantages.length(); i++) {
            char code = vantages.charAt(i);
            if (code == '-') {
                statuses.add(new VantageStatus("v" + i, "us", 0, 0, false));
                continue;
            }
            boolean failing = Character.isUpperCase(code);
            String region =
                    switch (Character.toLowerCase(code)) {
                        case 'u' -> "us";
                        case 'e' -> "eu";
                        case 'a' -> "ap";
                        case 'x' -> null;
                        default -> throw new IllegalArgumentException("code " + code);
                    };
            statuses.add(new VantageStatus("v" + i, region, 2, failing ? 2 : 0, failing));
        }
        return statuses;
    }

    static Stream<Arguments> minutes() {
        return Stream.of(
                Arguments.of("every vantage of three regions fails", "UUEEAA", true),
                Arguments.of("four of four across two regions", "UUEE", true),
                Arguments.of("nine of ten across regions is nearly every one", "UUUUUEEEEe", true),
                Arguments.of("vantages without probes do not count", "UUEE--", true),
                Arguments.of("eight of ten is not nearly every one", "UUUUEEEEee", false),
                Arguments.of("three failing vantages are too few", "UUE", false),
                Arguments.of("one region alone is a regional matter", "UUUUUU", false),
                Arguments.of("vantages without a region span no region", "UXXX", false),
                Arguments.of("nothing reporting", "----", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("minutes")
    void judgesAMinute(String name, String vantages, boolean conclusive) {
        assertThat(ConclusiveOutageRule.DEFAULTS.isConclusive(minute(vantages)))
                .isEqualTo(conclusive);
    }

    @Test
    void settingsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new ConclusiveOutageRule(0, 0.9, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConclusiveOutageRule(4, 1.5, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
