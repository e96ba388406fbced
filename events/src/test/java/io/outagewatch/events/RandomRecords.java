package io.outagewatch.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * A seeded generator of valid records of every type, rich in what a JSON writer can get wrong:
 * control characters, quotes, backslashes, line separators and characters outside the BMP in text;
 * doubles on both sides of where Java switches to exponent notation; longs past the int range and
 * past what a double holds exactly; absent optional fields; empty and non-empty lists.
 */
final class RandomRecords {

    private static final String[] AWKWARD_TEXT = {
        "\"quoted\" and back\\slash/slash",
        "tab\tnewline\ncarriage return\r\nnul\u0000",
        "\u0001\u001f\u007f\u0080\u009f",
        "line\u2028paragraph\u2029separators",
        "¿se cayó? 😩 again",
        "😀🤖𝄞",
        "中文 עברית العربية",
        "\uFEFFbyte order mark",
        "zero\u200Bwidth\u200Djoiner",
        "e\u0301 combining",
        "\uFFFD\uFFFE\uFFFF",
        "\uE000 private use",
        "<script>&amp;</script>",
    };

    /** Code point ranges for random text; never surrogates on their own. */
    private static final int[][] TEXT_RANGES = {
        {0x20, 0x7E},
        {0x00, 0x1F},
        {0x7F, 0x9F},
        {0xA0, 0x24F},
        {0x0300, 0x036F},
        {0x0590, 0x06FF},
        {0x2000, 0x206F},
        {0x4E00, 0x4FFF},
        {0xFFF0, 0xFFFF},
        {0x1F600, 0x1F64F},
        {0x10000, 0x1007F},
        {0x10FF00, 0x10FFFF},
    };

    private static final double[] AWKWARD_DOUBLES = {
        0.0,
        0.1,
        1e-7,
        12345678.9,
        1.0,
        2.5,
        1e-3,
        9.99e-4,
        1e7,
        9999999.0,
        1e21,
        1e16,
        0.30000000000000004,
        1.0 / 3,
        Double.MAX_VALUE,
        Double.MIN_VALUE,
        Double.MIN_NORMAL,
    };

    private static final double[] AWKWARD_FRACTIONS = {
        0.0, 0.1, 1e-7, 1.0, 0.5, 1.0 / 3, 0.30000000000000004, 9.99e-4, Double.MIN_VALUE,
    };

    private static final long[] AWKWARD_LONGS = {
        0L,
        1L,
        Integer.MAX_VALUE,
        Integer.MAX_VALUE + 1L,
        (1L << 53) + 1,
        Long.MAX_VALUE - 1,
        Long.MAX_VALUE,
    };

    private final Random random;

    RandomRecords(long seed) {
        this.random = new Random(seed);
    }

    MinuteSignals minuteSignals() {
        int probes = random.nextInt(4) == 0 ? 0 : anyCount();
        List<String> failing = ids(5);
        int reporting = failing.size() + random.nextInt(random.nextBoolean() ? 10 : 1 << 30);
        return new MinuteSignals(
                id(),
                instant(),
                anyCount(),
                nonNegative(),
                probes,
                probes == 0 ? null : maybe(this::fraction),
                failing,
                reporting,
                maybe(this::nonNegative),
                maybe(this::nonNegative),
                oneOf(MinuteVerdict.values()));
    }

    VantageHealth vantageHealth() {
        int probed = 1 + anyCount();
        return new VantageHealth(
                id(),
                instant(),
                probed,
                random.nextBoolean() ? probed : random.nextInt(probed),
                maybe(this::nonNegativeLong));
    }

    Maintenance maintenance() {
        Instant startsAt = instant();
        Instant endsAt = startsAt.plusSeconds(random.nextInt(100_000));
        return new Maintenance(
                id(),
                instant(),
                text(Maintenance.MAINTENANCE_ID_MAX_CHARS),
                oneOf(Maintenance.Status.values()),
                startsAt,
                endsAt.isBefore(Timestamps.END_EXCLUSIVE) ? endsAt : startsAt,
                maybe(() -> text(Maintenance.TITLE_MAX_CHARS)),
                maybe(this::url));
    }

