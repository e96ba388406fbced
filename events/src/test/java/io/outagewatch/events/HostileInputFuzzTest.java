package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.outagewatch.events.HostileRecords.Category;
import io.outagewatch.events.HostileRecords.HostileRecord;
import io.outagewatch.events.HostileRecords.Input;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Feeds each input serde {@value #RECORDS} generated records (a million with {@code
 * -Doutagewatch.long=true}) from {@link HostileRecords}: the serde never throws, every valid record
 * parses to the value it was made from and round-trips, every invalid one is rejected with the
 * reason code its mutation must give, and no record takes long. Random byte noise, whose verdict is
 * not known in advance, must still get a verdict with a known code.
 */
class HostileInputFuzzTest {

    private static final long SEED = 20_261_123L;
    private static final int RECORDS = 100_000;
    private static final int LONG_RECORDS = 1_000_000;
    private static final double VALID_SHARE = 0.3;

    /**
     * Distinct random valid records to mutate; each is mutated many times, differently, which is
     * far cheaper than a new one per record.
     */
    private static final int BASES = 2_000;

    /** The costlier cross-checks (text entry point, dead letter) run on one record in this many. */
    private static final int CROSS_CHECK_EVERY = 10;

    private static final Instant REJECTED_AT = Instant.parse("2026-11-23T20:00:00Z");

    /** Generous for a loaded 2-core machine; a parse normally takes microseconds. */
    private static final Duration MAX_PER_RECORD = Duration.ofSeconds(2);

    private static final Duration MAX_MEAN_PER_RECORD = Duration.ofMillis(1);

    private static int records() {
        return Boolean.getBoolean("outagewatch.long") ? LONG_RECORDS : RECORDS;
    }

    @ParameterizedTest
    @EnumSource(Input.class)
    void everyRecordGetsTheVerdictItsMutationCalledFor(Input input) {
        long testStarted = System.nanoTime();
        HostileRecords generator = new HostileRecords(SEED + input.ordinal());
        Map<Category, Tally> tallies = new EnumMap<>(Category.class);
        int count = records();
        List<Object> bases = new ArrayList<>(BASES);
        for (int i = 0; i < BASES; i++) {
            bases.add(generator.randomValid(input));
        }
        for (int i = 0; i < count; i++) {
            Object base = bases.get(i % BASES);
            HostileRecord record = generator.next(input, base, VALID_SHARE);
            long started = System.nanoTime();
            Parsed<?> parsed;
            try {
                parsed = input.serde().parse(record.value());
            } catch (Throwable t) {
                throw new AssertionError(describe(i, record) + " threw", t);
            }
            long nanos = System.nanoTime() - started;
            tallies.computeIfAbsent(record.category(), c -> new Tally()).add(nanos);
            check(i, record, parsed, i % CROSS_CHECK_EVERY == 0);
        }

        print(input, tallies);
        System.out.printf(
                Locale.ROOT,
                "%s: %d records generated and checked in %d s%n",
                input.topic(),
                count,
                Duration.ofNanos(System.nanoTime() - testStarted).toSeconds());
        assertThat(tallies.keySet())
                .as("every category was generated")
                .containsAll(Arrays.asList(Category.values()));
        for (Map.Entry<Category, Tally> entry : tallies.entrySet()) {
            assertThat(Duration.ofNanos(entry.getValue().maxNanos))
                    .as("slowest %s record", entry.getKey())
                    .isLessThan(MAX_PER_RECORD);
        }
        long totalNanos = tallies.values().stream().mapToLong(t -> t.totalNanos).sum();
        assertThat(Duration.ofNanos(totalNanos / count)).isLessThan(MAX_MEAN_PER_RECORD);
    }

    /**
     * Far beyond the input limit: rejected from its length alone, before any decoding or parsing,
     * so its cost does not grow with its size.
     */
    @Test
    void aRecordOfSixtyFourMegabytesIsRejectedFromItsSizeAlone() {
        // The first parse sets up Jackson; that is not the cost being measured.
        assertThat(
                        ProbeResultSerde.INSTANCE
                                .parse(ProbeResultSerde.INSTANCE.toBytes(Samples.fullProbe()))
                                .isOk())
                .isTrue();
        byte[] huge = new byte[64 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'x');
        huge[0] = '"';
        long started = System.nanoTime();
        Parsed<ProbeResult> parsed = ProbeResultSerde.INSTANCE.parse(huge);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf(Locale.ROOT, "64 MiB record rejected in %d µs%n", took.toNanos() / 1000);

        assertThat(parsed)
                .isInstanceOfSatisfying(
                        Parsed.Invalid.class,
                        invalid -> {
                            assertThat(invalid.code()).isEqualTo(InvalidReason.TOO_LARGE);
                            assertThat(invalid.detail()).contains(Integer.toString(huge.length));
                        });
        assertThat(took).isLessThan(MAX_PER_RECORD);
    }

