package io.outagewatch.bench.estimates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HindsightFloorTest {

    /**
     * Remaining minutes per service, "A:1 2 4; B:10"; each deviates from its own service's median
     * only. A's deviations are log 2, 0, log 2; B's 0.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "A:1 2 4; B:10 | 0.34657359",
                "A:1 2 4 | 0.69314718",
                "A:5; B:500 | 0",
                "A:1 2 4; B:10 20 40 | 0.69314718",
            })
    void eachServiceIsMeasuredFromItsOwnMedian(String remaining, double expected) {
        HindsightFloor floor = new HindsightFloor();
        for (String service : remaining.split(";")) {
            String[] parts = service.trim().split(":");
            for (String minutes : parts[1].trim().split(" ")) {
                floor.add(parts[0], Duration.ofMinutes(Long.parseLong(minutes)));
            }
        }

        assertThat(floor.medianAbsLogError()).isCloseTo(expected, within(1e-6));
    }

    @org.junit.jupiter.api.Test
    void noIncidentGivesNaN() {
        assertThat(new HindsightFloor().medianAbsLogError()).isNaN();
    }
}
