package io.outagewatch.ingest.statuspage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** Runs scheduled tasks on the test thread, moving a {@link MutableClock} to each due time. */
final class ManualScheduler implements PollScheduler {

    private record Scheduled(Instant due, long order, Runnable task) {}

    private final MutableClock clock;
    private final PriorityQueue<Scheduled> queue =
            new PriorityQueue<>(
                    (a, b) ->
                            a.due().equals(b.due())
                                    ? Long.compare(a.order(), b.order())
                                    : a.due().compareTo(b.due()));
    private final List<Duration> delays = new ArrayList<>();
    private long order;

    ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        delays.add(delay);
        queue.add(new Scheduled(clock.instant().plus(delay), order++, task));
    }

    /** Moves the clock to the earliest due task and runs it. */
    void runNext() {
        Scheduled next = queue.poll();
        if (next == null) {
            throw new IllegalStateException("nothing scheduled");
        }
        if (next.due().isAfter(clock.instant())) {
            clock.set(next.due());
        }
        next.task().run();
    }

    /** Every delay asked for so far, in order. */
    List<Duration> delays() {
        return List.copyOf(delays);
    }

    Duration lastDelay() {
        return delays.get(delays.size() - 1);
    }

    @Override
    public void close() {
        queue.clear();
    }
}
