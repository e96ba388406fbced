package io.outagewatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ProcessQuietTest {

    @Test
    void anIdleJvmIsQuietAfterAWindow() {
        ProcessQuiet.Wait wait =
                ProcessQuiet.await(Duration.ofMillis(200), 0.5, Duration.ofSeconds(30));

        assertThat(wait.quiet()).isTrue();
        assertThat(wait.waited()).isBetween(Duration.ofMillis(200), Duration.ofSeconds(30));
    }

    /** A thread spinning on a core keeps the JVM busy: the wait ends at its bound, not quiet. */
    @Test
    void aBusyJvmIsNotQuietAndTheWaitEndsAtItsBound() throws InterruptedException {
        AtomicBoolean spin = new AtomicBoolean(true);
        Thread spinner =
                new Thread(
                        () -> {
                            long sum = 0;
                            while (spin.get()) {
                                sum += System.nanoTime();
                            }
                            assertThat(sum).isNotZero();
                        });
        spinner.start();
        try {
            ProcessQuiet.Wait wait =
                    ProcessQuiet.await(Duration.ofMillis(200), 0.05, Duration.ofMillis(1500));

            assertThat(wait.quiet()).isFalse();
            assertThat(wait.waited()).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(10));
        } finally {
            spin.set(false);
            spinner.join(10_000);
        }
    }

    @Test
    void theJvmReportsItsCpuTime() {
        assertThat(ProcessQuiet.cpuNanos()).isPositive();
    }
}
