package io.outagewatch.detection.duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationEstimateTest {

    @Test
    void exposesWholeSeconds() {
        DurationEstimate estimate =
                new DurationEstimate(
                        Duration.ofMinutes(90), Duration.ofMinutes(30), Duration.ofMinutes(300));

        assertThat(estimate.medianSeconds()).isEqualTo(5_400);
        assertThat(estimate.lowSeconds()).isEqualTo(1_800);
        assertThat(estimate.highSeconds()).isEqualTo(18_000);
    }

    @Test
    void allowsAPointEstimate() {
        Duration hour = Duration.ofHours(1);

        assertThat(new DurationEstimate(hour, hour, hour).low()).isEqualTo(hour);
    }

    @ParameterizedTest
    @CsvSource({
        // median, low, high
        "PT1H, PT2H, PT3H", // low above median
        "PT3H, PT1H, PT2H", // median above high
        "PT1H, PT-1M, PT2H", // negative low
    })
    void rejectsDisorderedBounds(Duration median, Duration low, Duration high) {
        assertThatThrownBy(() -> new DurationEstimate(median, low, high))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
