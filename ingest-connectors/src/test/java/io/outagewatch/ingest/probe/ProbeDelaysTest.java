package io.outagewatch.ingest.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ProbeDelaysTest {

    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private static final Duration MAX_JITTER = Duration.ofSeconds(3);
    private static final int DRAWS = 1_000;

    @Test
    void firstCheckIsSpreadOverTheInterval() {
        ProbeDelays delays = new ProbeDelays(new SplittableRandom(42), true);

        Duration shortest = INTERVAL;
        Duration longest = Duration.ZERO;
        for (int i = 0; i < DRAWS; i++) {
            Duration first = delays.first(INTERVAL);
            assertThat(first).isGreaterThanOrEqualTo(Duration.ZERO).isLessThan(INTERVAL);
            shortest = first.compareTo(shortest) < 0 ? first : shortest;
            longest = first.compareTo(longest) > 0 ? first : longest;
        }
        assertThat(shortest).isLessThan(INTERVAL.dividedBy(10));
        assertThat(longest).isGreaterThan(INTERVAL.multipliedBy(9).dividedBy(10));
    }

    @Test
    void firstCheckIsImmediateWhenNotSpread() {
        assertThat(new ProbeDelays(new SplittableRandom(42), false).first(INTERVAL)).isZero();
    }

    @Test
    void laterChecksWaitTheIntervalPlusUpToTenPercent() {
        ProbeDelays delays = new ProbeDelays(new SplittableRandom(7), false);

        for (int i = 0; i < DRAWS; i++) {
            assertThat(delays.next(INTERVAL))
                    .isGreaterThanOrEqualTo(INTERVAL)
                    .isLessThan(INTERVAL.plus(MAX_JITTER));
        }
    }
}
