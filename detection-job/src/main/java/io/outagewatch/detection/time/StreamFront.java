package io.outagewatch.detection.time;

import java.time.Duration;
import java.util.Arrays;

/**
 * Where the bulk of one ordered stream (one Kafka partition, one file) is in event time, estimated
 * from the event times of its valid records in arrival order so that no minority of them can drag
 * it ahead: not one record dated 2099, not a handful a day ahead, not one vantage in three whose
 * clock runs 50 minutes fast.
 *
 * <p>The front is the largest of three estimates, and never moves back:
 *
 * <ul>
 *   <li><b>The bulk:</b> the {@value #QUANTILE_PERCENT}th percentile of the last {@code window}
 *       event times, once at least half the window has been seen. To move it, four records in five
 *       of the window must be ahead, so a sub-stream that makes up a third of the records does not
 *       move it (with the default window of 64, the chance that a randomly interleaved third fills
 *       52 of 64 slots is below 10<sup>-14</sup> per record), nor does a half whose records
 *       alternate with the others', as probes sent on schedules do (a randomly interleaved half is
 *       not safe: see the third estimate). The price is that it trails an in-order stream by four
 *       fifths of the window: 51 records with the default, a fraction of a second in a busy
 *       partition, 51 seconds at one record a second, hours in a stream of status updates; and a
 *       legitimate jump, such as a stream resuming after a gap, is followed after 52 records.
 *   <li><b>The newest records of a quiet stream:</b> the {@value #QUICK_SUPPORT}th newest event
 *       time, when the {@value #QUICK_SUPPORT} newest are each more than the tolerance apart (the
 *       stream is sparse, not a dense burst) and no record in the window has fallen back more than
 *       the tolerance behind an earlier one (nothing contradicts them). A status stream with
 *       updates hours apart is then followed three records behind, not 51, and a jump after a quiet
 *       gap after {@value #QUICK_SUPPORT} records. The price: in such a quiet, orderly stream a run
 *       of {@value #QUICK_SUPPORT} records in a row dated ahead moves the front; three do not, and
 *       any record that falls back behind them turns this estimate off for a window.
 *   <li><b>The bulk above a slow minority:</b> when, for a whole window of records in a row, the
 *       lowest records of the window, fewer than two fifths of it, are cut off from the rest by a
 *       gap longer than both the tolerance and the spread of the rest's bulk, the bulk of the rest.
 *       Without it a vantage in three whose clock runs slow would hold the bulk from the first
 *       records on; with it the front leaves it behind a window after it is established, and from
 *       then on its records are late. A slow sub-stream of half the records, or one whose records
 *       overlap the others' in the window (a skew shorter than the time the window spans), is not
 *       left behind: the front stays with it, so nothing is late, only held back. The price: when
 *       half of the records run ahead in random order, the good half's share of a window wanders
 *       and can stay below two fifths for a whole window, and the front then jumps to the half
 *       ahead (seen once in 200,000 records at a window of 128).
 * </ul>
 *
 * <p>A record more than the tolerance behind the front does not vote: it is late (its stream has
 * moved on), and once the front is established a sub-stream whose clock runs slow cannot hold it
 * back. It does count as a fall back.
 *
 * <p>Deterministic (the same event times in the same order give the same fronts) and not thread
 * safe. Each record costs two binary searches and one array shift within the window, and, unless
 * the lowest two fifths of the window span less than the tolerance, a scan of them
 * (docs/event-time.md gives measured costs).
 */
public final class StreamFront {

    /** Records a front looks back over unless told otherwise: robust to a third, see above. */
    public static final int DEFAULT_WINDOW = 64;

    /** The smallest window: below it the bulk estimate is not robust to a handful of records. */
    public static final int MIN_WINDOW = 16;

    /** Which percentile of the window is the bulk. */
    static final int QUANTILE_PERCENT = 20;

    /** Records that move the front of a quiet stream. */
    static final int QUICK_SUPPORT = 4;

    /** What {@link #front()} returns before the front is known. */
    public static final long UNKNOWN = Long.MIN_VALUE;

