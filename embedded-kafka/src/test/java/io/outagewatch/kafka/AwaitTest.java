package io.outagewatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AwaitTest {

    @Test
    void returnsOnceTheConditionHolds() throws Exception {
        AtomicInteger checks = new AtomicInteger();

        Await.until("the third check", Duration.ofMinutes(1), () -> checks.incrementAndGet() == 3);

        assertThat(checks).hasValue(3);
    }

    @Test
    void failsNamingWhatWasAwaitedWhenTheDeadlinePasses() {
        assertThatThrownBy(() -> Await.until("the impossible", Duration.ofMillis(50), () -> false))
                .isInstanceOf(AssertionError.class)
                .hasMessage("not within PT0.05S: the impossible");
    }

    @Test
    void aFailingCheckFailsTheWait() {
        assertThatThrownBy(
                        () ->
                                Await.until(
                                        "a broken check",
                                        Duration.ofMinutes(1),
                                        () -> {
                                            throw new IOException("broker gone");
                                        }))
                .isInstanceOf(IOException.class)
                .hasMessage("broker gone");
    }
}