    StatusUpdate statusUpdate() {
        return statusUpdate(id());
    }

    SocialReport socialReport() {
        return new SocialReport(
                instant(),
                text(SocialReport.TEXT_MAX_CHARS),
                maybe(() -> text(SocialReport.SOURCE_MAX_CHARS)),
                maybe(() -> text(SocialReport.AUTHOR_MAX_CHARS)),
                maybe(() -> text(SocialReport.LANG_MAX_CHARS)),
                maybe(this::id),
                maybe(this::id));
    }

    ProbeResult probeResult() {
        return new ProbeResult(
                id(),
                id(),
                maybe(this::id),
                maybe(this::url),
                instant(),
                random.nextBoolean(),
                maybe(this::nonNegative),
                maybe(() -> ProbeResult.STATUS_CODE_MIN + random.nextInt(500)),
                maybe(() -> text(ProbeResult.ERROR_MAX_CHARS)));
    }

    /** Through {@link DeadLetter#of}, so lone surrogates and null input are repaired as in use. */
    DeadLetter deadLetter() {
        return DeadLetter.of(
                text(DeadLetter.ORIGIN_MAX_CHARS),
                random.nextInt(5) == 0 ? null : text(200) + (random.nextBoolean() ? "\uD800" : ""),
                text(200) + (random.nextBoolean() ? "\uDC00" : ""),
                instant());
    }

    Alert alert() {
        AlertType type = oneOf(AlertType.values());
        boolean recovered = type == AlertType.OUTAGE_RECOVERED;
        String service = id();
        Instant startedAt = Timestamps.EARLIEST.plusSeconds(random.nextInt(Integer.MAX_VALUE));
        Instant detectedAt = startedAt.plusMillis(random.nextInt(10_000_000));
        long[] duration = recovered && random.nextBoolean() ? null : ascendingLongs();
        long[] remaining = duration != null && random.nextBoolean() ? ascendingLongs() : null;
        List<RelatedIncident> related = new ArrayList<>();
        int relatedCount = random.nextBoolean() ? 0 : 1 + random.nextInt(3);
        for (int i = 0; i < relatedCount; i++) {
            related.add(
                    new RelatedIncident("other-" + i + " " + text(20), id(), ids(3), instant()));
        }
        return new Alert(
                text(Alert.INCIDENT_ID_MAX_CHARS),
                type,
                service,
                oneOf(Severity.values()),
                random.nextInt(4) == 0 ? null : ids(4),
                startedAt,
                detectedAt,
                recovered ? detectedAt.plusNanos(random.nextInt(1_000_000_000)) : null,
                recovered ? nonNegativeLong() : null,
                duration == null ? null : duration[1],
                duration == null ? null : duration[0],
                duration == null ? null : duration[2],
                evidence(),
                random.nextBoolean() ? statusUpdate(service) : null,
                maybe(() -> random.nextBoolean() ? -nonNegativeLong() : nonNegativeLong()),
                1 + random.nextInt(random.nextBoolean() ? 10 : Integer.MAX_VALUE - 1),
                remaining == null ? null : remaining[1],
                remaining == null ? null : remaining[0],
                remaining == null ? null : remaining[2],
                maybe(() -> text(Alert.ESTIMATE_BASIS_MAX_CHARS)),
                maybe(() -> detectedAt.plusSeconds(random.nextInt(100_000))),
                random.nextBoolean() ? related : null);
    }

    private Evidence evidence() {
        List<String> failing = ids(4);
        List<String> healthy = new ArrayList<>(ids(4));
        healthy.removeAll(failing);
        return new Evidence(
                maybe(this::fraction),
                maybe(this::fraction),
                random.nextInt(5) == 0 ? null : failing,
                random.nextInt(5) == 0 ? null : healthy,
                maybe(this::nonNegative),
                maybe(this::nonNegative),
                random.nextBoolean() ? nonNegative() : -nonNegative());
    }

