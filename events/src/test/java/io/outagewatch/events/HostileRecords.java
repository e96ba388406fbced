package io.outagewatch.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A seeded generator of hostile input records for the three input topics: valid records (as the
 * serde writes them, or re-encoded in ways the contract allows) mixed with mutated ones whose
 * verdict is known by construction: wrong types, missing fields, huge strings, invalid UTF-8, deep
 * nesting, NaN and Infinity, absurd and malformed timestamps, duplicate keys, and more. One
 * mutation per record, so the expected reason code is unambiguous. {@link Category#BYTE_NOISE}
 * (random bit flips and splices) is the one category whose verdict is not known in advance.
 *
 * <p>The same seed always gives the same records. Used by the serde fuzz test in this module and by
 * the detection job's hostile-input ITCase (through the events test jar).
 */
public final class HostileRecords {

    /** The three input topics, their serdes and their fields. */
    public enum Input {
        PROBE_RESULTS(
                Topics.PROBE_RESULTS,
                ProbeResultSerde.INSTANCE,
                List.of(
                        field("service", Kind.ID, true, 64),
                        field("vantage", Kind.ID, true, 64),
                        field("region", Kind.ID, false, 64),
                        field("target", Kind.URL, false, ProbeResult.TARGET_MAX_CHARS),
                        field("timestamp", Kind.TIMESTAMP, true, 0),
                        field("success", Kind.BOOLEAN, true, 0),
                        field("latencyMs", Kind.NUMBER, false, 0),
                        field("statusCode", Kind.INTEGER, false, 0),
                        field("error", Kind.TEXT, false, ProbeResult.ERROR_MAX_CHARS))),
        SOCIAL_REPORTS(
                Topics.SOCIAL_REPORTS,
                SocialReportSerde.INSTANCE,
                List.of(
                        field("timestamp", Kind.TIMESTAMP, true, 0),
                        field("text", Kind.TEXT, true, SocialReport.TEXT_MAX_CHARS),
                        field("source", Kind.TEXT, false, SocialReport.SOURCE_MAX_CHARS),
                        field("author", Kind.TEXT, false, SocialReport.AUTHOR_MAX_CHARS),
                        field("lang", Kind.TEXT, false, SocialReport.LANG_MAX_CHARS),
                        field("service", Kind.ID, false, 64),
                        field("region", Kind.ID, false, 64))),
        STATUS_UPDATES(
                Topics.STATUS_UPDATES,
                StatusUpdateSerde.INSTANCE,
                List.of(
                        field("service", Kind.ID, true, 64),
                        field("timestamp", Kind.TIMESTAMP, true, 0),
                        field("incidentId", Kind.TEXT, true, StatusUpdate.INCIDENT_ID_MAX_CHARS),
                        field("status", Kind.ENUM, true, 0),
                        field("impact", Kind.ENUM, false, 0),
                        field("title", Kind.TEXT, false, StatusUpdate.TITLE_MAX_CHARS),
                        field("url", Kind.URL, false, StatusUpdate.URL_MAX_CHARS)));

        private final String topic;
        private final EventSerde<?> serde;
        private final List<FieldSpec> fields;

        Input(String topic, EventSerde<?> serde, List<FieldSpec> fields) {
            this.topic = topic;
            this.serde = serde;
            this.fields = fields;
        }

        public String topic() {
            return topic;
        }

        public EventSerde<?> serde() {
            return serde;
        }

        @SuppressWarnings("unchecked")
        byte[] canonical(Object value) {
            return ((EventSerde<Object>) serde).toBytes(value);
        }
    }

    /** What was done to a record. */
    public enum Category {
        /** Valid, exactly as the serde writes it. */
        CANONICAL,
        /** Valid, written differently: key order, whitespace, escapes, extra fields, ... */
        REENCODED,
        MISSING_FIELD,
        WRONG_TYPE,
        /** A string that makes the document larger than the serde's input limit. */
        HUGE_STRING,
        /** A field longer than its own limit, in a document under the input limit. */
        FIELD_TOO_LONG,
        INVALID_UTF8,
        DEEP_NESTING,
        /** NaN and Infinity literals, and numbers beyond double range. */
        NON_FINITE_NUMBER,
        /** Timestamps before 2000 or from 2101 on: epoch 0, seconds or micros for millis, ... */
        ABSURD_TIMESTAMP,
        MALFORMED_TIMESTAMP,
        DUPLICATE_KEY,
        /** Well-typed values that break a field's rule: bad ids, enums, ranges, blank text. */
        BAD_VALUE,
        NOT_AN_OBJECT,
        MALFORMED_JSON,
        /** A record with no value: a Kafka tombstone. */
        TOMBSTONE,
        /** Random bit flips and splices: the verdict is not known in advance. */
        BYTE_NOISE;

        public boolean valid() {
            return this == CANONICAL || this == REENCODED;
        }

        public boolean verdictKnown() {
            return this != BYTE_NOISE;
        }
    }

    /**
     * One generated record.
     *
     * @param value the bytes to send; null for a tombstone
     * @param expected the value a valid record must parse to; null otherwise
     * @param expectedCode the {@link InvalidReason} code an invalid record must get; null for valid
     *     records and {@link Category#BYTE_NOISE}
     * @param what a short description of the mutation, for failure messages
     */
    public record HostileRecord(
            Input input,
            Category category,
            byte[] value,
            Object expected,
            String expectedCode,
            String what) {}

    private enum Kind {
        ID,
        TEXT,
        URL,
        TIMESTAMP,
        BOOLEAN,
        NUMBER,
        INTEGER,
        ENUM
    }

    private record FieldSpec(String name, Kind kind, boolean required, int maxChars) {}

    private static FieldSpec field(String name, Kind kind, boolean required, int maxChars) {
        return new FieldSpec(name, kind, required, maxChars);
    }

    /** Marks, in generated text, where invalid UTF-8 bytes go once the text is encoded. */
    private static final char INVALID_UTF8_MARK = '\uE000';

    private static final byte[] INVALID_UTF8_MARK_BYTES =
            String.valueOf(INVALID_UTF8_MARK).getBytes(StandardCharsets.UTF_8);

    private static final byte[][] INVALID_UTF8_SEQUENCES = {
        {(byte) 0xFF},
        {(byte) 0xFE},
        {(byte) 0x80},
        {(byte) 0xC3, (byte) 0x28},
        {(byte) 0xC0, (byte) 0xAF},
        {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xED, (byte) 0xBF, (byte) 0xBF},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
        {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
    };

    private static final List<Category> INVALID_CATEGORIES =
            List.of(
                    Category.MISSING_FIELD,
                    Category.WRONG_TYPE,
                    Category.HUGE_STRING,
                    Category.FIELD_TOO_LONG,
                    Category.INVALID_UTF8,
                    Category.DEEP_NESTING,
                    Category.NON_FINITE_NUMBER,
                    Category.ABSURD_TIMESTAMP,
                    Category.MALFORMED_TIMESTAMP,
                    Category.DUPLICATE_KEY,
                    Category.BAD_VALUE,
                    Category.NOT_AN_OBJECT,
                    Category.MALFORMED_JSON,
                    Category.TOMBSTONE,
                    Category.BYTE_NOISE);

    private static final ObjectMapper PLAIN = new ObjectMapper();

    /** Text that JSON quotes as it is: most keys and ids. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9._-]{0,64}");

    private final Random random;

    /**
     * The canonical fields of recently mutated bases, by identity: a base is usually mutated many
     * times, and writing and re-reading it each time would cost more than the mutation.
     */
    private final Map<Object, List<String[]>> canonicalFields = new IdentityHashMap<>();

    private static final int CANONICAL_FIELDS_KEPT = 10_000;

    public HostileRecords(long seed) {
        this.random = new Random(seed);
    }

    /**
     * A record derived from {@code base}: valid with probability {@code validShare}, otherwise one
     * invalid mutation, each invalid category equally likely.
     */
    public HostileRecord next(Input input, Object base, double validShare) {
        return random.nextDouble() < validShare ? valid(input, base) : invalid(input, base);
    }

    /**
     * {@code base} as the serde writes it, or re-encoded so that it still parses to {@code base}.
     */
    public HostileRecord valid(Input input, Object base) {
        if (random.nextInt(4) == 0) {
            return new HostileRecord(
                    input, Category.CANONICAL, input.canonical(base), base, null, "canonical");
        }
        Doc doc = doc(input, base);
        List<String> what = new ArrayList<>();
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            what.add(reencode(input, doc));
        }
        byte[] bytes = doc.render(random).getBytes(StandardCharsets.UTF_8);
        if (bytes.length > JsonCodec.MAX_INPUT_BYTES) {
            // Escapes and extra fields can push a record near its field limits over the input
            // limit; that record is no longer valid, so it goes out as the serde writes it.
            return new HostileRecord(
                    input, Category.CANONICAL, input.canonical(base), base, null, "canonical");
        }
        return new HostileRecord(
                input, Category.REENCODED, bytes, base, null, String.join(", ", what));
    }

    /** One invalid mutation of {@code base}, its category drawn uniformly. */
    public HostileRecord invalid(Input input, Object base) {
        return invalid(
                input, base, INVALID_CATEGORIES.get(random.nextInt(INVALID_CATEGORIES.size())));
    }

    private HostileRecord invalid(Input input, Object base, Category category) {
        Doc doc = doc(input, base);
        return switch (category) {
            case MISSING_FIELD -> missingField(input, doc);
            case WRONG_TYPE -> wrongType(input, doc);
            case HUGE_STRING -> hugeString(input, doc);
            case FIELD_TOO_LONG -> fieldTooLong(input, doc);
            case INVALID_UTF8 -> invalidUtf8(input, doc);
            case DEEP_NESTING -> deepNesting(input, doc);
            case NON_FINITE_NUMBER -> nonFinite(input, doc);
            case ABSURD_TIMESTAMP -> absurdTimestamp(input, doc);
            case MALFORMED_TIMESTAMP -> malformedTimestamp(input, doc);
            case DUPLICATE_KEY -> duplicateKey(input, doc);
            case BAD_VALUE -> badValue(input, doc);
            case NOT_AN_OBJECT -> notAnObject(input, doc);
            case MALFORMED_JSON -> malformedJson(input, doc);
            case TOMBSTONE ->
                    new HostileRecord(
                            input, category, null, null, InvalidReason.MALFORMED_JSON, "no value");
            case BYTE_NOISE -> byteNoise(input, doc);
            case CANONICAL, REENCODED ->
                    throw new IllegalArgumentException(category + " is a valid category");
        };
    }

    // ---- valid re-encodings ---------------------------------------------------------------

    private String reencode(Input input, Doc doc) {
        switch (random.nextInt(9)) {
            case 0:
                doc.shuffle(random);
                return "keys shuffled";
            case 1:
                doc.pretty = true;
                return "whitespace";
            case 2:
                {
                    FieldSpec spec = pickPresent(input, doc, Kind.ID, Kind.TEXT, Kind.URL);
                    if (spec == null) {
                        return "nothing to escape";
                    }
                    String text = doc.textOf(spec.name());
                    doc.put(spec.name(), escapedString(text));
                    return spec.name() + " unicode-escaped";
                }
            case 3:
                {
                    FieldSpec absent = pickAbsentOptional(input, doc);
                    if (absent == null) {
                        return "no absent optional field";
                    }
                    doc.put(absent.name(), "null");
                    return absent.name() + " explicit null";
                }
            case 4:
                {
                    String name = unknownFieldName(input);
                    doc.put(name, harmlessJson(0));
                    return "unknown field " + name;
                }
            case 5:
                {
                    if (!doc.get("timestamp").startsWith("\"")) {
                        return "timestamp already rewritten";
                    }
                    Instant instant = Instant.parse(doc.textOf("timestamp"));
                    if (instant.getNano() % 1_000_000 == 0 && random.nextBoolean()) {
                        doc.put("timestamp", Long.toString(instant.toEpochMilli()));
                        return "timestamp as epoch millis";
                    }
                    ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(73) - 36) * 900);
                    doc.put(
                            "timestamp",
                            quote(
                                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                                            instant.atOffset(offset))));
                    return "timestamp at offset " + offset;
                }
            case 6:
                {
                    int depth = 1 + random.nextInt(JsonCodec.MAX_NESTING_DEPTH - 8);
                    doc.put(unknownFieldName(input), nested(depth, random.nextBoolean()));
                    return "unknown field nested " + depth + " deep";
                }
            case 7:
                if (input == Input.SOCIAL_REPORTS) {
                    String text = doc.textOf("text");
                    doc.put("text", quote(" \t\n" + text + "\r\n "));
                    return "text with surrounding whitespace";
                }
                if (input == Input.PROBE_RESULTS && doc.has("latencyMs")) {
                    double latency = Double.parseDouble(doc.get("latencyMs"));
                    doc.put("latencyMs", Double.toString(latency).toUpperCase(Locale.ROOT));
                    return "latencyMs as " + doc.get("latencyMs");
                }
                doc.put("\u00e9t\u00e9", quote("\uD83D\uDE29 \u202Eright-to-left"));
                return "unknown non-ASCII field";
            default:
                doc.put("Service", quote("NOT-AN-ID"));
                return "unknown field Service (keys are case-sensitive)";
        }
    }

    /** JSON that any position of an unknown field accepts: within every parser limit. */
    private String harmlessJson(int depth) {
        int choice = random.nextInt(depth > 3 ? 6 : 9);
        return switch (choice) {
            case 0 -> "1e400";
            case 1 -> "-0.0";
            case 2 -> "9".repeat(1 + random.nextInt(depth == 0 ? JsonCodec.MAX_NUMBER_LENGTH : 20));
            case 3 -> quote(randomText(random.nextInt(depth == 0 ? 200 : 8)));
            case 4 -> random.nextBoolean() ? "true" : "null";
            case 5 -> quote("\u0000\u001f\\\"/");
            case 6 -> {
                StringBuilder array = new StringBuilder("[");
                int n = random.nextInt(depth == 0 ? 50 : 4);
                for (int i = 0; i < n; i++) {
                    array.append(i == 0 ? "" : ",").append(harmlessJson(depth + 1));
                }
                yield array.append(']').toString();
            }
            case 7 -> "{" + quote("") + ":" + harmlessJson(depth + 1) + "}";
            default -> "{\"a\":" + harmlessJson(depth + 1) + ",\"b\":[]}";
        };
    }

    // ---- invalid mutations ----------------------------------------------------------------

    private HostileRecord missingField(Input input, Doc doc) {
        FieldSpec spec = pickRequired(input);
        boolean asNull = random.nextBoolean();
        if (asNull) {
            doc.put(spec.name(), "null");
        } else {
            doc.remove(spec.name());
        }
        return invalid(
                input,
                Category.MISSING_FIELD,
                doc,
                InvalidReason.MISSING_FIELD,
                spec.name() + (asNull ? " null" : " removed"));
    }

    private HostileRecord wrongType(Input input, Doc doc) {
        FieldSpec spec = input.fields.get(random.nextInt(input.fields.size()));
        List<String> wrong =
                switch (spec.kind()) {
                    case ID, TEXT, URL, ENUM ->
                            List.of("42", "true", "[]", "{}", "[\"x\"]", "{\"a\":1}", "1.5", "-0");
                    case TIMESTAMP ->
                            List.of("true", "false", "[]", "{}", "[\"2023-11-08T13:42:00Z\"]");
                    case BOOLEAN -> List.of("\"true\"", "1", "0", "\"yes\"", "[]", "{}", "[true]");
                    case NUMBER -> List.of("\"12.5\"", "true", "[]", "{}", "[1]");
                    case INTEGER -> List.of("\"200\"", "true", "200.5", "2e2", "[]", "{}");
                };
        String value = wrong.get(random.nextInt(wrong.size()));
        doc.put(spec.name(), value);
        return invalid(
                input,
                Category.WRONG_TYPE,
                doc,
                InvalidReason.WRONG_TYPE,
                spec.name() + "=" + value);
    }

    private HostileRecord hugeString(Input input, Doc doc) {
        int bytes =
                random.nextInt(500) == 0
                        ? 1_000_000 + random.nextInt(4_000_000)
                        : JsonCodec.MAX_INPUT_BYTES + 1 + random.nextInt(16_000);
        String unit = random.nextBoolean() ? "x" : "\uD83D\uDE29";
        String huge = unit.repeat(bytes / unit.getBytes(StandardCharsets.UTF_8).length + 1);
        String name =
                random.nextBoolean()
                        ? input.fields.get(random.nextInt(input.fields.size())).name()
                        : unknownFieldName(input);
        doc.put(name, quote(huge));
        return invalid(
                input,
                Category.HUGE_STRING,
                doc,
                InvalidReason.TOO_LARGE,
                name + " of " + huge.length() + " chars");
    }

    private HostileRecord fieldTooLong(Input input, Doc doc) {
        FieldSpec spec = pickOf(input, Kind.ID, Kind.TEXT, Kind.URL);
        int length = spec.maxChars() + 1 + random.nextInt(200);
        String value;
        String code;
        if (spec.kind() == Kind.ID) {
            value = "a".repeat(length);
            code = InvalidReason.INVALID_ID;
        } else if (spec.kind() == Kind.URL) {
            value = "https://example.com/" + "p".repeat(length);
            code = InvalidReason.TEXT_TOO_LONG;
        } else {
            // Astral characters: the limit counts code points, not UTF-16 units or bytes.
            String unit = random.nextBoolean() ? "w" : "\uD83D\uDE29";
            value = unit.repeat(length);
            code = InvalidReason.TEXT_TOO_LONG;
        }
        doc.put(spec.name(), quote(value));
        return invalid(
                input,
                Category.FIELD_TOO_LONG,
                doc,
                code,
                spec.name() + " of " + value.codePointCount(0, value.length()) + " code points");
    }

    private HostileRecord invalidUtf8(Input input, Doc doc) {
        String where;
        if (random.nextInt(4) == 0) {
            where = "key";
            doc.put("k" + INVALID_UTF8_MARK, "1");
        } else {
            FieldSpec spec = pickPresent(input, doc, Kind.ID, Kind.TEXT, Kind.URL, Kind.ENUM);
            String name = spec == null ? unknownFieldName(input) : spec.name();
            String text = spec == null ? "value" : doc.textOf(name);
            int at = random.nextInt(text.length() + 1);
            doc.put(name, quote(text.substring(0, at) + INVALID_UTF8_MARK + text.substring(at)));
            where = name;
        }
        byte[] sequence = INVALID_UTF8_SEQUENCES[random.nextInt(INVALID_UTF8_SEQUENCES.length)];
        byte[] bytes = replaceMark(doc.render(random).getBytes(StandardCharsets.UTF_8), sequence);
        return new HostileRecord(
                input,
                Category.INVALID_UTF8,
                bytes,
                null,
                InvalidReason.INVALID_UTF8,
                hex(sequence) + " in " + where);
    }

    private HostileRecord deepNesting(Input input, Doc doc) {
        int depth = JsonCodec.MAX_NESTING_DEPTH + 1 + random.nextInt(5_000);
        boolean arrays = random.nextBoolean();
        String what;
        String text;
        switch (random.nextInt(3)) {
            case 0 -> {
                doc.put(unknownFieldName(input), nested(depth, arrays));
                text = doc.render(random);
                what = "unknown field " + depth + " deep";
            }
            case 1 -> {
                FieldSpec spec = input.fields.get(random.nextInt(input.fields.size()));
                doc.put(spec.name(), nested(depth, arrays));
                text = doc.render(random);
                what = spec.name() + " " + depth + " deep";
            }
            default -> {
                // Never closed: the parser must give up at the limit, not at the end.
                text = (arrays ? "[" : "{\"a\":").repeat(depth);
                what = "unclosed document " + depth + " deep";
            }
        }
        return new HostileRecord(
                input,
                Category.DEEP_NESTING,
                text.getBytes(StandardCharsets.UTF_8),
                null,
                InvalidReason.TOO_LARGE,
                what);
    }

    private HostileRecord nonFinite(Input input, Doc doc) {
        List<String> literals =
                List.of("NaN", "Infinity", "-Infinity", "+Infinity", "-NaN", "nan", "inf");
        String literal = literals.get(random.nextInt(literals.size()));
        switch (random.nextInt(3)) {
            case 0 -> {
                FieldSpec spec = pickOf(input, Kind.NUMBER, Kind.INTEGER, Kind.TIMESTAMP);
                doc.put(spec.name(), literal);
                return invalid(
                        input,
                        Category.NON_FINITE_NUMBER,
                        doc,
                        InvalidReason.MALFORMED_JSON,
                        spec.name() + "=" + literal);
            }
            case 1 -> {
                doc.put(unknownFieldName(input), "[1," + literal + "]");
                return invalid(
                        input,
                        Category.NON_FINITE_NUMBER,
                        doc,
                        InvalidReason.MALFORMED_JSON,
                        "unknown field holding " + literal);
            }
            default -> {
                String beyond = random.nextBoolean() ? "1e400" : "-1.7976931348623159e309";
                if (input == Input.PROBE_RESULTS) {
                    doc.put("latencyMs", beyond);
                    return invalid(
                            input,
                            Category.NON_FINITE_NUMBER,
                            doc,
                            InvalidReason.INVALID_VALUE,
                            "latencyMs=" + beyond);
                }
                doc.put("timestamp", beyond);
                return invalid(
                        input,
                        Category.NON_FINITE_NUMBER,
                        doc,
                        InvalidReason.INVALID_TIMESTAMP,
                        "timestamp=" + beyond);
            }
        }
    }

    private HostileRecord absurdTimestamp(Input input, Doc doc) {
        Instant real = Instant.parse(doc.textOf("timestamp"));
        long millis = real.toEpochMilli();
        long endMillis = Timestamps.END_EXCLUSIVE.toEpochMilli();
        long earliestMillis = Timestamps.EARLIEST.toEpochMilli();
        List<String> absurd =
                List.of(
                        "0",
                        "-1",
                        Long.toString(Long.MIN_VALUE),
                        Long.toString(Long.MAX_VALUE),
                        Long.toString(millis / 1000),
                        Long.toString(millis * 1000),
                        Long.toString(endMillis),
                        Long.toString(earliestMillis - 1),
                        Long.toString(
                                endMillis
                                        + (random.nextLong() & Long.MAX_VALUE)
                                                % 1_000_000_000_000_000L),
                        "99999999999999999999",
                        "-99999999999999999999",
                        quote("1970-01-01T00:00:00Z"),
                        quote("1999-12-31T23:59:59.999999999Z"),
                        quote("2000-01-01T00:00:00+00:01"),
                        quote("2101-01-01T00:00:00Z"),
                        quote("2100-12-31T23:59:59-01:00"),
                        quote("9999-12-31T23:59:59.999Z"),
                        quote("0000-01-01T00:00:00Z"),
                        quote(
                                String.format(
                                        Locale.ROOT,
                                        "%04d-06-15T12:00:00Z",
                                        2101 + random.nextInt(7899))),
                        quote(
                                String.format(
                                        Locale.ROOT,
                                        "%04d-06-15T12:00:00Z",
                                        random.nextInt(2000))));
        String value = absurd.get(random.nextInt(absurd.size()));
        doc.put("timestamp", value);
        return invalid(
                input,
                Category.ABSURD_TIMESTAMP,
                doc,
                InvalidReason.TIMESTAMP_OUT_OF_RANGE,
                "timestamp=" + value);
    }

    private HostileRecord malformedTimestamp(Input input, Doc doc) {
        List<String> malformed =
                List.of(
                        quote("yesterday"),
                        quote(""),
                        quote("2023-11-08"),
                        quote("2023-11-08T13:42:00"),
                        quote("2023-11-08 13:42:00Z"),
                        quote("2023-02-30T00:00:00Z"),
                        quote("2023-11-08T25:00:00Z"),
                        quote("2023-11-08T23:59:60Z"),
                        quote("2023-11-08T13:42:00+25:00"),
                        quote("2023-11-08T13:42:00+05"),
                        quote("2023-11-08T13:42:00.1234567890Z"),
                        quote("+10000-01-01T00:00:00Z"),
                        quote("2023-11-08t13:42:00z"),
                        quote("1699450920000"),
                        quote("2023-11-08T13:42:00Z" + "\u0000"),
                        quote("\uFF12\uFF10\uFF12\uFF13-11-08T13:42:00Z"),
                        "1.5",
                        "1699450920000.5",
                        "1.6994509200001e12");
        String value = malformed.get(random.nextInt(malformed.size()));
        doc.put("timestamp", value);
        return invalid(
                input,
                Category.MALFORMED_TIMESTAMP,
                doc,
                InvalidReason.INVALID_TIMESTAMP,
                "timestamp=" + value);
    }

    private HostileRecord duplicateKey(Input input, Doc doc) {
        String what;
        if (random.nextInt(4) == 0) {
            doc.put(unknownFieldName(input), "{\"a\":1,\"b\":2,\"a\":3}");
            what = "duplicate inside an unknown object";
        } else {
            FieldSpec spec = pickPresent(input, doc, Kind.values());
            String name = spec.name();
            String copy = random.nextBoolean() ? doc.get(name) : "null";
            doc.duplicate(name, copy, random);
            what = name + " twice";
        }
        return invalid(input, Category.DUPLICATE_KEY, doc, InvalidReason.MALFORMED_JSON, what);
    }

    private HostileRecord badValue(Input input, Doc doc) {
        List<Runnable> options = new ArrayList<>();
        String[] what = new String[1];
        String[] code = new String[1];
        for (FieldSpec spec : input.fields) {
            switch (spec.kind()) {
                case ID -> {
                    for (String bad :
                            List.of("ChatGPT", "chat gpt", ".eu", "", "caf\u00e9", "a/b", "-x\n")) {
                        options.add(
                                () ->
                                        set(
                                                doc,
                                                spec,
                                                quote(bad),
                                                InvalidReason.INVALID_ID,
                                                what,
                                                code));
                    }
                }
                case TEXT -> {
                    options.add(
                            () ->
                                    set(
                                            doc,
                                            spec,
                                            quote(" \t\n"),
                                            InvalidReason.INVALID_VALUE,
                                            what,
                                            code));
                    options.add(
                            () ->
                                    set(
                                            doc,
                                            spec,
                                            "\"lone \\ud800 surrogate\"",
                                            InvalidReason.INVALID_VALUE,
                                            what,
                                            code));
                    options.add(
                            () ->
                                    set(
                                            doc,
                                            spec,
                                            "\"reversed \\udc00\\ud800 pair\"",
                                            InvalidReason.INVALID_VALUE,
                                            what,
                                            code));
                }
                case URL -> {
                    for (String bad :
                            List.of(
                                    "ftp://example.com/",
                                    "javascript:alert(1)",
                                    "http://",
                                    "not a url",
                                    "file:///etc/passwd")) {
                        options.add(
                                () ->
                                        set(
                                                doc,
                                                spec,
                                                quote(bad),
                                                InvalidReason.INVALID_VALUE,
                                                what,
                                                code));
                    }
                }
                case ENUM -> {
                    for (String bad : List.of("down", "Resolved", "RESOLVED", "", "major ")) {
                        options.add(
                                () ->
                                        set(
                                                doc,
                                                spec,
                                                quote(bad),
                                                InvalidReason.INVALID_VALUE,
                                                what,
                                                code));
                    }
                }
                case NUMBER -> {
                    for (String bad : List.of("-1", "-0.001", "-1e300")) {
                        options.add(
                                () -> set(doc, spec, bad, InvalidReason.INVALID_VALUE, what, code));
                    }
                }
                case INTEGER -> {
                    for (String bad :
                            List.of("99", "600", "-1", "0", "3000000000", "99999999999999999999")) {
                        options.add(
                                () -> set(doc, spec, bad, InvalidReason.INVALID_VALUE, what, code));
                    }
                }
                case TIMESTAMP, BOOLEAN -> {
                    // every well-typed value of these is covered by other categories
                }
            }
        }
        options.get(random.nextInt(options.size())).run();
        return invalid(input, Category.BAD_VALUE, doc, code[0], what[0]);
    }

    private static void set(
            Doc doc, FieldSpec spec, String value, String reason, String[] what, String[] code) {
        doc.put(spec.name(), value);
        what[0] = spec.name() + "=" + value;
        code[0] = reason;
    }

    private HostileRecord notAnObject(Input input, Doc doc) {
        String text =
                switch (random.nextInt(7)) {
                    case 0 -> "[" + doc.render(random) + "]";
                    case 1 -> quote(doc.render(random));
                    case 2 -> "42";
                    case 3 -> "true";
                    case 4 -> "null";
                    case 5 -> "[]";
                    default -> " -1.5e3 ";
                };
        return new HostileRecord(
                input,
                Category.NOT_AN_OBJECT,
                text.getBytes(StandardCharsets.UTF_8),
                null,
                InvalidReason.NOT_AN_OBJECT,
                abbreviate(text));
    }

    private HostileRecord malformedJson(Input input, Doc doc) {
        String valid = doc.render(random);
        String text;
        String what;
        switch (random.nextInt(12)) {
            case 0 -> {
                int cut = random.nextInt(valid.length() - 1);
                // Never between the halves of a surrogate pair: that would be a different error.
                if (cut > 0 && Character.isLowSurrogate(valid.charAt(cut))) {
                    cut--;
                }
                text = valid.substring(0, cut);
                what = "cut after " + cut + " of " + valid.length() + " chars";
            }
            case 1 -> {
                text = valid + " x";
                what = "trailing garbage";
            }
            case 2 -> {
                text = valid + valid;
                what = "two documents";
            }
            case 3 -> {
                text = valid.replace('"', '\'');
                what = "single quotes";
            }
            case 4 -> {
                text = valid.replaceFirst("\"(\\w+)\":", "$1:");
                what = "unquoted key";
            }
            case 5 -> {
                text = valid.substring(0, valid.length() - 1) + ",}";
                what = "trailing comma";
            }
            case 6 -> {
                text = "/* comment */" + valid;
                what = "comment";
            }
            case 7 -> {
                FieldSpec spec = pickPresent(input, doc, Kind.ID, Kind.TEXT, Kind.URL, Kind.ENUM);
                String name = spec == null ? "timestamp" : spec.name();
                String raw = doc.get(name);
                doc.put(name, raw.substring(0, raw.length() - 1) + "\n\t\"");
                text = doc.render(random);
                what = "raw control characters in " + name;
            }
            case 8 -> {
                doc.put(unknownFieldName(input), "\"bad \\x41 escape\"");
                text = doc.render(random);
                what = "bad escape";
            }
            case 9 -> {
                text = random.nextBoolean() ? "" : " \r\n\t ";
                what = "no JSON value";
            }
            case 10 -> {
                text = "not json";
                what = "plain text";
            }
            default -> {
                text = "{\"service\" \"chatgpt\"}";
                what = "missing colon";
            }
        }
        return new HostileRecord(
                input,
                Category.MALFORMED_JSON,
                text.getBytes(StandardCharsets.UTF_8),
                null,
                InvalidReason.MALFORMED_JSON,
                what);
    }

    private HostileRecord byteNoise(Input input, Doc doc) {
        byte[] bytes = doc.render(random).getBytes(StandardCharsets.UTF_8);
        String what;
        switch (random.nextInt(5)) {
            case 0 -> {
                int flips = 1 + random.nextInt(3);
                for (int i = 0; i < flips; i++) {
                    int at = random.nextInt(bytes.length);
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                }
                what = flips + " bit flips";
            }
            case 1 -> {
                int at = random.nextInt(bytes.length);
                byte[] spliced = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, spliced, 0, at);
                spliced[at] = (byte) random.nextInt(256);
                System.arraycopy(bytes, at, spliced, at + 1, bytes.length - at);
                bytes = spliced;
                what = "byte inserted at " + at;
            }
            case 2 -> {
                int at = random.nextInt(bytes.length);
                byte[] shorter = new byte[bytes.length - 1];
                System.arraycopy(bytes, 0, shorter, 0, at);
                System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                bytes = shorter;
                what = "byte removed at " + at;
            }
            case 3 -> {
                byte[] withBom = new byte[bytes.length + 3];
                withBom[0] = (byte) 0xEF;
                withBom[1] = (byte) 0xBB;
                withBom[2] = (byte) 0xBF;
                System.arraycopy(bytes, 0, withBom, 3, bytes.length);
                bytes = withBom;
                what = "byte order mark";
            }
            default -> {
                bytes = new byte[random.nextInt(300)];
                random.nextBytes(bytes);
                what = bytes.length + " random bytes";
            }
        }
        return new HostileRecord(input, Category.BYTE_NOISE, bytes, null, null, what);
    }

    private HostileRecord invalid(
            Input input, Category category, Doc doc, String code, String what) {
        return new HostileRecord(
                input,
                category,
                doc.render(random).getBytes(StandardCharsets.UTF_8),
                null,
                code,
                abbreviate(what));
    }

    // ---- random valid records -------------------------------------------------------------

    /** A random valid record of the input's type, every optional field present or not. */
    public Object randomValid(Input input) {
        return switch (input) {
            case PROBE_RESULTS ->
                    new ProbeResult(
                            randomId(),
                            randomId(),
                            maybe(this::randomId),
                            maybe(() -> randomUrl(ProbeResult.TARGET_MAX_CHARS)),
                            randomInstant(),
                            random.nextBoolean(),
                            maybe(this::randomLatency),
                            maybe(() -> ProbeResult.STATUS_CODE_MIN + random.nextInt(500)),
                            maybe(() -> randomNonBlank(ProbeResult.ERROR_MAX_CHARS)));
            case SOCIAL_REPORTS ->
                    new SocialReport(
                            randomInstant(),
                            randomNonBlank(SocialReport.TEXT_MAX_CHARS).strip(),
                            maybe(() -> randomNonBlank(SocialReport.SOURCE_MAX_CHARS)),
                            maybe(() -> randomNonBlank(SocialReport.AUTHOR_MAX_CHARS)),
                            maybe(() -> randomNonBlank(SocialReport.LANG_MAX_CHARS)),
                            maybe(this::randomId),
                            maybe(this::randomId));
            case STATUS_UPDATES ->
                    new StatusUpdate(
                            randomId(),
                            randomInstant(),
                            randomNonBlank(StatusUpdate.INCIDENT_ID_MAX_CHARS),
                            StatusUpdate.Status.values()[
                                    random.nextInt(StatusUpdate.Status.values().length)],
                            maybe(
                                    () ->
                                            StatusUpdate.Impact.values()[
                                                    random.nextInt(
                                                            StatusUpdate.Impact.values().length)]),
                            maybe(() -> randomNonBlank(StatusUpdate.TITLE_MAX_CHARS)),
                            maybe(() -> randomUrl(StatusUpdate.URL_MAX_CHARS)));
        };
    }

    private <T> T maybe(Supplier<T> value) {
        return random.nextBoolean() ? value.get() : null;
    }

    private static final String ID_FIRST = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String ID_REST = ID_FIRST + "._-";

    private String randomId() {
        return randomId(random, 20);
    }

    /** A valid id: one in ten of the longest length, the rest 1 to {@code usualMaxLength}. */
    static String randomId(Random random, int usualMaxLength) {
        int length = random.nextInt(10) == 0 ? 64 : 1 + random.nextInt(usualMaxLength);
        StringBuilder id = new StringBuilder(length);
        id.append(ID_FIRST.charAt(random.nextInt(ID_FIRST.length())));
        for (int i = 1; i < length; i++) {
            id.append(ID_REST.charAt(random.nextInt(ID_REST.length())));
        }
        return id.toString();
    }

    private Instant randomInstant() {
        long from = Timestamps.EARLIEST.getEpochSecond();
        long to = Timestamps.END_EXCLUSIVE.getEpochSecond();
        return switch (random.nextInt(20)) {
            case 0 -> Timestamps.EARLIEST;
            case 1 -> Timestamps.END_EXCLUSIVE.minusNanos(1);
            case 2 -> Timestamps.END_EXCLUSIVE.minusMillis(1);
            default -> {
                Instant second =
                        Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)));
                yield switch (random.nextInt(3)) {
                    case 0 -> second;
                    case 1 -> second.plusMillis(random.nextInt(1000));
                    default -> second.plusNanos(random.nextInt(1_000_000_000));
                };
            }
        };
    }

    private Double randomLatency() {
        return switch (random.nextInt(8)) {
            case 0 -> 0.0;
            case 1 -> -0.0;
            case 2 -> Double.MAX_VALUE;
            case 3 -> Double.MIN_VALUE;
            case 4 -> (double) random.nextInt(100_000);
            default -> random.nextDouble() * 30_000;
        };
    }

    private String randomUrl(int maxChars) {
        String prefix = (random.nextBoolean() ? "https://" : "http://") + randomHost() + "/";
        int pathLength = random.nextInt(10) == 0 ? maxChars - prefix.length() : random.nextInt(60);
        StringBuilder url = new StringBuilder(prefix);
        for (int i = 0; i < pathLength; i++) {
            url.append(ID_REST.charAt(random.nextInt(ID_REST.length())));
        }
        return url.toString();
    }

    private String randomHost() {
        StringBuilder host = new StringBuilder();
        int labels = 1 + random.nextInt(3);
        for (int i = 0; i < labels; i++) {
            int length = 1 + random.nextInt(12);
            for (int j = 0; j < length; j++) {
                host.append((char) ('a' + random.nextInt(26)));
            }
            host.append('.');
        }
        return host.append("com").toString();
    }

    /** Not blank, at most {@code maxChars} code points, now and then exactly that many. */
    private String randomNonBlank(int maxChars) {
        int length =
                random.nextInt(10) == 0 ? maxChars : 1 + random.nextInt(Math.min(maxChars, 120));
        String text = randomText(length);
        if (text.isBlank()) {
            text = "x" + text.substring(text.offsetByCodePoints(0, 1));
        }
        return text;
    }

    /** Code points from several scripts, emoji, controls and combining marks; never surrogates. */
    private static final int[][] TEXT_RANGES = {
        {0x20, 0x7E},
        {0x00, 0x1F},
        {0xA0, 0x24F},
        {0x0300, 0x036F},
        {0x0590, 0x06FF},
        {0x4E00, 0x4FFF},
        {0x1F600, 0x1F64F},
        {0x200B, 0x200F},
        {0x10000, 0x1007F},
    };

    private String randomText(int codePoints) {
        StringBuilder text = new StringBuilder(codePoints * 2);
        for (int i = 0; i < codePoints; i++) {
            int[] range = TEXT_RANGES[random.nextInt(TEXT_RANGES.length)];
            text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
        }
        return text.toString();
    }

    // ---- helpers ---------------------------------------------------------------------------

    private FieldSpec pickRequired(Input input) {
        List<FieldSpec> required = input.fields.stream().filter(FieldSpec::required).toList();
        return required.get(random.nextInt(required.size()));
    }

    private FieldSpec pickOf(Input input, Kind... kinds) {
        List<FieldSpec> matching =
                input.fields.stream().filter(f -> List.of(kinds).contains(f.kind())).toList();
        return matching.get(random.nextInt(matching.size()));
    }

    private FieldSpec pickPresent(Input input, Doc doc, Kind... kinds) {
        List<FieldSpec> matching =
                input.fields.stream()
                        .filter(f -> List.of(kinds).contains(f.kind()) && doc.has(f.name()))
                        .toList();
        return matching.isEmpty() ? null : matching.get(random.nextInt(matching.size()));
    }

    private FieldSpec pickAbsentOptional(Input input, Doc doc) {
        List<FieldSpec> absent =
                input.fields.stream().filter(f -> !f.required() && !doc.has(f.name())).toList();
        return absent.isEmpty() ? null : absent.get(random.nextInt(absent.size()));
    }

    private String unknownFieldName(Input input) {
        List<String> names =
                List.of("extra", "_meta", "payload", "x-trace", "", "\u0000", "\uD83D\uDE29");
        String name = names.get(random.nextInt(names.size()));
        for (FieldSpec spec : input.fields) {
            if (spec.name().equals(name)) {
                return "extra";
            }
        }
        return name;
    }

    private static String nested(int depth, boolean arrays) {
        String open = arrays ? "[" : "{\"a\":";
        String close = arrays ? "]" : "}";
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    /** A JSON string literal with every character written as a unicode escape. */
    private static String escapedString(String text) {
        StringBuilder escaped = new StringBuilder(text.length() * 6 + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) text.charAt(i)));
        }
        return escaped.append('"').toString();
    }

    static String quote(String text) {
        if (PLAIN_NAME.matcher(text).matches()) {
            return '"' + text + '"';
        }
        try {
            return PLAIN.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] replaceMark(byte[] bytes, byte[] sequence) {
        for (int i = 0; i + INVALID_UTF8_MARK_BYTES.length <= bytes.length; i++) {
            boolean match = true;
            for (int j = 0; j < INVALID_UTF8_MARK_BYTES.length; j++) {
                if (bytes[i + j] != INVALID_UTF8_MARK_BYTES[j]) {
                    match = false;
                    break;
                }
            }
            if (match) {
                byte[] replaced =
                        new byte[bytes.length - INVALID_UTF8_MARK_BYTES.length + sequence.length];
                System.arraycopy(bytes, 0, replaced, 0, i);
                System.arraycopy(sequence, 0, replaced, i, sequence.length);
                System.arraycopy(
                        bytes,
                        i + INVALID_UTF8_MARK_BYTES.length,
                        replaced,
                        i + sequence.length,
                        bytes.length - i - INVALID_UTF8_MARK_BYTES.length);
                return replaced;
            }
        }
        throw new IllegalStateException("no mark in the rendered document");
    }

    private static String hex(byte[] bytes) {
        StringBuilder hex = new StringBuilder();
        for (byte b : bytes) {
            hex.append(String.format(Locale.ROOT, "%02X", b & 0xFF));
        }
        return hex.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 120
                ? text
                : text.substring(0, 120) + "... (" + text.length() + " chars)";
    }

    private Doc doc(Input input, Object base) {
        List<String[]> fields = canonicalFields.get(base);
        if (fields == null) {
            if (canonicalFields.size() >= CANONICAL_FIELDS_KEPT) {
                canonicalFields.clear();
            }
            fields = Doc.of(input, base).entries;
            canonicalFields.put(base, fields);
        }
        Doc doc = new Doc();
        for (String[] field : fields) {
            doc.entries.add(field.clone());
        }
        return doc;
    }

    /** A JSON object as an ordered list of keys and raw JSON values; keys may repeat. */
    private static final class Doc {
        private final List<String[]> entries = new ArrayList<>();
        private boolean pretty;

        static Doc of(Input input, Object value) {
            Doc doc = new Doc();
            try {
                JsonNode tree = PLAIN.readTree(input.canonical(value));
                for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = it.next();
                    doc.entries.add(
                            new String[] {
                                field.getKey(), PLAIN.writeValueAsString(field.getValue())
                            });
                }
            } catch (IOException e) {
                throw new IllegalStateException("the serde wrote unreadable JSON", e);
            }
            return doc;
        }

        /** Present with a value; an explicit null counts as absent, as it does to the serdes. */
        boolean has(String name) {
            return entries.stream().anyMatch(e -> e[0].equals(name) && !e[1].equals("null"));
        }

        String get(String name) {
            return entries.stream()
                    .filter(e -> e[0].equals(name))
                    .findFirst()
                    .map(e -> e[1])
                    .orElseThrow();
        }

        /** The string value of a field as text. */
        String textOf(String name) {
            try {
                return PLAIN.readTree(get(name)).textValue();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        void put(String name, String rawValue) {
            for (String[] entry : entries) {
                if (entry[0].equals(name)) {
                    entry[1] = rawValue;
                    return;
                }
            }
            entries.add(new String[] {name, rawValue});
        }

        void remove(String name) {
            entries.removeIf(e -> e[0].equals(name));
        }

        void duplicate(String name, String rawValue, Random random) {
            entries.add(random.nextInt(entries.size() + 1), new String[] {name, rawValue});
        }

        void shuffle(Random random) {
            Collections.shuffle(entries, random);
        }

        String render(Random random) {
            String space = pretty ? List.of(" ", "\n", "\t", "\r\n  ").get(random.nextInt(4)) : "";
            StringBuilder json = new StringBuilder().append('{').append(space);
            for (int i = 0; i < entries.size(); i++) {
                if (i > 0) {
                    json.append(',').append(space);
                }
                json.append(quote(entries.get(i)[0]))
                        .append(space)
                        .append(':')
                        .append(space)
                        .append(entries.get(i)[1]);
            }
            return json.append(space).append('}').toString();
        }
    }
}
