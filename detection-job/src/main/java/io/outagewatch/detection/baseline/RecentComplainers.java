package io.outagewatch.detection.baseline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The last few minutes of a service's complaints that the pooled complaint rule looks back on: a
 * bounded ring of {@link PooledMinute}s, oldest first, holding only minutes that had complaints and
 * none older than the pool. Mutable; {@link #minutes()} is what to keep in state afterwards, and is
 * empty, so nothing is kept, once the last complaint has left the pool.
 */
public final class RecentComplainers {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    // Computed once: Duration.multipliedBy goes through BigDecimal, and this is asked every minute.
    private final Duration poolSpanBeforeLast;
    private final ArrayList<PooledMinute> minutes;

    /** The ring of a pool of {@code poolMinutes}, going on from {@code stored}. */
    public RecentComplainers(int poolMinutes, List<PooledMinute> stored) {
        if (poolMinutes < 1) {
            throw new IllegalArgumentException(
                    "poolMinutes must be at least 1, got " + poolMinutes);
        }
        this.poolSpanBeforeLast = MINUTE.multipliedBy(poolMinutes - 1L);
        this.minutes = new ArrayList<>(Objects.requireNonNull(stored, "stored"));
    }

    /** The start of the pool's first minute when {@code minuteStart} is its last. */
    public Instant poolStart(Instant minuteStart) {
        return minuteStart.minus(poolSpanBeforeLast);
    }

    /** The kept minutes of the pool ending with {@code minuteStart}, that minute excluded. */
    public List<PooledMinute> before(Instant minuteStart) {
        Instant from = poolStart(minuteStart);
        List<PooledMinute> inPool = new ArrayList<>();
        for (PooledMinute minute : minutes) {
            if (!minute.minuteStart().isBefore(from)
                    && minute.minuteStart().isBefore(minuteStart)) {
                inPool.add(minute);
            }
        }
        return inPool;
    }

    /**
     * Distinct authors among {@code pooled} and the hashes of one more minute. Asked for every
     * minute with complaints, so it counts over one sorted array rather than a set of boxed hashes.
     */
    public static int distinctAuthors(List<PooledMinute> pooled, long[] latest) {
        int total = latest.length;
        for (PooledMinute minute : pooled) {
            total += minute.authorHashes().length;
        }
        long[] hashes = Arrays.copyOf(latest, total);
        int filled = latest.length;
        for (PooledMinute minute : pooled) {
            long[] sample = minute.authorHashes();
            System.arraycopy(sample, 0, hashes, filled, sample.length);
            filled += sample.length;
        }
        Arrays.sort(hashes);
        int distinct = 0;
        for (int i = 0; i < hashes.length; i++) {
            if (i == 0 || hashes[i] != hashes[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }

    /**
     * Adds a decided minute, if it had complaints, and drops the minutes that no later pool
     * includes. Minutes must come in time order.
     */
    public void add(PooledMinute minute) {
        Objects.requireNonNull(minute, "minute");
        forgetBefore(poolStart(minute.minuteStart()).plus(MINUTE));
        if (minute.complaints() > 0 && minute.authorHashes().length > 0) {
            minutes.add(minute);
        }
    }

    /** Quiet minutes up to {@code lastQuietMinute}: drops what no pool after it includes. */
    public void passQuiet(Instant lastQuietMinute) {
        forgetBefore(poolStart(lastQuietMinute).plus(MINUTE));
    }

    private void forgetBefore(Instant keepFrom) {
        minutes.removeIf(kept -> kept.minuteStart().isBefore(keepFrom));
    }

    /** Forgets every minute: the pool cannot fire while the service is this busy. */
    public void clear() {
        minutes.clear();
    }

    /** The kept minutes, oldest first. */
    public List<PooledMinute> minutes() {
        return List.copyOf(minutes);
    }
}
