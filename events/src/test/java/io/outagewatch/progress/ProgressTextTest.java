package io.outagewatch.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressTextTest {

    private static final Instant MID_OUTAGE = Instant.parse("2023-11-08T14:05:59.900Z");

    @Test
    void eventTimeIsToTheMinuteInUtc() {
        assertThat(ProgressText.eventTime(MID_OUTAGE)).isEqualTo("event time 2023-11-08T14:05Z");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "52310 | 131644 | 52,310 / 131,644 events (39 %)",
                "0     | 131644 | 0 / 131,644 events (0 %)",
                "131644| 131644 | 131,644 / 131,644 events (100 %)",
                "5     | 0      | 5 / 0 events (100 %)",
                "7     | 5      | 7 / 5 events (100 %)"
            })
    void ofTotalRoundsTheShareDownAndNeverPassesAHundred(long done, long total, String text) {
        assertThat(ProgressText.ofTotal(done, total, "events")).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"0, 0 alerts", "1, 1 alert", "2, 2 alerts", "12345, '12,345 alerts'"})
    void countedUsesThePluralExceptForOne(long count, String text) {
        assertThat(ProgressText.counted(count, "alert")).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({
        "PT0.9S, 0:00 elapsed",
        "PT48S, 0:48 elapsed",
        "PT12M5S, 12:05 elapsed",
        "PT59M59S, 59:59 elapsed",
        "PT1H2M3S, 1:02:03 elapsed",
        "PT26H, 26:00:00 elapsed"
    })
    void elapsedReadsLikeAClock(Duration elapsed, String text) {
        assertThat(ProgressText.elapsed(elapsed)).isEqualTo(text);
    }

    @Test
    void joinSkipsEmptyFields() {
        assertThat(ProgressText.join("a", "", "b")).isEqualTo("a · b");
        assertThat(ProgressText.join("", "")).isEmpty();
    }
}
