package io.outagewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RetryPolicyTest {

    private static final RetryPolicy POLICY =
            new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofHours(1));
    private static final double ALMOST_ONE = Math.nextDown(1.0);

    @Test
    void ceilingDoublesUpToTheCap() {
        assertThat(IntStream.rangeClosed(1, 8).mapToObj(POLICY::ceiling))
                .containsExactly(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(16),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(30));
        assertThat(POLICY.ceiling(10_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void fullJitterDrawsBetweenZeroAndTheCeiling() {
        assertThat(POLICY.delay(3, Optional.empty(), 0.0)).isZero();
        assertThat(POLICY.delay(3, Optional.empty(), 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(POLICY.delay(3, Optional.empty(), ALMOST_ONE))
                .isLessThan(Duration.ofSeconds(4))
                .isGreaterThan(Duration.ofMillis(3999));
    }

    @Test
    void retryAfterIsALowerBoundButStillCapped() {
        assertThat(POLICY.delay(1, Optional.of(Duration.ofSeconds(3)), 0.5))
                .isEqualTo(Duration.ofSeconds(3));
        assertThat(POLICY.delay(5, Optional.of(Duration.ofSeconds(3)), 0.5))
                .isEqualTo(Duration.ofSeconds(8));
        assertThat(POLICY.delay(1, Optional.of(Duration.ofHours(2)), 0.5))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(
                        () ->
                                new RetryPolicy(
                                        Duration.ofMinutes(2),
                                        Duration.ofMinutes(1),
                                        Duration.ofHours(1)))
                .hasMessage("initialBackoff PT2M exceeds maxBackoff PT1M");
        assertThatThrownBy(
                        () ->
                                new RetryPolicy(
                                        Duration.ofSeconds(1),
                                        Duration.ofMinutes(1),
                                        Duration.ZERO))
                .hasMessage("giveUpAfter must be positive, got PT0S");
        assertThatThrownBy(() -> POLICY.delay(1, Optional.empty(), 1.0))
                .hasMessage("random must be in [0, 1), got 1.0");
    }
}
