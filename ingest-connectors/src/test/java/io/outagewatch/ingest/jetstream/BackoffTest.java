package io.outagewatch.ingest.jetstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class BackoffTest {

    private static final Duration INITIAL = Duration.ofSeconds(1);
    private static final Duration MAX = Duration.ofSeconds(60);

    @Test
    void doublesFromInitialUpToMaxWithoutJitter() {
        Backoff backoff = new Backoff(INITIAL, MAX, () -> 0.0);

        assertThat(schedule(backoff, 9))
                .containsExactly(
                        1000L, 2000L, 4000L, 8000L, 16000L, 32000L, 60000L, 60000L, 60000L);
    }

    @Test
    void jitterShortensEachPauseByUpToHalf() {
        Backoff most = new Backoff(INITIAL, MAX, () -> 0.999_999);
        Backoff half = new Backoff(INITIAL, MAX, () -> 0.5);

        assertThat(schedule(most, 8))
                .containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L);
        assertThat(schedule(half, 3)).containsExactly(750L, 1500L, 3000L);
    }

    @Test
    void resetStartsAgainFromInitial() {
        Backoff backoff = new Backoff(INITIAL, MAX, () -> 0.0);
        schedule(backoff, 5);

        backoff.reset();

        assertThat(backoff.next()).isEqualTo(INITIAL);
    }

    @Test
    void rejectsMaxBelowInitial() {
        assertThatThrownBy(() -> new Backoff(MAX, INITIAL, () -> 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("initial <= max");
    }

    private static List<Long> schedule(Backoff backoff, int attempts) {
        List<Long> pauses = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            Duration pause = backoff.next();
            pauses.add(pause.toMillis());
        }
        return pauses;
    }
}
