package io.outagewatch.detection.probes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClockAheadRuleTest {

    private static final ClockAheadRule RULE =
            new ClockAheadRule(Duration.ofSeconds(30), Duration.ofMinutes(5));

    @ParameterizedTest(name = "smallest lead {0} ms -> {1}")
    @CsvSource(
            nullValues = "none",
            value = {
                "0,        none", // no watermark yet, or a probe right at it
                "-4000,    none", // behind the watermark
                "30000,    none", // an on-time clock: the lead is the out-of-orderness
                "330000,   none", // exactly at the threshold is not above it
                "331000,   301",
                "3035000,  3005" // 50 min 5 s ahead
            })
    void reportsOnlyAClockEstimatedAboveTheThreshold(long smallestLeadMillis, Long seconds) {
        assertThat(RULE.secondsAhead(smallestLeadMillis)).isEqualTo(seconds);
    }

    @Test
    void aNegativeThresholdIsRejected() {
        assertThatThrownBy(() -> new ClockAheadRule(Duration.ofSeconds(30), Duration.ofSeconds(-1)))
                .hasMessage("reportAbove must not be negative, got PT-1S");
    }
}
