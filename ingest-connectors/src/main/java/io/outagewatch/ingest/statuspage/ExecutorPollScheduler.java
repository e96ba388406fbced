package io.outagewatch.ingest.statuspage;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The production scheduler: a small pool of daemon threads. */
public final class ExecutorPollScheduler implements PollScheduler {

    /**
     * Most threads used, whatever the number of pages; a slow page delays others only beyond it.
     */
    static final int MAX_THREADS = 4;

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final ScheduledThreadPoolExecutor executor;

    public ExecutorPollScheduler(int pages) {
        AtomicInteger number = new AtomicInteger();
        executor =
                new ScheduledThreadPoolExecutor(
                        Math.max(1, Math.min(pages, MAX_THREADS)),
                        task -> {
                            Thread thread =
                                    new Thread(
                                            task, "statuspage-poller-" + number.incrementAndGet());
                            thread.setDaemon(true);
                            return thread;
                        });
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        try {
            executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed: shutting down
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