    private static void check(
            int index, HostileRecord record, Parsed<?> parsed, boolean crossCheck) {
        String context = describe(index, record);
        if (record.category().valid()) {
            if (!(parsed instanceof Parsed.Ok<?> ok)) {
                fail(context + " was rejected: " + ((Parsed.Invalid<?>) parsed).reason());
                return;
            }
            assertThat(ok.value()).as(context).isEqualTo(record.expected());
            assertRoundTrips(context, record.input(), ok.value());
        } else if (record.category().verdictKnown()) {
            if (!(parsed instanceof Parsed.Invalid<?> invalid)) {
                fail(context + " was accepted as " + parsed.value());
                return;
            }
            assertThat(invalid.code())
                    .as(context + ": " + invalid.reason())
                    .isEqualTo(record.expectedCode());
            assertWellFormedRejection(context, record, invalid, crossCheck);
        } else if (parsed instanceof Parsed.Invalid<?> invalid) {
            assertThat(invalid.code()).as(context).isIn(InvalidReason.ALL);
            assertWellFormedRejection(context, record, invalid, crossCheck);
        } else {
            assertRoundTrips(context, record.input(), parsed.value());
        }
        if (crossCheck && record.value() != null && !isInvalidUtf8(parsed)) {
            assertTextParseAgrees(context, record, parsed);
        }
    }

    /** A validator bug shows up as the catch-all "unexpected" detail; none may occur. */
    private static void assertWellFormedRejection(
            String context, HostileRecord record, Parsed.Invalid<?> invalid, boolean crossCheck) {
        assertThat(invalid.detail()).as(context).isNotBlank().doesNotStartWith("unexpected");
        if (!crossCheck) {
            return;
        }
        String raw =
                record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        DeadLetter letter = DeadLetter.of("fuzz-0-1", raw, invalid.reason(), REJECTED_AT);
        assertThat(DeadLetterSerde.INSTANCE.parse(DeadLetterSerde.INSTANCE.toBytes(letter)).value())
                .as(context + ": its dead letter round-trips")
                .isEqualTo(letter);
    }

    @SuppressWarnings("unchecked")
    private static void assertRoundTrips(String context, Input input, Object value) {
        EventSerde<Object> serde = (EventSerde<Object>) input.serde();
        byte[] bytes = serde.toBytes(value);
        Parsed<Object> again = serde.parse(bytes);
        assertThat(again.isOk()).as(context + " round trip of " + value).isTrue();
        assertThat(again.value()).as(context).isEqualTo(value);
        assertThat(serde.toBytes(again.value())).as(context).isEqualTo(bytes);
    }

    /** The text entry point must agree with the bytes one on everything that is valid UTF-8. */
    private static void assertTextParseAgrees(
            String context, HostileRecord record, Parsed<?> parsed) {
        Parsed<?> fromText =
                record.input().serde().parse(new String(record.value(), StandardCharsets.UTF_8));
        if (parsed instanceof Parsed.Invalid<?> invalid) {
            assertThat(fromText)
                    .as(context + ": text parse")
                    .isInstanceOfSatisfying(
                            Parsed.Invalid.class,
                            t -> assertThat(t.code()).isEqualTo(invalid.code()));
        } else {
            assertThat(fromText.isOk()).as(context + ": text parse").isTrue();
            assertThat(fromText.value()).as(context).isEqualTo(parsed.value());
        }
    }

    private static boolean isInvalidUtf8(Parsed<?> parsed) {
        return parsed instanceof Parsed.Invalid<?> invalid
                && invalid.code().equals(InvalidReason.INVALID_UTF8);
    }

    private static String describe(int index, HostileRecord record) {
        return "record "
                + index
                + " ("
                + record.input()
                + ", "
                + record.category()
                + ": "
                + record.what()
                + ")";
    }

    private static void print(Input input, Map<Category, Tally> tallies) {
        StringBuilder table = new StringBuilder();
        table.append(
                String.format(
                        Locale.ROOT, "%s, seed %d:%n", input.topic(), SEED + input.ordinal()));
        table.append(
                String.format(
                        Locale.ROOT,
                        "  %-20s %8s %10s %10s%n",
                        "category",
                        "records",
                        "mean µs",
                        "max µs"));
        tallies.forEach(
                (category, tally) ->
                        table.append(
                                String.format(
                                        Locale.ROOT,
                                        "  %-20s %8d %10.1f %10d%n",
                                        category,
                                        tally.count,
                                        tally.totalNanos / 1000.0 / tally.count,
                                        tally.maxNanos / 1000)));
        System.out.print(table);
    }

    private static final class Tally {
        long count;
        long totalNanos;
        long maxNanos;

        void add(long nanos) {
            count++;
            totalNanos += nanos;
            maxNanos = Math.max(maxNanos, nanos);
        }
    }
}
