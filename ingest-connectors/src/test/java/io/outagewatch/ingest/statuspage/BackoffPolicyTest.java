package io.outagewatch.ingest.statuspage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class BackoffPolicyTest {

    private static final Duration INTERVAL = Duration.ofSeconds(60);
    private static final Duration CAP = Duration.ofMinutes(15);
    private static final Instant NOW = Instant.parse("2026-11-20T16:00:00Z");

    @Test
    void doublesPerErrorUpToTheCapAndResetsOnSuccess() {
        BackoffPolicy backoff = new BackoffPolicy(INTERVAL, CAP, () -> 0.0);

        assertThat(backoff.onError()).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.onError()).isEqualTo(Duration.ofMinutes(4));
        assertThat(backoff.onError()).isEqualTo(Duration.ofMinutes(8));
        assertThat(backoff.onError()).isEqualTo(CAP);
        for (int i = 0; i < 100; i++) {
            assertThat(backoff.onError()).isEqualTo(CAP);
        }
        assertThat(backoff.onSuccess()).isEqualTo(INTERVAL);
        assertThat(backoff.consecutiveFailures()).isZero();
        assertThat(backoff.onError()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void jitterTakesOffAtMostTwentyPercentAndNeverGoesBelowTheInterval() {
        BackoffPolicy most = new BackoffPolicy(INTERVAL, CAP, () -> 0.999_999);
        assertThat(most.onError()).isBetween(Duration.ofSeconds(96), Duration.ofSeconds(97));

        BackoffPolicy atCap = new BackoffPolicy(INTERVAL, INTERVAL, () -> 0.999_999);
        assertThat(atCap.onError()).isEqualTo(INTERVAL);
    }

    static Stream<Arguments> rateLimits() {
        return Stream.of(
                Arguments.of(
                        "retry-after honoured",
                        Optional.of(Duration.ofSeconds(120)),
                        Duration.ofSeconds(120)),
                Arguments.of(
                        "no sooner than the interval",
                        Optional.of(Duration.ofSeconds(5)),
                        INTERVAL),
                Arguments.of("capped", Optional.of(Duration.ofHours(3)), CAP),
                Arguments.of(
                        "no retry-after: error backoff", Optional.empty(), Duration.ofMinutes(2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rateLimits")
    void rateLimited(String name, Optional<Duration> retryAfter, Duration expected) {
        BackoffPolicy backoff = new BackoffPolicy(INTERVAL, CAP, () -> 0.0);

        assertThat(backoff.onRateLimited(retryAfter)).isEqualTo(expected);
        assertThat(backoff.consecutiveFailures()).isEqualTo(1);
    }

    static Stream<Arguments> retryAfterHeaders() {
        return Stream.of(
                Arguments.of("120", Optional.of(Duration.ofSeconds(120))),
                Arguments.of(" 0 ", Optional.of(Duration.ZERO)),
                Arguments.of("Fri, 20 Nov 2026 16:05:00 GMT", Optional.of(Duration.ofMinutes(5))),
                Arguments.of("Fri, 20 Nov 2026 15:00:00 GMT", Optional.of(Duration.ZERO)),
                Arguments.of("soon", Optional.empty()),
                Arguments.of("-5", Optional.empty()),
                Arguments.of("99999999999999999999999", Optional.empty()),
                Arguments.of(null, Optional.empty()));
    }

    @ParameterizedTest(name = "Retry-After: {0}")
    @MethodSource("retryAfterHeaders")
    void readsRetryAfter(String header, Optional<Duration> expected) {
        assertThat(RetryAfter.parse(header, NOW)).isEqualTo(expected);
    }

    @Test
    void rejectsACapBelowTheInterval() {
        assertThatThrownBy(() -> new BackoffPolicy(INTERVAL, Duration.ofSeconds(30), () -> 0.0))
                .hasMessageContaining("below interval");
    }
}
