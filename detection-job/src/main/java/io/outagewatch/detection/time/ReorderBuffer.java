package io.outagewatch.detection.time;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Puts one bounded input (a replayed file, read by one reader) back into event-time order, so that
 * lines out of order by up to the disorder bound cost nothing and a shuffled file releases exactly
 * what the same file sorted by time does.
 *
 * <p>Offered each valid record in file order, it decides each record's fate once, through the
 * consumer it is given ({@link Reordered}):
 *
 * <ul>
 *   <li><b>Released</b>, in order of event time, then of the caller's tie comparator: a record goes
 *       once its stream's {@link StreamFront front} is more than the disorder bound past it. The
 *       front is never ahead of the newest record read, so a record at most the bound behind any
 *       line before it is still buffered when it arrives and takes its place in the order.
 *   <li><b>Late</b>: it is behind records already released (more than the disorder bound behind the
 *       front). It does not move the front.
 *   <li><b>Refused</b>: it was more than {@code maxAhead} ahead of the front when it was read (or
 *       the front was not known yet), and after two windows of later records (the front's window is
 *       64 by default) it still is. A stream that really jumps ahead, such as one resuming after a
 *       gap, is followed by its front within one window, so its records are kept (the second window
 *       lets the front leave a slow vantage behind at a cold start); one record dated 2099, a
 *       handful a day ahead, or a vantage whose clock runs fast are not, and are refused two
 *       windows after they were read. The first lines of a file are judged the same way, so a 2099
 *       record on line 1 is refused too. At the end of the input the rest is released, except
 *       records still more than {@code maxAhead} ahead of the final front.
 * </ul>
 *
 * <p>Records less than {@code maxAhead} but more than the bound ahead of their stream (a vantage
 * whose clock is 20 minutes fast) are kept and released when the stream reaches their time.
 *
 * <p><b>Memory:</b> the records inside the disorder window (from the front back by the bound),
 * those ahead of the front, and at most two windows of records awaiting judgement. A hard {@code
 * capacity} caps it: when more are buffered, the earliest event time is released at once with all
 * its records, and records that arrive later with an earlier time are late (with {@link
 * Reordered.Late#allowedMillis()} telling how much disorder was still allowed). The file is then
 * treated as if its disorder bound were shorter; nothing is lost without a verdict.
 *
 * <p>Deterministic, single-threaded, and for one input only: use one buffer per file.
 *
 * @param <T> the record
 */
public final class ReorderBuffer<T> {

    /**
     * Windows of later records a record read far ahead waits before it is judged: one for its
     * stream's front to follow a jump, one more for the front to leave a slow minority behind.
     */
    static final int JUDGEMENT_WINDOWS = 2;

    private final StreamFront front;
    private final int judgementAge;
    private final long maxDisorderMillis;
    private final long maxAheadMillis;
    private final int capacity;
    private final TreeSet<Entry<T>> buffered;
    private final ArrayDeque<Entry<T>> awaitingJudgement = new ArrayDeque<>();

    /** Records with an earlier event time have all been released; offered now, they are late. */
    private long releasedBelow = Long.MIN_VALUE;

    private long lastReleased = Long.MIN_VALUE;
    private long arrivals;
    private boolean finished;

    /**
     * @param maxDisorder how far out of order a record may be and still be released in order
     *     ({@code outagewatch.replay.max-disorder})
     * @param maxAhead how far ahead of its stream a record may be; more than {@code maxDisorder}
     *     ({@code outagewatch.replay.max-ahead})
     * @param window the front's window, in records ({@code outagewatch.watermark.front-window})
     * @param capacity the most records buffered; at least four windows
     * @param ties orders records with the same event time. It should tell any two different records
     *     apart (the lead's: their raw bytes); records it calls equal go in file order.
     */
    public ReorderBuffer(
            Duration maxDisorder,
            Duration maxAhead,
            int window,
            int capacity,
            Comparator<? super T> ties) {
        Objects.requireNonNull(ties, "ties");
        if (maxDisorder.isNegative()) {
            throw new IllegalArgumentException("maxDisorder must not be negative: " + maxDisorder);
        }
        if (maxAhead.compareTo(maxDisorder) <= 0) {
            throw new IllegalArgumentException(
                    "maxAhead ("
                            + maxAhead
                            + ") must be more than maxDisorder ("
                            + maxDisorder
                            + "): a record inside the disorder bound must never be refused");
        }
        if (capacity < 2 * JUDGEMENT_WINDOWS * window) {
            throw new IllegalArgumentException(
                    "capacity must be at least "
                            + 2 * JUDGEMENT_WINDOWS * window
                            + " (four windows) records: "
                            + capacity);
        }
        this.front = new StreamFront(window, maxDisorder);
        this.judgementAge = JUDGEMENT_WINDOWS * window;
        this.maxDisorderMillis = maxDisorder.toMillis();
        this.maxAheadMillis = maxAhead.toMillis();
        this.capacity = capacity;
        Comparator<Entry<T>> order =
                Comparator.<Entry<T>>comparingLong(Entry::eventTime)
                        .thenComparing(Entry::value, ties)
                        .thenComparingLong(Entry::arrival);
        this.buffered = new TreeSet<>(order);
    }

    /**
     * Takes the next valid record of the input and hands every record decided because of it to
     * {@code out}: this one if it is late, and any released or refused.
     */
    public void offer(T value, long eventTime, Consumer<? super Reordered<T>> out) {
        if (finished) {
            throw new IllegalStateException("offered after finish()");
        }
        if (eventTime < releasedBelow) {
            long reference = front.isKnown() ? front.front() : releasedBelow;
            out.accept(
                    new Reordered.Late<>(
                            value,
                            eventTime,
                            reference - eventTime,
                            reference - releasedBelow,
                            front.front()));
            return;
        }
        // Not late, so not more than the disorder bound behind the front: it votes.
        front.observe(eventTime);
        Entry<T> entry = new Entry<>(value, eventTime, arrivals++);
        buffered.add(entry);
        if (!front.isKnown() || front.aheadOf(eventTime) > maxAheadMillis) {
            awaitingJudgement.add(entry);
        }
        judgeThoseOldEnough(out);
        if (front.isKnown()) {
            releasedBelow = Math.max(releasedBelow, front.front() - maxDisorderMillis);
        }
        releaseBelow(releasedBelow, out);
        while (buffered.size() > capacity) {
            long earliest = buffered.first().eventTime();
            releasedBelow = Math.max(releasedBelow, earliest + 1);
            releaseBelow(releasedBelow, out);
        }
    }

    /**
     * The input has ended: releases everything still buffered, in order, except records more than
     * {@code maxAhead} ahead of both the stream's final front ({@link StreamFront#settledFront()},
     * which exists even for an input too short to have had a front) plus the distance by which the
     * front normally trails the newest records ({@link StreamFront#trailing()}), and of every
     * record kept before them: no later records will come to let the front follow the last ones, so
     * a sparse stream's last records, hours ahead of its front, are kept as long as each follows
     * the one before by no more than {@code maxAhead}.
     */
    public void finish(Consumer<? super Reordered<T>> out) {
        if (finished) {
            return;
        }
        finished = true;
        // The newest time the stream vouches for: its settled front and how far the front trails
        // its newest records. A record kept extends it, so a file that thins out at its end (posts
        // minutes apart at night, after a busy day whose records the front still spans) keeps
        // every line no further than maxAhead after the one before; a record dated ahead of all
        // others by more than that (2099, a day ahead) is still refused.
        long reach = saturatedSum(front.settledFront(), front.trailing());
        for (Entry<T> entry : buffered) {
            long ahead = entry.eventTime() - reach;
            if (ahead > maxAheadMillis) {
                out.accept(refusal(entry, ahead, maxAheadMillis, reach));
            } else {
                release(entry, out);
                reach = Math.max(reach, entry.eventTime());
            }
        }
        buffered.clear();
        awaitingJudgement.clear();
    }

    /**
     * A watermark for the records released so far: every record released later has a greater event
     * time (the last released minus 1 ms; {@code Long.MIN_VALUE} before the first release). A
     * source emitting the released records in order may emit it after each, and no record can be
     * late downstream of it.
     */
    public long watermark() {
        return lastReleased == Long.MIN_VALUE ? Long.MIN_VALUE : lastReleased - 1;
    }

    /** The input's stream front, as the buffer sees it. */
    public long front() {
        return front.front();
    }

    /** Records buffered now, awaiting release or judgement. */
    public int buffered() {
        return buffered.size();
    }

    private void judgeThoseOldEnough(Consumer<? super Reordered<T>> out) {
        while (!awaitingJudgement.isEmpty()
                && arrivals - awaitingJudgement.peekFirst().arrival() > judgementAge
                && front.isKnown()) {
            Entry<T> entry = awaitingJudgement.pollFirst();
            long ahead = front.aheadOf(entry.eventTime());
            if (ahead > maxAheadMillis && buffered.remove(entry)) {
                out.accept(refusal(entry, ahead, maxAheadMillis, front.front()));
            }
        }
    }

    private Reordered.Refused<T> refusal(Entry<T> entry, long ahead, long allowed, long frontThen) {
        return new Reordered.Refused<>(entry.value(), entry.eventTime(), ahead, allowed, frontThen);
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    private void releaseBelow(long bound, Consumer<? super Reordered<T>> out) {
        while (!buffered.isEmpty() && buffered.first().eventTime() < bound) {
            release(buffered.pollFirst(), out);
        }
    }

    private void release(Entry<T> entry, Consumer<? super Reordered<T>> out) {
        lastReleased = entry.eventTime();
        out.accept(new Reordered.Released<>(entry.value(), entry.eventTime()));
    }

    private record Entry<T>(T value, long eventTime, long arrival) {}
}
