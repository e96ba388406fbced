package io.outagewatch.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ComplaintWaveTest {

    private static final Instant START = Instant.parse("2024-01-01T12:00:00Z");
    private static final ComplaintWave WAVE = new ComplaintWave(START, START.plusSeconds(3600));

    @Test
    void rampsUpOverTwoMinutesToItsPeak() {
        assertThat(WAVE.intensity(START.minusSeconds(1))).isZero();
        assertThat(WAVE.intensity(START.plusSeconds(60))).isCloseTo(0.5, within(1e-9));
        assertThat(WAVE.intensity(START.plusSeconds(120))).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void easesDuringALongOutageWithoutDying() {
        double late = WAVE.intensity(START.plusSeconds(3500));

        assertThat(late).isBetween(0.6, 0.7);
    }

    @Test
    void trailsOffWithinHalfAnHourOfTheFix() {
        Instant fixed = START.plusSeconds(3600);

        assertThat(WAVE.intensity(fixed.plusSeconds(600)))
                .isLessThan(WAVE.intensity(fixed))
                .isGreaterThan(0.1);
        assertThat(WAVE.intensity(fixed.plusSeconds(1799))).isPositive().isLessThan(0.02);
        assertThat(WAVE.intensity(WAVE.fadedOut())).isZero();
    }
}
