package io.outagewatch.ingest.simulator;

import io.outagewatch.progress.ProgressText;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far a simulator run has got: the events published of all it will publish, and the event time
 * of the last one. The publishing thread writes it; a progress line reads it from its own thread.
 */
public final class PublishProgress {

    private final AtomicLong published = new AtomicLong();
    private volatile long total;
    private volatile boolean begun;
    private volatile Instant eventTime;

    void begin(long events) {
        total = events;
        begun = true;
    }

    void published(Instant at) {
        eventTime = at;
        published.incrementAndGet();
    }

    public long published() {
        return published.get();
    }

    /** The events the run publishes in all; 0 before it has begun. */
    public long total() {
        return total;
    }

    /** The event time of the last event published; empty before the first. */
    public Optional<Instant> eventTime() {
        return Optional.ofNullable(eventTime);
    }

    /**
     * {@code event time 2023-11-08T14:05Z · 52,310 / 131,644 events published (39 %)}; {@code
     * preparing the events} while the simulator generates or reads them.
     */
    public String describe() {
        if (!begun) {
            return "preparing the events";
        }
        return ProgressText.join(
                eventTime().map(ProgressText::eventTime).orElse(""),
                ProgressText.ofTotal(published(), total(), "events published"));
    }
}
