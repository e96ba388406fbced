package io.outagewatch.bench.estimates.prior;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncidentDurationHistoryTest {

    @Test
    void startsEmpty() {
        assertThat(IncidentDurationHistory.empty().durations()).isEmpty();
        assertThat(IncidentDurationHistory.empty().size()).isZero();
    }

    @Test
    void keepsDurationsOldestFirstWithoutChangingTheOriginal() {
        IncidentDurationHistory one =
                IncidentDurationHistory.empty().withRecorded(Duration.ofMinutes(12));

        IncidentDurationHistory two = one.withRecorded(Duration.ofHours(3));

        assertThat(one.durations()).containsExactly(Duration.ofMinutes(12));
        assertThat(two.durations()).containsExactly(Duration.ofMinutes(12), Duration.ofHours(3));
    }

    @Test
    void keepsOnlyTheMostRecentCapacity() {
        IncidentDurationHistory history = minutes(1, 40);

        assertThat(history.size()).isEqualTo(IncidentDurationHistory.CAPACITY);
        assertThat(history.durations())
                .isEqualTo(
                        IntStream.rangeClosed(40 - IncidentDurationHistory.CAPACITY + 1, 40)
                                .mapToObj(Duration::ofMinutes)
                                .toList());
    }

    @ParameterizedTest
    @CsvSource({
        // recorded, kept
        "PT0.2S, PT1S", // rounded up so its log stays finite
        "PT1M0.5S, PT1M1S",
        "PT45M, PT45M",
    })
    void keepsWholeSecondsRoundedUp(Duration recorded, Duration kept) {
        assertThat(IncidentDurationHistory.empty().withRecorded(recorded).durations())
                .containsExactly(kept);
    }

    @ParameterizedTest
    @CsvSource({"PT0S", "PT-5M"})
    void rejectsNonPositiveDurations(Duration bad) {
        assertThatThrownBy(() -> IncidentDurationHistory.empty().withRecorded(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duration must be positive, got " + bad);
    }

    @ParameterizedTest
    @CsvSource({"0", "-60"})
    void rejectsAStoredHistoryWithNonPositiveDurations(int seconds) {
        assertThatThrownBy(() -> new IncidentDurationHistory(new int[] {60, seconds}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("durations must be positive, got " + seconds);
    }

    private static IncidentDurationHistory minutes(int first, int last) {
        IncidentDurationHistory history = IncidentDurationHistory.empty();
        for (int m : IntStream.rangeClosed(first, last).toArray()) {
            history = history.withRecorded(Duration.ofMinutes(m));
        }
        return history;
    }
}