    private StatusUpdate statusUpdate(String service) {
        return new StatusUpdate(
                service,
                instant(),
                text(StatusUpdate.INCIDENT_ID_MAX_CHARS),
                oneOf(StatusUpdate.Status.values()),
                maybe(() -> oneOf(StatusUpdate.Impact.values())),
                maybe(() -> text(StatusUpdate.TITLE_MAX_CHARS)),
                maybe(this::url));
    }

    private <T> T maybe(Supplier<T> value) {
        return random.nextBoolean() ? value.get() : null;
    }

    private <T> T oneOf(T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Small counts mostly, now and then one past what three digits hold, or near the int limit. */
    private int anyCount() {
        return switch (random.nextInt(3)) {
            case 0 -> random.nextInt(128);
            case 1 -> 128 + random.nextInt(1_000_000);
            default -> Integer.MAX_VALUE - 1 - random.nextInt(1000);
        };
    }

    private String id() {
        return HostileRecords.randomId(random, 12);
    }

    /** Distinct ids, none a quarter of the time. */
    private List<String> ids(int maxCount) {
        int count = random.nextInt(4) == 0 ? 0 : random.nextInt(maxCount + 1);
        List<String> ids = new ArrayList<>(count);
        while (ids.size() < count) {
            String id = id();
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private String url() {
        return "https://status"
                + random.nextInt(1000)
                + ".example.com/incidents/"
                + id()
                + "?q=%22x%22&lang=es";
    }

    private Instant instant() {
        long from = Timestamps.EARLIEST.getEpochSecond();
        long to = Timestamps.END_EXCLUSIVE.getEpochSecond() - 1;
        Instant second = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
        return switch (random.nextInt(4)) {
            case 0 -> second;
            case 1 -> second.plusMillis(random.nextInt(1000));
            case 2 -> second.plusNanos(random.nextInt(1_000_000_000));
            default -> Instant.ofEpochSecond(second.getEpochSecond() / 60 * 60);
        };
    }

    private double nonNegative() {
        return switch (random.nextInt(3)) {
            case 0 -> AWKWARD_DOUBLES[random.nextInt(AWKWARD_DOUBLES.length)];
            case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(24) - 10);
            default -> random.nextInt(10_000) / (double) (1 + random.nextInt(100));
        };
    }

    private double fraction() {
        return random.nextBoolean()
                ? AWKWARD_FRACTIONS[random.nextInt(AWKWARD_FRACTIONS.length)]
                : random.nextDouble();
    }

    private long nonNegativeLong() {
        return random.nextBoolean()
                ? AWKWARD_LONGS[random.nextInt(AWKWARD_LONGS.length)]
                : random.nextInt(100_000);
    }

    /** Low, median and high of an estimate. */
    private long[] ascendingLongs() {
        long[] values = {nonNegativeLong(), nonNegativeLong(), nonNegativeLong()};
        Arrays.sort(values);
        return values;
    }

    /** Not blank, at most {@code maxChars} code points. */
    private String text(int maxChars) {
        if (random.nextInt(3) == 0) {
            String awkward = AWKWARD_TEXT[random.nextInt(AWKWARD_TEXT.length)];
            if (awkward.codePointCount(0, awkward.length()) <= maxChars) {
                return awkward;
            }
        }
        int length = 1 + random.nextInt(Math.min(maxChars, 40));
        StringBuilder text = new StringBuilder(length * 2);
        for (int i = 0; i < length; i++) {
            int[] range = TEXT_RANGES[random.nextInt(TEXT_RANGES.length)];
            text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
        }
        String written = text.toString();
        return written.isBlank()
                ? "x" + written.substring(written.offsetByCodePoints(0, 1))
                : written;
    }
}
