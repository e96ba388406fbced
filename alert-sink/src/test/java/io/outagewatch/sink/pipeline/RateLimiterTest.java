package io.outagewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RateLimiterTest {

    private static final Instant T0 = TestAlerts.NOW;
    private static final double SLACK_PER_MINUTE = 60;
    private static final double PAGERDUTY_PER_MINUTE = 120;

    @Test
    void slackIsPacedToOnePerSecond() throws InterruptedException {
        FakeTime time = new FakeTime(T0);
        RateLimiter limiter = RateLimiter.perMinute(SLACK_PER_MINUTE, time.source(0));

        assertThat(acquireTimes(limiter, time, 4))
                .containsExactly(T0, T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3));
    }

    @Test
    void pagerDutyGetsATwoDeliveryBurstThenEveryHalfSecond() throws InterruptedException {
        FakeTime time = new FakeTime(T0);
        RateLimiter limiter = RateLimiter.perMinute(PAGERDUTY_PER_MINUTE, time.source(0));

        assertThat(acquireTimes(limiter, time, 5))
                .containsExactly(
                        T0, T0, T0.plusMillis(500), T0.plusMillis(1000), T0.plusMillis(1500));
    }

    @Test
    void idleTimeRefillsTheBucketButNoFurtherThanItsCapacity() throws InterruptedException {
        FakeTime time = new FakeTime(T0);
        RateLimiter limiter = RateLimiter.perMinute(PAGERDUTY_PER_MINUTE, time.source(0));
        acquireTimes(limiter, time, 2);
        time.advance(Duration.ofMinutes(10));
        Instant later = time.instant();

        assertThat(acquireTimes(limiter, time, 3))
                .containsExactly(later, later, later.plusMillis(500));
    }

    @Test
    void noLimitNeverSleeps() throws InterruptedException {
        for (double unlimited : new double[] {0, -1, Double.POSITIVE_INFINITY, Double.NaN}) {
            FakeTime time = new FakeTime(T0);
            RateLimiter limiter = RateLimiter.perMinute(unlimited, time.source(0));
            acquireTimes(limiter, time, 100);
            assertThat(limiter.isLimited()).isFalse();
            assertThat(time.sleeps()).isEmpty();
        }
    }

    private static List<Instant> acquireTimes(RateLimiter limiter, FakeTime time, int count)
            throws InterruptedException {
        List<Instant> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            limiter.acquire();
            times.add(time.instant());
        }
        return times;
    }
}
