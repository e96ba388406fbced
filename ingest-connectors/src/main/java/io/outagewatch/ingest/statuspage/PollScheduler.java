package io.outagewatch.ingest.statuspage;

import java.time.Duration;

/** Runs poll tasks after a delay; tests use one that moves a fake clock instead of waiting. */
public interface PollScheduler extends AutoCloseable {

    /** Runs {@code task} once, {@code delay} from now; ignored after {@link #close()}. */
    void schedule(Duration delay, Runnable task);

    @Override
    void close();
}
