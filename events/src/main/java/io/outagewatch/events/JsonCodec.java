package io.outagewatch.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

/**
 * The single Jackson configuration behind every serde. The limits make hostile input cheap to
 * reject: nothing over {@value #MAX_INPUT_BYTES} bytes is parsed at all, and the stream constraints
 * bound what a parse can allocate.
 */
final class JsonCodec {
    static final int MAX_INPUT_BYTES = 64 * 1024;
    static final int MAX_NESTING_DEPTH = 32;
    static final int MAX_STRING_LENGTH = 1024 * 1024;
    static final int MAX_NUMBER_LENGTH = 100;

    private static final int MAX_PARSER_MESSAGE_CHARS = 200;

    static final ObjectMapper MAPPER = createMapper();

    /** ObjectReader is immutable, so one instance serves every thread. */
    private static final ObjectReader READER = MAPPER.reader();

    private JsonCodec() {}

    private static ObjectMapper createMapper() {
        JsonFactory factory =
                JsonFactory.builder()
                        .streamReadConstraints(
                                StreamReadConstraints.builder()
                                        .maxNestingDepth(MAX_NESTING_DEPTH)
                                        .maxStringLength(MAX_STRING_LENGTH)
                                        .maxNumberLength(MAX_NUMBER_LENGTH)
                                        .build())
                        // Different consumers keep different copies of a duplicated key, so the
                        // same message could mean different things to different readers.
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .build();
    }

    static <T> Parsed<T> parse(String json, Function<JsonFields, T> reader) {
        try {
            if (json == null) {
                return Parsed.invalid(InvalidReason.MALFORMED_JSON, "input is null");
            }
            int bytes = Checks.utf8Length(json);
            if (bytes > MAX_INPUT_BYTES) {
                return tooLarge(bytes);
            }
            return parseDocument(json, reader);
        } catch (RuntimeException e) {
            return unexpected(e);
        }
    }

    static <T> Parsed<T> parse(byte[] utf8, Function<JsonFields, T> reader) {
        try {
            if (utf8 == null) {
                return Parsed.invalid(InvalidReason.MALFORMED_JSON, "input is null");
            }
            if (utf8.length > MAX_INPUT_BYTES) {
                return tooLarge(utf8.length);
            }
            CharsetDecoder decoder =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.wrap(utf8);
            // UTF-8 never decodes to more UTF-16 units than it has bytes.
            CharBuffer out = CharBuffer.allocate(utf8.length);
            CoderResult result = decoder.decode(in, out, true);
            if (!result.isError()) {
                result = decoder.flush(out);
            }
            if (result.isError()) {
                return Parsed.invalid(
                        InvalidReason.INVALID_UTF8,
                        "input is not valid UTF-8 at byte offset " + in.position());
            }
            return parseDocument(out.flip().toString(), reader);
        } catch (RuntimeException e) {
            return unexpected(e);
        }
    }

    private static <T> Parsed<T> parseDocument(String json, Function<JsonFields, T> reader) {
        JsonNode root;
        try {
            root = READER.readTree(json);
        } catch (StreamConstraintsException e) {
            return Parsed.invalid(InvalidReason.TOO_LARGE, describe(e));
        } catch (JsonProcessingException e) {
            return Parsed.invalid(InvalidReason.MALFORMED_JSON, describe(e));
        }
        if (root == null || root.isMissingNode()) {
            return Parsed.invalid(InvalidReason.MALFORMED_JSON, "input holds no JSON value");
        }
        if (!root.isObject()) {
            return Parsed.invalid(
                    InvalidReason.NOT_AN_OBJECT,
                    "document must be a JSON object, got " + typeName(root));
        }
        try {
            return Parsed.ok(reader.apply(new JsonFields((ObjectNode) root)));
        } catch (InvalidEventException e) {
            return Parsed.invalid(e.code(), e.getMessage());
        } catch (IllegalArgumentException e) {
            return Parsed.invalid(InvalidReason.INVALID_VALUE, String.valueOf(e.getMessage()));
        }
    }

    /** Writes the way {@link ObjectMapper#writeValueAsString} does, from recycled buffers. */
    static <T> String toJson(T value, JsonObject.FieldWriter<T> fields) {
        BufferRecycler recycler = MAPPER.getFactory()._getBufferRecycler();
        try (SegmentedStringWriter text = new SegmentedStringWriter(recycler)) {
            JsonObject.write(text, value, fields);
            return text.getAndClear();
        } catch (IOException e) {
            throw new IllegalStateException("a JSON document could not be written", e);
        } finally {
            recycler.releaseToPool();
        }
    }

    /**
     * Encodes {@link #toJson} rather than using Jackson's byte generator, which escapes characters
     * outside the BMP as surrogate pairs; text and bytes then stay identical.
     */
    static <T> byte[] toBytes(T value, JsonObject.FieldWriter<T> fields) {
        return toJson(value, fields).getBytes(StandardCharsets.UTF_8);
    }

    static String typeName(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static <T> Parsed<T> tooLarge(int bytes) {
        return Parsed.invalid(
                InvalidReason.TOO_LARGE,
                "input is " + bytes + " bytes; the maximum is " + MAX_INPUT_BYTES);
    }

    /**
     * A bug in a validator must not take down the stream; the message still reaches the dead-letter
     * topic with enough detail to find the bug.
     */
    private static <T> Parsed<T> unexpected(RuntimeException e) {
        return Parsed.invalid(InvalidReason.INVALID_VALUE, "unexpected " + e);
    }

    private static String describe(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (message.length() > MAX_PARSER_MESSAGE_CHARS) {
            message = message.substring(0, MAX_PARSER_MESSAGE_CHARS) + "...";
        }
        JsonLocation location = e.getLocation();
        if (location != null && location.getLineNr() > 0) {
            message += " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        }
        return message;
    }
}
