package io.outagewatch.detection.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.detection.time.ProbeStream.Probe;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StreamFrontTest {

    /** The live job's out-of-orderness. */
    private static final Duration TOLERANCE = Duration.ofSeconds(30);

    private static final int WINDOW = StreamFront.DEFAULT_WINDOW;

    /** Where the bulk sits in a full window: the 20th percentile, rank 12 of 0..63. */
    private static final int BULK_RANK = (WINDOW - 1) * StreamFront.QUANTILE_PERCENT / 100;

    /** Records by which the bulk trails an in-order stream: those above the bulk in the window. */
    private static final int BULK_TRAILS = WINDOW - 1 - BULK_RANK;

    /**
     * More than a window of the other vantages' probes spans, by which the front may trail them:
     * two vantages probing 20 services a minute send 40 probes a minute, so 64 span 96 s.
     */
    private static final Duration A_WINDOW_OF_PROBES = Duration.ofMinutes(2);

    private static final long START = ProbeStream.START.toEpochMilli();
    private static final long SECOND = Duration.ofSeconds(1).toMillis();
    private static final long HOUR = Duration.ofHours(1).toMillis();

    /** A stream of one record a second, in order. */
    private static long everySecond(int i) {
        return START + i * SECOND;
    }

    @Test
    void theFrontIsTheLargestTwentiethPercentileOfTheLatestWindowSoFar() {
        // A large tolerance keeps every record voting and the quiet-stream estimate off, so the
        // front must be exactly this reference, computed by sorting a copy of the window.
        Random random = new Random(3);
        StreamFront front = new StreamFront(WINDOW, Duration.ofDays(1));
        ArrayDeque<Long> window = new ArrayDeque<>();
        long expected = StreamFront.UNKNOWN;
        for (int i = 0; i < 20_000; i++) {
            // A minute of disorder and many ties, as seconds are drawn from a narrow range.
            long eventTime = START + (i / 10 + random.nextInt(60)) * SECOND;
            front.observe(eventTime);
            window.addLast(eventTime);
            if (window.size() > WINDOW) {
                window.removeFirst();
            }
            if (window.size() * 2 >= WINDOW) {
                long[] sorted = window.stream().mapToLong(Long::longValue).sorted().toArray();
                expected = Math.max(expected, sorted[(sorted.length - 1) * 20 / 100]);
            }
            assertThat(front.front()).as("record %d", i).isEqualTo(expected);
        }
    }

    @Test
    void theFrontIsUnknownUntilHalfAWindowOfADenseStream() {
        StreamFront front = new StreamFront(WINDOW, TOLERANCE);
        for (int i = 0; i < WINDOW / 2 - 1; i++) {
            front.observe(everySecond(i));
        }
        assertThat(front.isKnown()).isFalse();
        assertThat(front.front()).isEqualTo(StreamFront.UNKNOWN);
        assertThatThrownBy(() -> front.aheadOf(START)).isInstanceOf(IllegalStateException.class);

        front.observe(everySecond(WINDOW / 2 - 1));

        assertThat(front.isKnown()).isTrue();
    }

    @Test
    void aDenseInOrderStreamIsTrailedByFourFifthsOfTheWindow() {
        StreamFront front = new StreamFront(WINDOW, TOLERANCE);
        for (int i = 0; i < 1_000; i++) {
            front.observe(everySecond(i));
            if (i >= WINDOW) {
                assertThat(front.front()).isEqualTo(everySecond(i - BULK_TRAILS));
            }
        }
    }

    /** Where records stamped by a wrong clock sit in a dense stream of good ones. */
    enum Placement {
        FIRST_RECORD(0, 1, 1),
        ONE_IN_THE_MIDDLE(1_000, 1, 1),
        FIVE_IN_A_ROW(1_000, 5, 1),
        EVERY_TENTH_RECORD(0, 200, 10);

        final int first;
        final int count;
        final int every;

        Placement(int first, int count, int every) {
            this.first = first;
            this.count = count;
            this.every = every;
        }

        boolean isWrong(int i) {
            return i >= first && (i - first) % every == 0 && (i - first) / every < count;
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Skew.class)
    void recordsDatedAheadMoveNothingWhereverTheyAre(Skew skew) {
        for (Placement placement : Placement.values()) {
            StreamFront front = new StreamFront(WINDOW, TOLERANCE);
            long newestGood = Long.MIN_VALUE;
            for (int i = 0; i < 3_000; i++) {
                boolean wrong = placement.isWrong(i);
                front.observe(wrong ? skew.stamp(everySecond(i)) : everySecond(i));
                newestGood = wrong ? newestGood : everySecond(i);
                assertThat(front.front())
                        .as("%s, record %d", placement, i)
                        .isLessThanOrEqualTo(newestGood);
            }
            assertThat(front.front())
                    .as("%s: still following the good records", placement)
                    .isGreaterThanOrEqualTo(everySecond(3_000 - 1 - BULK_TRAILS - 1));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Skew.class)
    void oneVantageInThreeRunningAheadMovesNothing(Skew skew) {
        List<Probe> probes =
                ProbeStream.withSkewedVantage(ProbeStream.probes(3, 20, 600, 7), 0, skew);

        assertFollowsTheOthers(probes, 0, new StreamFront(WINDOW, TOLERANCE));
    }

    @Test
    void oneVantageInTwoRunningAheadMovesNothingWhenTheirRecordsAlternate() {
        List<Probe> probes =
                ProbeStream.withSkewedVantage(
                        ProbeStream.probes(2, 20, 600, 8), 0, Skew.FIFTY_MINUTES_AHEAD);

        assertFollowsTheOthers(probes, 0, new StreamFront(WINDOW, TOLERANCE));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Skew.class)
    void aRandomlyInterleavedThirdOfTheRecordsRunningAheadMovesNothing(Skew skew) {
        assertRandomShareAheadMovesNothing(1.0 / 3, skew);
    }

    /**
     * 200,000 records, 100 ms apart in real time, each from the wrong clock with probability {@code
     * share}, in random order: the front is never ahead of the newest good record.
     */
    private static void assertRandomShareAheadMovesNothing(double share, Skew skew) {
        Random random = new Random(11);
        StreamFront front = new StreamFront(WINDOW, TOLERANCE);
        long newestGood = Long.MIN_VALUE;
        long tenthOfASecond = SECOND / 10;
        for (int i = 0; i < 200_000; i++) {
            long real = START + i * tenthOfASecond;
            boolean wrong = random.nextDouble() < share;
            front.observe(wrong ? skew.stamp(real) : real);
            newestGood = wrong ? newestGood : real;
            if (front.front() > newestGood) {
                throw new AssertionError("record " + i + ": front moved ahead of the good records");
            }
        }
        assertThat(front.front()).isGreaterThan(START + 199_000 * tenthOfASecond);
    }

    @Test
    void aVantageInThreeRunningSlowIsLeftBehindAndItsRecordsAreLate() {
        List<Probe> fast = ProbeStream.probes(3, 20, 60, 9);
        List<Probe> probes =
                fast.stream()
                        .map(
                                p ->
                                        p.vantage() == 0
                                                ? new Probe(
                                                        0,
                                                        p.service(),
                                                        p.eventTime()
                                                                - Duration.ofMinutes(50).toMillis())
                                                : p)
                        .toList();
        StreamFront front = new StreamFront(WINDOW, TOLERANCE);
        int lastSlowThatVoted = -1;
        for (int i = 0; i < probes.size(); i++) {
            boolean voted = front.observe(probes.get(i).eventTime());
            if (voted && probes.get(i).vantage() == 0) {
                lastSlowThatVoted = i;
            }
        }

        // Established after half a window, left behind after a whole window more of slow bottoms.
        assertThat(lastSlowThatVoted).isLessThan(WINDOW / 2 + WINDOW + 3);
        assertThat(front.front())
                .isGreaterThanOrEqualTo(
                        ProbeStream.newestOfOthers(probes, probes.size(), 0)
                                - A_WINDOW_OF_PROBES.toMillis());
    }

    @Test
    void aSparseStreamIsFollowedThreeRecordsBehind() {
        StreamFront front = new StreamFront(WINDOW, TOLERANCE);
        for (int i = 0; i < 200; i++) {
            front.observe(START + i * HOUR);
            if (i >= StreamFront.QUICK_SUPPORT - 1) {
                assertThat(front.front())
                        .isEqualTo(START + (i - StreamFront.QUICK_SUPPORT + 1) * HOUR);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Skew.class)
    void aSparseStreamIgnoresARecordDatedAheadAndIsFollowedClosely2WindowsLater(Skew skew) {
        int outlier = 10;
        StreamFront front = new StreamFront(WINDOW, TOLERANCE);
        long newestGood = Long.MIN_VALUE;
        for (int i = 0; i < 200; i++) {
            long real = START + i * HOUR;
            front.observe(i == outlier ? skew.stamp(real) : real);
            newestGood = i == outlier ? newestGood : real;
            assertThat(front.front()).as("record %d", i).isLessThanOrEqualTo(newestGood);
            // Every record falls back from the outlier while it is in the window; a window after
            // the last of them, nothing contradicts the newest records any more.
            if (i >= outlier + 2 * WINDOW) {
                assertThat(front.front())
                        .as("record %d", i)
                        .isEqualTo(START + (i - StreamFront.QUICK_SUPPORT + 1) * HOUR);
            }
        }
    }

    @Test
    void aDenseStreamResumingAfterAGapIsFollowedOnceFourFifthsOfTheWindowHaveResumed() {
        StreamFront front = new StreamFront(WINDOW, TOLERANCE);
        for (int i = 0; i < 500; i++) {
            front.observe(everySecond(i));
        }
        long resumed = everySecond(500) + Duration.ofHours(3).toMillis();
        int recordsToFollow = WINDOW - BULK_RANK;
        for (int i = 0; i < recordsToFollow; i++) {
            assertThat(front.front()).isLessThan(resumed);
            front.observe(resumed + i * SECOND);
        }
        assertThat(front.front()).isEqualTo(resumed);
    }

    @Test
    void aSparseStreamResumingAfterAGapIsFollowedAfterFourRecords() {
        StreamFront front = new StreamFront(WINDOW, TOLERANCE);
        for (int i = 0; i < 100; i++) {
            front.observe(START + i * HOUR);
        }
        long resumed = START + 100 * HOUR + Duration.ofDays(3).toMillis();
        for (int i = 0; i < StreamFront.QUICK_SUPPORT; i++) {
            assertThat(front.front()).isLessThan(resumed);
            front.observe(resumed + i * HOUR);
        }
        assertThat(front.front()).isEqualTo(resumed);
    }

    @Test
    void aRecordFurtherThanTheToleranceBehindTheFrontDoesNotVote() {
        StreamFront front = new StreamFront(WINDOW, TOLERANCE);
        for (int i = 0; i < 200; i++) {
            front.observe(everySecond(i));
        }

        assertThat(front.observe(front.front() - TOLERANCE.toMillis())).isTrue();
        assertThat(front.observe(front.front() - TOLERANCE.toMillis() - 1)).isFalse();
        assertThat(front.admitted()).isEqualTo(201);
    }

    @Test
    void inADenseStreamARecordMinutesAheadIsFarAheadAtOnce() {
        StreamFront front = new StreamFront(WINDOW, TOLERANCE);
        for (int i = 0; i < 200; i++) {
            front.observe(everySecond(i));
        }
        long newest = everySecond(199);
        Duration bound = Duration.ofMinutes(2);

        assertThat(front.isFarAhead(newest, bound)).isFalse();
        assertThat(front.isFarAhead(newest + Duration.ofMinutes(5).toMillis(), bound)).isTrue();
        assertThat(front.isFarAhead(Skew.YEAR_2099, bound)).isTrue();
        assertThat(front.aheadOf(newest)).isEqualTo(BULK_TRAILS * SECOND);
    }

    @Test
    void inAStreamOfHourlyUpdatesTheNextUpdateIsNotFarAheadButA2099OneIs() {
        StreamFront front = new StreamFront(WINDOW, TOLERANCE);
        for (int i = 0; i < 100; i++) {
            front.observe(START + i * HOUR);
        }
        Duration bound = Duration.ofMinutes(30);

        assertThat(front.isFarAhead(START + 100 * HOUR, bound)).isFalse();
        assertThat(front.isFarAhead(Skew.YEAR_2099, bound)).isTrue();
    }

    @Test
    void theSettledFrontOfAShortInputIsItsBulk() {
        StreamFront front = new StreamFront(WINDOW, TOLERANCE);
        assertThat(front.settledFront()).isEqualTo(StreamFront.UNKNOWN);
        long[] times = {Skew.YEAR_2099, everySecond(0), everySecond(1), everySecond(2)};
        Arrays.stream(times).forEach(front::observe);

        assertThat(front.isKnown()).isFalse();
        assertThat(front.settledFront()).isEqualTo(everySecond(0));
    }

    @Test
    void aWindowBelowTheMinimumIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new StreamFront(StreamFront.MIN_WINDOW - 1, TOLERANCE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outagewatch.watermark.front-window");
    }

    /**
     * Feeds the probes and checks, after every record, that the front is not ahead of the newest
     * record of the other vantages, and at the end that it still follows them: within {@link
     * #A_WINDOW_OF_PROBES}.
     */
    private static void assertFollowsTheOthers(List<Probe> probes, int skewed, StreamFront front) {
        long newestOthers = Long.MIN_VALUE;
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            front.observe(probe.eventTime());
            if (probe.vantage() != skewed) {
                newestOthers = Math.max(newestOthers, probe.eventTime());
            }
            if (front.front() > newestOthers) {
                throw new AssertionError("record " + i + ": front moved ahead of the others");
            }
        }
        assertThat(front.front())
                .isGreaterThanOrEqualTo(newestOthers - A_WINDOW_OF_PROBES.toMillis());
    }
}
