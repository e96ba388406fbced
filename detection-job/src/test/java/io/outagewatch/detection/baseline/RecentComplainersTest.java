package io.outagewatch.detection.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecentComplainersTest {

    private static final int POOL = 10;
    private static final Instant START = Instant.parse("2024-05-14T02:40:00Z");
    private static final double EXPECTED = 0.06;

    private static Instant minute(int m) {
        return START.plus(Duration.ofMinutes(m));
    }

    private static PooledMinute complaints(int m, long... hashes) {
        return new PooledMinute(minute(m), hashes.length, EXPECTED, hashes);
    }

    @Test
    void keepsOnlyMinutesWithComplaintsThatALaterPoolIncludes() {
        RecentComplainers ring = new RecentComplainers(POOL, List.of());
        ring.add(complaints(0, 1L));
        ring.add(complaints(1));
        ring.add(complaints(5, 2L, 3L));

        assertThat(ring.minutes()).containsExactly(complaints(0, 1L), complaints(5, 2L, 3L));

        // The pool ending at minute 10 starts at minute 1: minute 0 is of no later pool.
        ring.add(complaints(10, 4L));
        assertThat(ring.minutes()).containsExactly(complaints(5, 2L, 3L), complaints(10, 4L));
    }

    @Test
    void countsEachAuthorOnceOverThePool() {
        RecentComplainers ring = new RecentComplainers(POOL, List.of());
        for (int m = 0; m < POOL - 1; m++) {
            ring.add(complaints(m, 7L, 100L + m));
        }

        List<PooledMinute> before = ring.before(minute(POOL - 1));

        assertThat(before).hasSize(POOL - 1);
        assertThat(RecentComplainers.distinctAuthors(before, new long[] {7L, 200L}))
                .isEqualTo(1 + (POOL - 1) + 1);
    }

    /** Random pools, with authors drawn from a small set so they repeat, against a plain set. */
    @Test
    void countsTheSameAuthorsAsASetOfThemWould() {
        SplittableRandom random = new SplittableRandom(15);
        for (int trial = 0; trial < 2_000; trial++) {
            List<PooledMinute> pooled = new ArrayList<>();
            Set<Long> expected = new HashSet<>();
            for (int m = random.nextInt(POOL); m > 0; m--) {
                long[] hashes = randomHashes(random);
                pooled.add(complaints(m, hashes));
                for (long hash : hashes) {
                    expected.add(hash);
                }
            }
            long[] latest = randomHashes(random);
            for (long hash : latest) {
                expected.add(hash);
            }

            assertThat(RecentComplainers.distinctAuthors(pooled, latest))
                    .as("trial %d", trial)
                    .isEqualTo(expected.size());
        }
    }

    private static long[] randomHashes(SplittableRandom random) {
        long[] hashes = new long[random.nextInt(9)];
        for (int i = 0; i < hashes.length; i++) {
            hashes[i] = random.nextBoolean() ? random.nextLong(-4, 5) : random.nextLong();
        }
        return hashes;
    }

    @Test
    void thePoolOfAMinuteLeavesOutOlderMinutesAndTheMinuteItself() {
        RecentComplainers ring = new RecentComplainers(POOL, List.of());
        ring.add(complaints(0, 1L));
        ring.add(complaints(3, 2L));

        assertThat(ring.poolStart(minute(12))).isEqualTo(minute(3));
        assertThat(ring.before(minute(12))).containsExactly(complaints(3, 2L));
        assertThat(ring.before(minute(3))).containsExactly(complaints(0, 1L));
    }

    @Test
    void isEmptyOnceTheLastComplaintHasLeftThePool() {
        RecentComplainers ring = new RecentComplainers(POOL, List.of(complaints(0, 1L)));

        // The pool of minute 9, the next to decide, still includes minute 0.
        ring.passQuiet(minute(POOL - 2));
        assertThat(ring.minutes()).hasSize(1);

        ring.passQuiet(minute(POOL - 1));
        assertThat(ring.minutes()).isEmpty();
    }

    @Test
    void clearForgetsEverything() {
        RecentComplainers ring = new RecentComplainers(POOL, List.of(complaints(0, 1L)));

        ring.clear();

        assertThat(ring.minutes()).isEmpty();
    }
}
