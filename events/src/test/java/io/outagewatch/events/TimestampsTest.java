package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TimestampsTest {

    static Stream<Arguments> instants() {
        return Stream.of(
                Arguments.of(Instant.parse("1999-12-31T23:59:59.999999999Z"), false),
                Arguments.of(Timestamps.EARLIEST, true),
                Arguments.of(Instant.parse("2023-11-08T13:42:00Z"), true),
                Arguments.of(Instant.parse("2100-12-31T23:59:59.999999999Z"), true),
                Arguments.of(Timestamps.END_EXCLUSIVE, false));
    }

    @ParameterizedTest(name = "{0} in range: {1}")
    @MethodSource("instants")
    void rangeIncludesYear2000AndExcludes2101(Instant instant, boolean inRange) {
        assertThat(Timestamps.inRange(instant)).isEqualTo(inRange);
    }

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("2023-11-08T13:42:00Z", null),
                Arguments.of("2023-11-08T13:42:00.5+01:00", null),
                Arguments.of("2023-11-08T13:42Z", InvalidReason.INVALID_TIMESTAMP),
                Arguments.of("2023-11-08T13:42:00+0100", InvalidReason.INVALID_TIMESTAMP),
                Arguments.of("2023-11-08T13:42:00+01:00:30", InvalidReason.INVALID_TIMESTAMP),
                Arguments.of("2023-11-08 13:42:00Z", InvalidReason.INVALID_TIMESTAMP),
                Arguments.of("2023-11-08T24:00:00Z", InvalidReason.INVALID_TIMESTAMP),
                Arguments.of("+12023-11-08T13:42:00Z", InvalidReason.INVALID_TIMESTAMP),
                Arguments.of("0000-01-01T00:00:00Z", InvalidReason.TIMESTAMP_OUT_OF_RANGE),
                Arguments.of("9999-12-31T23:59:59Z", InvalidReason.TIMESTAMP_OUT_OF_RANGE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void parsesOnlyCompleteDateTimesWithZone(String text, String expectedCode) {
        if (expectedCode == null) {
            assertThat(Timestamps.parse("startedAt", text)).isNotNull();
        } else {
            assertThatThrownBy(() -> Timestamps.parse("startedAt", text))
                    .isInstanceOf(InvalidEventException.class)
                    .hasMessageStartingWith("startedAt ")
                    .extracting(thrown -> ((InvalidEventException) thrown).code())
                    .isEqualTo(expectedCode);
        }
    }
}
