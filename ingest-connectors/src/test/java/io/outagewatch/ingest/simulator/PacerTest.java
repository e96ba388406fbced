package io.outagewatch.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {

    private static final Instant T0 = Instant.parse("2023-11-08T13:00:00Z");

    private long now = 1_000_000_000L;
    private final List<Long> sleeps = new ArrayList<>();

    private Pacer pacer(double speed) {
        return new Pacer(
                speed,
                () -> now,
                nanos -> {
                    sleeps.add(nanos);
                    now += nanos;
                });
    }

    @Test
    void anHourOfEventsTakesAMinuteAtSpeedSixty() throws InterruptedException {
        Pacer pacer = pacer(60);

        pacer.awaitTurn(T0);
        pacer.awaitTurn(T0.plusSeconds(1800));
        pacer.awaitTurn(T0.plusSeconds(3600));

        assertThat(sleeps).containsExactly(30_000_000_000L, 30_000_000_000L);
    }

    @Test
    void eventsOfTheSameInstantAndLateEventsDoNotWait() throws InterruptedException {
        Pacer pacer = pacer(10);

        pacer.awaitTurn(T0);
        pacer.awaitTurn(T0);
        now += 5_000_000_000L; // the publisher was slow for 5 s: 50 s of events are overdue
        pacer.awaitTurn(T0.plusSeconds(40));
        pacer.awaitTurn(T0.plusSeconds(60));

        assertThat(sleeps).containsExactly(1_000_000_000L);
    }

    @Test
    void speedMustBePositiveAndFinite() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> pacer(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("speed");
        }
    }
}
