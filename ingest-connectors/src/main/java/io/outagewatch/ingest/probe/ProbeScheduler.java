package io.outagewatch.ingest.probe;

import io.outagewatch.events.ProbeResult;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one loop per target on a bounded pool. A target's next check is scheduled only when its
 * previous one has finished, so there is never more than one check of a target in flight; checks of
 * different targets run concurrently, at most {@code maxConcurrentChecks} at a time.
 */
public final class ProbeScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProbeScheduler.class);

    /** Extra time {@link #close} gives running checks beyond the longest timeout. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

    private final List<ProbeTarget> targets;
    private final Function<ProbeTarget, Optional<ProbeResult>> check;
    private final Consumer<ProbeResult> sink;
    private final ProbeDelays delays;
    private final long checksPerTarget;
    private final ScheduledThreadPoolExecutor executor;
    private final CountDownLatch targetsDone;
    private volatile boolean stopped;
    private boolean started;

    /**
     * @param check one check of a target, such as {@link HttpProbe#check}
     * @param sink receives every result, from the pool's threads
     * @param checksPerTarget stop each target after this many checks; 0 for no limit
     */
    ProbeScheduler(
            List<ProbeTarget> targets,
            Function<ProbeTarget, Optional<ProbeResult>> check,
            Consumer<ProbeResult> sink,
            ProbeDelays delays,
            int maxConcurrentChecks,
            long checksPerTarget) {
        this.targets = List.copyOf(targets);
        this.check = Objects.requireNonNull(check, "check");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.delays = Objects.requireNonNull(delays, "delays");
        if (checksPerTarget < 0) {
            throw new IllegalArgumentException("checksPerTarget must not be negative");
        }
        this.checksPerTarget = checksPerTarget;
        this.executor =
                new ScheduledThreadPoolExecutor(
                        Math.min(maxConcurrentChecks, this.targets.size()), threadFactory());
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
        this.targetsDone = new CountDownLatch(this.targets.size());
    }

    public synchronized void start() {
        if (started || stopped) {
            throw new IllegalStateException("a scheduler starts once");
        }
        started = true;
        for (ProbeTarget target : targets) {
            schedule(new Loop(target), delays.first(target.interval()));
        }
    }

    /**
     * Waits until every target has had its {@code checksPerTarget} checks.
     *
     * @return false when the wait ran out first, or when there is no limit
     */
    public boolean awaitChecks(Duration wait) throws InterruptedException {
        return checksPerTarget > 0 && targetsDone.await(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Stops scheduling and waits for running checks, which finish within their timeout, so their
     * results still reach the sink. Idempotent.
     */
    @Override
    public void close() {
        stopped = true;
        executor.shutdown();
        Duration longest =
                targets.stream()
                        .map(ProbeTarget::timeout)
                        .max(Duration::compareTo)
                        .orElse(Duration.ZERO)
                        .plus(SHUTDOWN_GRACE);
        try {
            if (!executor.awaitTermination(longest.toNanos(), TimeUnit.NANOSECONDS)) {
                LOG.warn("checks still running after {}; interrupting them", longest);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void schedule(Loop loop, Duration delay) {
        if (stopped) {
            return;
        }
        try {
            executor.schedule(loop, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Closed meanwhile.
        }
    }

    /** The checks of one target; runs on one pool thread at a time. */
    private final class Loop implements Runnable {
        private final ProbeTarget target;
        private long checks;

        Loop(ProbeTarget target) {
            this.target = target;
        }

        @Override
        public void run() {
            long startedAt = System.nanoTime();
            try {
                check.apply(target).ifPresent(sink);
            } catch (RuntimeException e) {
                LOG.warn("check of {} failed unexpectedly", target.service(), e);
            }
            checks++;
            if (checksPerTarget > 0 && checks >= checksPerTarget) {
                targetsDone.countDown();
                return;
            }
            Duration sinceStart = Duration.ofNanos(System.nanoTime() - startedAt);
            Duration wait = delays.next(target.interval()).minus(sinceStart);
            schedule(this, wait.isNegative() ? Duration.ZERO : wait);
        }
    }

    private static ThreadFactory threadFactory() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "prober-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
