package io.outagewatch.ingest.probe;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When checks start. The first check of each target waits a random part of its interval, so that a
 * prober with many targets, or many probers restarted together, do not all fire at once; each later
 * check waits the interval plus up to {@value #JITTER_PERCENT}% of it.
 */
final class ProbeDelays {

    static final int JITTER_PERCENT = 10;

    private final RandomGenerator random;
    private final boolean spreadFirstCheck;

    /**
     * @param spreadFirstCheck false to start every target at once (quick mode, tests)
     */
    ProbeDelays(RandomGenerator random, boolean spreadFirstCheck) {
        this.random = Objects.requireNonNull(random, "random");
        this.spreadFirstCheck = spreadFirstCheck;
    }

    // Synchronized: the pool's threads share one generator, and generators are not thread-safe.
    synchronized Duration first(Duration interval) {
        return spreadFirstCheck
                ? Duration.ofNanos(random.nextLong(interval.toNanos()))
                : Duration.ZERO;
    }

    /** Between the starts of two checks: the interval plus jitter. */
    synchronized Duration next(Duration interval) {
        long maxJitter = interval.toNanos() * JITTER_PERCENT / 100;
        return interval.plusNanos(maxJitter == 0 ? 0 : random.nextLong(maxJitter));
    }
}
