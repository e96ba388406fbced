package io.outagewatch.sink.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ServiceSummaryTest {

    @ParameterizedTest(name = "median of [{0}] is {1}ms")
    @CsvSource(
            delimiter = '|',
            value = {
                "60           | 60000",
                "300 60 120   | 120000",
                "60 120       | 90000",
                "-30 90 10 -5 | 2500",
            })
    void medianIsTheMiddleOrTheMeanOfTheTwoMiddles(String seconds, long medianMillis) {
        List<Long> values = Arrays.stream(seconds.trim().split("\\s+")).map(Long::valueOf).toList();

        assertThat(ServiceSummary.median(values)).contains(Duration.ofMillis(medianMillis));
    }

    @Test
    void openIncidentsCountButHaveNoDuration() {
        Incident open = Incident.from(TestAlerts.started());

        assertThat(ServiceSummary.byService(List.of(open)))
                .containsExactly(
                        new ServiceSummary(
                                TestAlerts.SERVICE,
                                1,
                                0,
                                Duration.ZERO,
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()));
    }
}