    private final int window;
    private final long toleranceMillis;

    /** The window's event times in arrival order, a ring starting at {@link #oldest}. */
    private final long[] arrivals;

    /** The same event times, sorted. */
    private final long[] sorted;

    private int size;
    private int oldest;
    private long admitted;

    /** {@link #admitted} just after the last record that fell back; quiet again a window later. */
    private long lastFallBack;

    /** Records in a row whose window had a slow minority at its bottom. */
    private int slowMinorityStreak;

    private long front = UNKNOWN;

    /**
     * @param window how many of the latest event times the bulk is taken over; at least {@value
     *     #MIN_WINDOW}
     * @param tolerance how far records may be out of order: one further behind the front is late
     *     and does not vote, and records closer together than this count as dense
     */
    public StreamFront(int window, Duration tolerance) {
        checkSettings(window, tolerance);
        this.window = window;
        this.toleranceMillis = tolerance.toMillis();
        this.arrivals = new long[window];
        this.sorted = new long[window];
        this.lastFallBack = -window;
    }

    /** Fails, naming the setting, unless a front can be made with these. */
    public static void checkSettings(int window, Duration tolerance) {
        if (window < MIN_WINDOW) {
            throw new IllegalArgumentException(
                    "the front's window must be at least "
                            + MIN_WINDOW
                            + " records (outagewatch.watermark.front-window): "
                            + window);
        }
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance must not be negative: " + tolerance);
        }
    }

    /**
     * Takes the next record's event time and moves the front if the stream supports it.
     *
     * @return whether the record voted: false for one more than the tolerance behind the front
     */
    public boolean observe(long eventTime) {
        boolean behind = front != UNKNOWN && eventTime < front - toleranceMillis;
        if (behind || (size > 0 && eventTime < sorted[size - 1] - toleranceMillis)) {
            lastFallBack = admitted + (behind ? 0 : 1);
        }
        if (behind) {
            return false;
        }
        add(eventTime);
        admitted++;
        long candidate = Math.max(Math.max(bulk(), quietNewest()), aboveSlowMinority());
        if (candidate > front) {
            front = candidate;
        }
        return true;
    }

    /** Whether the stream has shown enough records to have a front. */
    public boolean isKnown() {
        return front != UNKNOWN;
    }

    /** The front, or {@link #UNKNOWN} before enough records; it never moves back. */
    public long front() {
        return front;
    }

    /** How far an event time is ahead of the front (negative: behind it). Needs a known front. */
    public long aheadOf(long eventTime) {
        requireKnown();
        return eventTime - front;
    }

    /**
     * Whether a record arriving now is further ahead of the stream than {@code bound}: ahead of the
     * front by more than the bound plus {@link #trailing()}, so in a dense stream a record 5
     * minutes ahead is judged, and in a stream of status updates hours apart only records further
     * ahead than hours are. Never true before the front is known, nor while fewer than {@value
     * #MIN_WINDOW} records are in the window.
     *
     * <p>This judges at arrival, for a caller that cannot wait; a stream that resumes after a gap
     * larger than the bound has its first records judged ahead until the front follows it (52
     * records with the default window). {@link ReorderBuffer} waits instead.
     */
    public boolean isFarAhead(long eventTime, Duration bound) {
        if (!isEstablished()) {
            return false;
        }
        return (double) eventTime - front > (double) bound.toMillis() + trailing();
    }

    /** Known from enough records ({@link #MIN_WINDOW}) to judge a record far ahead. */
    public boolean isEstablished() {
        return isKnown() && size >= MIN_WINDOW;
    }

    /**
     * How far the front normally trails the stream's newest records, estimated without them: the
     * records above the bulk times the spacing of those below it (the bulk's distance from the
     * window's lowest record per record between them). A fraction of a second in a dense stream,
     * hours in a stream of hourly updates; 0 with fewer than two records.
     */
    public long trailing() {
        if (size < 2) {
            return 0;
        }
        int rank = Math.max(bulkRank(), 1);
        double spacing = ((double) sorted[rank] - sorted[0]) / rank;
        return (long) Math.min(spacing * (size - 1 - bulkRank()), Long.MAX_VALUE);
    }

    /**
     * The bulk of whatever the window holds, even before the front is known, and never behind the
     * front: what the stream's front is taken to be when it ends. {@link #UNKNOWN} if nothing was
     * observed.
     */
    public long settledFront() {
        if (size == 0) {
            return front;
        }
        int above = slowMinoritySplit();
        return Math.max(front, sorted[above < 0 ? bulkRank() : upperBulkIndex(above)]);
    }

    /** Records that voted so far. */
    public long admitted() {
        return admitted;
    }

    /** How many of the latest event times the bulk is taken over. */
    public int window() {
        return window;
    }

    private void requireKnown() {
        if (!isKnown()) {
            throw new IllegalStateException("the stream's front is not known yet");
        }
    }

    private long bulk() {
        return size * 2 >= window ? sorted[bulkRank()] : UNKNOWN;
    }

    private int bulkRank() {
        return (size - 1) * QUANTILE_PERCENT / 100;
    }

    private long aboveSlowMinority() {
        int above = size * 2 >= window ? slowMinoritySplit() : -1;
        if (above < 0) {
            slowMinorityStreak = 0;
            return UNKNOWN;
        }
        slowMinorityStreak++;
        return slowMinorityStreak >= window ? sorted[upperBulkIndex(above)] : UNKNOWN;
    }

    /**
     * The index of the first record above a slow minority at the bottom of the window, or -1: the
     * highest gap below two fifths of the window that is longer than the tolerance and than the
     * spread of the bulk above it.
     */
    private int slowMinoritySplit() {
        int highest = (size * 2 - 1) / 5;
        if (highest <= 0 || sorted[highest] - sorted[0] <= toleranceMillis) {
            // No gap longer than the tolerance fits in a span no longer than it: a dense stream's
            // usual case, decided without the scan.
            return -1;
        }
        for (int above = highest; above > 0; above--) {
            long gap = sorted[above] - sorted[above - 1];
            if (gap > toleranceMillis && gap > sorted[upperBulkIndex(above)] - sorted[above]) {
                return above;
            }
        }
        return -1;
    }

    /** The index of the bulk of the records from {@code above} up. */
    private int upperBulkIndex(int above) {
        return above + (size - above - 1) * QUANTILE_PERCENT / 100;
    }

    private long quietNewest() {
        if (size < QUICK_SUPPORT || admitted - lastFallBack < window) {
            return UNKNOWN;
        }
        for (int i = size - QUICK_SUPPORT + 1; i < size; i++) {
            if (sorted[i] - sorted[i - 1] <= toleranceMillis) {
                return UNKNOWN;
            }
        }
        return sorted[size - QUICK_SUPPORT];
    }

    /** Adds an event time to the window, replacing the oldest when it is full. */
    private void add(long eventTime) {
        if (size < window) {
            int at = insertionPoint(eventTime, size);
            System.arraycopy(sorted, at, sorted, at + 1, size - at);
            sorted[at] = eventTime;
            arrivals[(oldest + size) % window] = eventTime;
            size++;
            return;
        }
        int leaving = Arrays.binarySearch(sorted, 0, size, arrivals[oldest]);
        arrivals[oldest] = eventTime;
        oldest = (oldest + 1) % window;
        int at = insertionPoint(eventTime, size);
        if (at > leaving) {
            // The gap left at `leaving` moves up to just below the insertion point.
            System.arraycopy(sorted, leaving + 1, sorted, leaving, at - 1 - leaving);
            sorted[at - 1] = eventTime;
        } else {
            System.arraycopy(sorted, at, sorted, at + 1, leaving - at);
            sorted[at] = eventTime;
        }
    }

    /** The index of the first sorted value greater than {@code eventTime}. */
    private int insertionPoint(long eventTime, int length) {
        int low = 0;
        int high = length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] <= eventTime) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
