package io.outagewatch.ingest.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ExecutorPollSchedulerTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final Duration SHORT = Duration.ofMillis(10);

    @Test
    void runsTasksOnDaemonThreadsAndIgnoresThemAfterClose() throws Exception {
        CountDownLatch ran = new CountDownLatch(2);
        AtomicInteger daemons = new AtomicInteger();
        ExecutorPollScheduler scheduler = new ExecutorPollScheduler(2);
        Runnable task =
                () -> {
                    if (Thread.currentThread().isDaemon()) {
                        daemons.incrementAndGet();
                    }
                    ran.countDown();
                };

        scheduler.schedule(Duration.ZERO, task);
        scheduler.schedule(SHORT, task);

        assertThat(ran.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(daemons.get()).isEqualTo(2);
        scheduler.close();
        scheduler.schedule(Duration.ZERO, task);
    }
}
