package io.outagewatch.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RateLimiterTest {

    private static final double RATE = 10;
    private static final int BURST = 20;
    private static final Duration ONE_REFILL = Duration.ofMillis(100);

    private final AtomicLong now = new AtomicLong(123_456_789L);
    private final RateLimiter limiter = new RateLimiter(RATE, BURST, now::get);

    @Test
    void allowsTheBurstThenRefusesWithTheWaitForOneRequest() {
        for (int i = 0; i < BURST; i++) {
            assertThat(limiter.tryAcquire("alice").allowed()).as("request %d", i).isTrue();
        }
        RateLimiter.Decision refused = limiter.tryAcquire("alice");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(ONE_REFILL);
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void refillsAtTheRateAndNeverAboveTheBurst() {
        drain("alice");
        advance(ONE_REFILL);
        assertThat(limiter.tryAcquire("alice").allowed()).isTrue();
        assertThat(limiter.tryAcquire("alice").allowed()).isFalse();

        advance(Duration.ofHours(1));
        drain("alice");
        assertThat(limiter.tryAcquire("alice").allowed()).isFalse();
    }

    @Test
    void clientsHaveTheirOwnBuckets() {
        drain("alice");

        assertThat(limiter.tryAcquire("alice").allowed()).isFalse();
        assertThat(limiter.tryAcquire("bob").allowed()).isTrue();
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        RateLimiter slow = new RateLimiter(0.4, 1, now::get);
        assertThat(slow.tryAcquire("alice").allowed()).isTrue();

        RateLimiter.Decision refused = slow.tryAcquire("alice");

        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(2500));
        assertThat(refused.retryAfterSeconds()).isEqualTo(3);
    }

    @Test
    void aClockGoingBackwardsAddsNothing() {
        drain("alice");
        now.addAndGet(-Duration.ofSeconds(5).toNanos());

        assertThat(limiter.tryAcquire("alice").allowed()).isFalse();
    }

    @Test
    void rejectsUnusableSettings() {
        assertThatThrownBy(() -> new RateLimiter(0, 1, now::get))
                .hasMessageContaining("rate must be a positive");
        assertThatThrownBy(() -> new RateLimiter(Double.NaN, 1, now::get))
                .hasMessageContaining("rate must be a positive");
        assertThatThrownBy(() -> new RateLimiter(1, 0, now::get))
                .hasMessageContaining("burst must be at least 1");
    }

    private void drain(String client) {
        while (limiter.tryAcquire(client).allowed()) {
            // take every token
        }
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
