package io.outagewatch.detection.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.detection.time.ProbeStream.Probe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReorderBufferTest {

    /** The replay's defaults (outagewatch.replay.max-disorder and max-ahead). */
    private static final Duration MAX_DISORDER = Duration.ofMinutes(10);

    private static final Duration MAX_AHEAD = Duration.ofMinutes(30);
    private static final int WINDOW = StreamFront.DEFAULT_WINDOW;
    private static final int CAPACITY = 200_000;

    /** The smallest capacity allowed: four windows. */
    private static final int SMALLEST_CAPACITY = 4 * WINDOW;

    private static final long START = ProbeStream.START.toEpochMilli();
    private static final long SECOND = Duration.ofSeconds(1).toMillis();
    private static final long HOUR = Duration.ofHours(1).toMillis();

    /** The order a sorted file is released in: event time, then the line's bytes. */
    private static final Comparator<Probe> RELEASE_ORDER =
            Comparator.comparingLong(Probe::eventTime).thenComparing(Probe::json);

    @Test
    void aFileShuffledWithinTheDisorderBoundReleasesExactlyWhatTheSortedFileDoes() {
        List<Probe> probes = ProbeStream.probes(5, 20, 500, 21);
        assertThat(probes).hasSize(50_000);
        List<Probe> sortedByTime =
                probes.stream().sorted(Comparator.comparingLong(Probe::eventTime)).toList();
        List<Probe> shuffled = shuffledWithin(probes, MAX_DISORDER, new Random(22));
        assertThat(mostOutOfOrder(shuffled))
                .as("the shuffle uses most of the bound")
                .isGreaterThan(MAX_DISORDER.minusSeconds(10).toMillis())
                .isLessThanOrEqualTo(MAX_DISORDER.toMillis());

        List<Reordered<String>> fromSorted = reorder(sortedByTime);
        List<Reordered<String>> fromShuffled = reorder(shuffled);

        List<Reordered<String>> expected =
                probes.stream()
                        .sorted(RELEASE_ORDER)
                        .<Reordered<String>>map(
                                p -> new Reordered.Released<>(p.json(), p.eventTime()))
                        .toList();
        assertThat(fromSorted).isEqualTo(expected);
        assertThat(fromShuffled).isEqualTo(expected);
    }

    @Test
    void aLineJustInsideTheDisorderBoundIsReleasedInItsPlaceAndOneJustOutsideIsLate() {
        ReorderBuffer<String> buffer = newBuffer(CAPACITY);
        List<Reordered<String>> out = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            buffer.offer("line " + i, everySecond(i), out::add);
        }
        long front = buffer.front();
        long justInside = front - MAX_DISORDER.toMillis();
        buffer.offer("just inside", justInside, out::add);
        long justOutside = buffer.front() - MAX_DISORDER.toMillis() - 1;
        buffer.offer("just outside", justOutside, out::add);
        buffer.finish(out::add);

        assertThat(late(out))
                .containsExactly(
                        new Reordered.Late<>(
                                "just outside",
                                justOutside,
                                MAX_DISORDER.toMillis() + 1,
                                MAX_DISORDER.toMillis(),
                                front));
        assertThat(released(out)).hasSize(2_001).contains("just inside");
        assertReleasedInOrder(out);
    }

    @Test
    void a2099RecordOnTheFirstLineIsRefusedAndEveryOtherReleasedInOrder() {
        List<Probe> probes = new ArrayList<>(ProbeStream.probes(3, 20, 30, 23));
        Probe from2099 = probes.get(0).stampedBy(Skew.IN_2099);
        probes.set(0, from2099);

        List<Reordered<String>> out = reorder(probes);

        assertThat(refused(out)).extracting(Reordered::value).containsExactly(from2099.json());
        Reordered.Refused<String> refusal = refused(out).get(0);
        assertThat(refusal.aheadMillis()).isEqualTo(Skew.YEAR_2099 - refusal.front());
        assertThat(refusal.allowedMillis()).isEqualTo(MAX_AHEAD.toMillis());
        assertThat(refusal.front()).isBetween(START, START + Duration.ofMinutes(30).toMillis());
        assertThat(released(out)).hasSize(probes.size() - 1);
        assertThat(late(out)).isEmpty();
        assertReleasedInOrder(out);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Skew.class)
    void recordsDatedAheadAmongGoodOnesAreRefusedIfMoreThanMaxAheadAndNoGoodOneIsLost(Skew skew) {
        List<Probe> good = ProbeStream.probes(3, 20, 60, 24);
        List<Probe> wrong = new ArrayList<>();
        List<Probe> lines = new ArrayList<>(good);
        // One, then five in a row, then one in every ten of 400 records.
        IntStream.concat(
                        IntStream.of(500),
                        IntStream.concat(
                                IntStream.range(1_000, 1_005),
                                IntStream.iterate(2_000, i -> i < 2_400, i -> i + 10)))
                .forEach(
                        i -> {
                            Probe stamped = good.get(i).stampedBy(skew);
                            wrong.add(stamped);
                            lines.add(i + wrong.size(), stamped);
                        });

        List<Reordered<String>> out = reorder(lines);

        boolean tooFarAhead = skew.stamp(START) - START > MAX_AHEAD.toMillis();
        assertThat(refused(out))
                .extracting(Reordered::value)
                .containsExactlyInAnyOrderElementsOf(
                        tooFarAhead ? wrong.stream().map(Probe::json).toList() : List.of());
        assertThat(released(out))
                .containsAll(good.stream().map(Probe::json).toList())
                .hasSize(lines.size() - refused(out).size());
        assertThat(late(out)).isEmpty();
        assertReleasedInOrder(out);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Skew.class)
    void aVantageInThreeRunningAheadIsRefusedIfMoreThanMaxAheadAndHeldOtherwise(Skew skew) {
        List<Probe> probes =
                ProbeStream.withSkewedVantage(ProbeStream.probes(3, 20, 300, 25), 0, skew);
        ReorderBuffer<String> buffer = newBuffer(CAPACITY);
        List<Reordered<String>> out = new ArrayList<>();
        int mostBuffered = 0;
        for (Probe p : probes) {
            buffer.offer(p.json(), p.eventTime(), out::add);
            mostBuffered = Math.max(mostBuffered, buffer.buffered());
        }
        buffer.finish(out::add);

        List<String> skewed =
                probes.stream().filter(p -> p.vantage() == 0).map(Probe::json).toList();
        boolean tooFarAhead = skew.stamp(START) - START > MAX_AHEAD.toMillis();
        assertThat(refused(out))
                .extracting(Reordered::value)
                .containsExactlyInAnyOrderElementsOf(tooFarAhead ? skewed : List.of());
        assertThat(released(out)).hasSize(probes.size() - refused(out).size());
        assertThat(late(out)).isEmpty();
        assertReleasedInOrder(out);
        // Held: the 60 probes a minute of the disorder window and a window of records the front
        // trails by, plus the skewed vantage's 20 a minute for as long as it is ahead, plus (when
        // refused) the two windows of them awaiting judgement.
        long aheadMinutes = tooFarAhead ? 0 : Duration.ofMillis(skew.stamp(0)).toMinutes();
        assertThat(mostBuffered)
                .isLessThanOrEqualTo(
                        60 * (int) MAX_DISORDER.toMinutes()
                                + WINDOW
                                + 20 * (int) aheadMinutes
                                + 2 * WINDOW);
    }

    @Test
    void aVantageInThreeRunningSlowIsLateOnceTheFrontLeavesItAndNoOtherRecordIsLost() {
        List<Probe> fast = ProbeStream.probes(3, 20, 120, 26);
        long fiftyMinutes = Duration.ofMinutes(50).toMillis();
        List<Probe> probes =
                fast.stream()
                        .map(
                                p ->
                                        p.vantage() == 0
                                                ? new Probe(
                                                        0,
                                                        p.service(),
                                                        p.eventTime() - fiftyMinutes)
                                                : p)
                        .toList();

        List<Reordered<String>> out = reorder(probes);

        List<String> others =
                probes.stream().filter(p -> p.vantage() != 0).map(Probe::json).toList();
        assertThat(refused(out)).isEmpty();
        assertThat(released(out)).containsAll(others);
        assertThat(late(out))
                .allSatisfy(l -> assertThat(l.value()).contains("\"vantage-0\""))
                .hasSizeGreaterThan(probes.size() / 3 - 2 * WINDOW);
        assertReleasedInOrder(out);
    }

    @Test
    void aStreamOfHourlyUpdatesLosesNothing() {
        Random random = new Random(27);
        List<Probe> updates =
                IntStream.range(0, 300)
                        .mapToObj(
                                i -> new Probe(0, i % 7, START + i * HOUR + random.nextInt(60_000)))
                        .toList();

        List<Reordered<String>> out = reorder(updates);

        assertThat(released(out)).hasSize(updates.size());
        assertReleasedInOrder(out);
    }

    @Test
    void streamsResumingAfterAGapLoseNothing() {
        List<Probe> dense = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            long gap = i < 1_000 ? 0 : Duration.ofHours(3).toMillis();
            dense.add(new Probe(0, i % 20, everySecond(i) + gap));
        }
        List<Probe> sparse = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long gap = i < 150 ? 0 : Duration.ofDays(3).toMillis();
            sparse.add(new Probe(0, i % 7, START + i * HOUR + gap));
        }

        for (List<Probe> stream : List.of(dense, sparse)) {
            List<Reordered<String>> out = reorder(stream);

            assertThat(released(out)).hasSize(stream.size());
            assertReleasedInOrder(out);
        }
    }

    @Test
    void aFileThinningOutAtItsEndKeepsItsLastLinesButNotOnesDatedFarAheadOfThem() {
        List<Probe> lines = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            lines.add(new Probe(0, i % 20, everySecond(i)));
        }
        // Then one line every 7 minutes for five hours, as an unprobed service's posts at night:
        // the front, 52 lines behind, still spans the busy part when the file ends.
        long night = everySecond(1_000);
        long sevenMinutes = Duration.ofMinutes(7).toMillis();
        for (int i = 1; i <= 43; i++) {
            lines.add(new Probe(0, i % 20, night + i * sevenMinutes));
        }
        long lastNightLine = night + 43 * sevenMinutes;
        lines.add(40 + 1_000, new Probe(0, 3, Skew.YEAR_2099));
        lines.add(30 + 1_000, new Probe(0, 4, lastNightLine + Duration.ofDays(1).toMillis()));

        List<Reordered<String>> out = reorder(lines);

        assertThat(refused(out))
                .extracting(Reordered.Refused::eventTime)
                .containsExactlyInAnyOrder(
                        Skew.YEAR_2099, lastNightLine + Duration.ofDays(1).toMillis());
        assertThat(released(out)).hasSize(1_043);
        assertThat(late(out)).isEmpty();
        assertReleasedInOrder(out);
    }

    @Test
    void aJumpInTheLastRecordsOfAFileCannotBeToldFromRecordsDatedAheadAndIsRefused() {
        List<Probe> lines = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            lines.add(new Probe(0, i % 20, everySecond(i)));
        }
        // Fewer than the 52 records the bulk needs to follow them: indistinguishable from a
        // clock that jumped ahead for the last 20 records.
        long jumped = everySecond(1_000) + Duration.ofHours(3).toMillis();
        for (int i = 0; i < 20; i++) {
            lines.add(new Probe(0, i, jumped + i * SECOND));
        }

        List<Reordered<String>> out = reorder(lines);

        assertThat(refused(out))
                .hasSize(20)
                .allSatisfy(r -> assertThat(r.eventTime()).isGreaterThanOrEqualTo(jumped));
        assertThat(released(out)).hasSize(1_000);
    }

    @Test
    void aFileTooShortToHaveAFrontIsReleasedInOrderAtItsEndExceptARecordFarAhead() {
        List<Probe> lines = new ArrayList<>();
        lines.add(new Probe(0, 0, Skew.YEAR_2099));
        for (int i = 9; i >= 0; i--) {
            lines.add(new Probe(0, i, everySecond(i)));
        }
        ReorderBuffer<String> buffer = newBuffer(CAPACITY);
        List<Reordered<String>> out = new ArrayList<>();
        lines.forEach(p -> buffer.offer(p.json(), p.eventTime(), out::add));
        assertThat(out).isEmpty();

        buffer.finish(out::add);

        assertThat(refused(out))
                .singleElement()
                .satisfies(r -> assertThat(r.eventTime()).isEqualTo(Skew.YEAR_2099));
        assertThat(released(out)).hasSize(10);
        assertReleasedInOrder(out);
    }

    @Test
    void atCapacityTheEarliestAreReleasedAtOnceAndAnEarlierLineArrivingLaterIsLate() {
        // Ten lines a second: the ten-minute disorder window alone would hold 6,000.
        ReorderBuffer<String> buffer = newBuffer(SMALLEST_CAPACITY);
        List<Reordered<String>> out = new ArrayList<>();
        int offered = 0;
        for (int i = 0; i < 20_000; i++) {
            buffer.offer("line " + i, START + i * SECOND / 10, out::add);
            offered++;
            assertThat(buffer.buffered()).isLessThanOrEqualTo(SMALLEST_CAPACITY);
        }
        long aMinuteBack = START + 20_000 * SECOND / 10 - Duration.ofMinutes(1).toMillis();
        buffer.offer("a minute out of order", aMinuteBack, out::add);
        offered++;
        buffer.finish(out::add);

        assertThat(late(out))
                .singleElement()
                .satisfies(
                        l -> {
                            assertThat(l.value()).isEqualTo("a minute out of order");
                            assertThat(l.allowedMillis()).isLessThan(MAX_DISORDER.toMillis());
                            assertThat(l.behindMillis()).isGreaterThan(l.allowedMillis());
                        });
        assertThat(out).hasSize(offered);
        assertThat(released(out)).hasSize(offered - 1);
        assertReleasedInOrder(out);
    }

    @Test
    void theWatermarkIsJustBelowTheLastReleasedRecordAndNoLaterReleaseIsBehindIt() {
        List<Probe> shuffled =
                shuffledWithin(ProbeStream.probes(3, 20, 100, 28), MAX_DISORDER, new Random(29));
        ReorderBuffer<String> buffer = newBuffer(CAPACITY);
        assertThat(buffer.watermark()).isEqualTo(Long.MIN_VALUE);
        List<Reordered<String>> out = new ArrayList<>();
        long watermark = Long.MIN_VALUE;
        for (Probe p : shuffled) {
            int before = out.size();
            buffer.offer(p.json(), p.eventTime(), out::add);
            List<Reordered<String>> releasedNow =
                    out.subList(before, out.size()).stream()
                            .filter(Reordered.Released.class::isInstance)
                            .toList();
            for (Reordered<String> release : releasedNow) {
                assertThat(release.eventTime()).isGreaterThan(watermark);
            }
            if (!releasedNow.isEmpty()) {
                long last = releasedNow.get(releasedNow.size() - 1).eventTime();
                assertThat(buffer.watermark()).isEqualTo(last - 1);
            }
            watermark = buffer.watermark();
        }
        buffer.finish(out::add);
        assertThat(released(out)).hasSize(shuffled.size());
    }

    @Test
    void settingsThatWouldRefuseRecordsInsideTheDisorderBoundAreRejected() {
        assertThatThrownBy(
                        () ->
                                new ReorderBuffer<String>(
                                        MAX_DISORDER,
                                        MAX_DISORDER,
                                        WINDOW,
                                        CAPACITY,
                                        Comparator.naturalOrder()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be more than maxDisorder");
        assertThatThrownBy(() -> newBuffer(SMALLEST_CAPACITY - 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("capacity must be at least " + SMALLEST_CAPACITY);
    }

    @Test
    void nothingIsTakenAfterTheEnd() {
        ReorderBuffer<String> buffer = newBuffer(CAPACITY);
        buffer.finish(decided -> {});

        assertThatThrownBy(() -> buffer.offer("late line", START, decided -> {}))
                .isInstanceOf(IllegalStateException.class);
    }

    private static long everySecond(int i) {
        return START + i * SECOND;
    }

    private static ReorderBuffer<String> newBuffer(int capacity) {
        return new ReorderBuffer<>(
                MAX_DISORDER, MAX_AHEAD, WINDOW, capacity, Comparator.naturalOrder());
    }

    private static List<Reordered<String>> reorder(List<Probe> lines) {
        ReorderBuffer<String> buffer = newBuffer(CAPACITY);
        List<Reordered<String>> out = new ArrayList<>();
        for (Probe p : lines) {
            buffer.offer(p.json(), p.eventTime(), out::add);
        }
        buffer.finish(out::add);
        assertThat(out).as("one verdict per line").hasSize(lines.size());
        return out;
    }

    /**
     * The lines in a random order in which none is more than {@code bound} behind a line before it:
     * each is sorted by its event time plus a random delay of up to the bound.
     */
    private static List<Probe> shuffledWithin(List<Probe> lines, Duration bound, Random random) {
        record Keyed(Probe probe, long key) {}
        return lines.stream()
                .map(p -> new Keyed(p, p.eventTime() + random.nextLong(bound.toMillis() + 1)))
                .sorted(Comparator.comparingLong(Keyed::key))
                .map(Keyed::probe)
                .toList();
    }

    /** How far the most out-of-order line is behind the newest line before it. */
    private static long mostOutOfOrder(List<Probe> lines) {
        long newest = lines.get(0).eventTime();
        long most = 0;
        for (Probe p : lines) {
            most = Math.max(most, newest - p.eventTime());
            newest = Math.max(newest, p.eventTime());
        }
        return most;
    }

    private static List<String> released(List<Reordered<String>> out) {
        return out.stream()
                .filter(Reordered.Released.class::isInstance)
                .map(Reordered::value)
                .toList();
    }

    private static List<Reordered.Refused<String>> refused(List<Reordered<String>> out) {
        List<Reordered.Refused<String>> refused = new ArrayList<>();
        out.forEach(
                r -> {
                    if (r instanceof Reordered.Refused<String> refusal) {
                        refused.add(refusal);
                    }
                });
        return refused;
    }

    private static List<Reordered.Late<String>> late(List<Reordered<String>> out) {
        List<Reordered.Late<String>> late = new ArrayList<>();
        out.forEach(
                r -> {
                    if (r instanceof Reordered.Late<String> l) {
                        late.add(l);
                    }
                });
        return late;
    }

    /** Released records come in event-time order, ties in the order of their lines' text. */
    private static void assertReleasedInOrder(List<Reordered<String>> out) {
        List<Reordered<String>> releases =
                out.stream().filter(Reordered.Released.class::isInstance).toList();
        for (int i = 1; i < releases.size(); i++) {
            Reordered<String> before = releases.get(i - 1);
            Reordered<String> after = releases.get(i);
            boolean inOrder =
                    before.eventTime() < after.eventTime()
                            || (before.eventTime() == after.eventTime()
                                    && before.value().compareTo(after.value()) <= 0);
            if (!inOrder) {
                throw new AssertionError("released out of order at " + i + ": " + after);
            }
        }
    }
}
