package io.outagewatch.ingest.intake;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outagewatch.events.Parsed;
import io.outagewatch.events.SocialReport;
import io.outagewatch.events.SocialReportSerde;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Splits a request body into reports and validates each with {@link SocialReportSerde}, so one bad
 * item does not reject the others. The body is one report object or a non-empty array of them.
 *
 * <p>Only the shape of the body is checked here; each array element is handed to the serde as its
 * own text, exactly as sent, so duplicate keys, sizes and field rules are judged by the same code
 * that judges every other producer's reports.
 */
public final class ReportBatchParser {

    // The serde allows 32 levels inside an item; one more for the array around it, and some slack
    // so that a too-deep item is rejected alone instead of failing the whole body.
    private static final int MAX_BODY_NESTING = 64;

    private static final int MAX_MESSAGE_CHARS = 200;

    private static final JsonFactory FACTORY =
            JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder()
                                    .maxNestingDepth(MAX_BODY_NESTING)
                                    .build())
                    .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private final int maxItems;
    private final String defaultSource;

    /**
     * @param maxItems the most elements an array may hold
     * @param defaultSource the {@code source} of reports that name none
     */
    public ReportBatchParser(int maxItems, String defaultSource) {
        if (maxItems < 1) {
            throw new IllegalArgumentException("max items must be at least 1, got " + maxItems);
        }
        Objects.requireNonNull(defaultSource, "defaultSource");
        if (defaultSource.isBlank()
                || defaultSource.codePointCount(0, defaultSource.length())
                        > SocialReport.SOURCE_MAX_CHARS) {
            throw new IllegalArgumentException(
                    "default source must be 1 to "
                            + SocialReport.SOURCE_MAX_CHARS
                            + " characters, got '"
                            + defaultSource
                            + "'");
        }
        this.maxItems = maxItems;
        this.defaultSource = defaultSource;
    }

    /** What a body turned out to be. */
    public sealed interface Outcome permits Batch, Malformed, TooManyItems {}

    /** One report or an array: every item with its own verdict, in body order. */
    public record Batch(List<Item> items) implements Outcome {
        public Batch {
            items = List.copyOf(items);
        }

        public List<SocialReport> accepted() {
            return items.stream()
                    .filter(i -> i.parsed().isOk())
                    .map(i -> i.parsed().value())
                    .toList();
        }

        public List<Item> rejected() {
            return items.stream().filter(i -> !i.parsed().isOk()).toList();
        }
    }

    /**
     * @param index the item's position in the array; 0 for a single object
     */
    public record Item(int index, Parsed<SocialReport> parsed) {}

    /** The body is not JSON, or not an object or a non-empty array; nothing in it is used. */
    public record Malformed(String error) implements Outcome {}

    /** The array holds more than the maximum; counting stopped at {@code max + 1}. */
    public record TooManyItems(int max) implements Outcome {}

    public Outcome parse(byte[] body) {
        String text;
        try {
            text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(body))
                            .toString();
        } catch (CharacterCodingException e) {
            return new Malformed("body is not valid UTF-8");
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Malformed("body is empty");
            }
            Outcome outcome;
            if (first == JsonToken.START_OBJECT) {
                parser.skipChildren();
                outcome = new Batch(List.of(item(0, SocialReportSerde.INSTANCE.parse(text))));
            } else if (first == JsonToken.START_ARRAY) {
                outcome = array(parser, text);
                if (!(outcome instanceof Batch)) {
                    return outcome;
                }
            } else {
                return new Malformed(
                        "body must be a report object or an array of them, got "
                                + first.name().toLowerCase(Locale.ROOT));
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                return new Malformed("body has content after its JSON value" + at(parser));
            }
            return outcome;
        } catch (JsonProcessingException e) {
            return new Malformed("body is not valid JSON: " + shortened(e) + at(e));
        } catch (IOException e) {
            // A String source cannot fail to read; keep the contract of never throwing anyway.
            return new Malformed("body could not be read: " + e.getMessage());
        }
    }

    private Outcome array(JsonParser parser, String text) throws IOException {
        List<Item> items = new ArrayList<>();
        for (JsonToken token = parser.nextToken();
                token != JsonToken.END_ARRAY;
                token = parser.nextToken()) {
            int index = items.size();
            if (index == maxItems) {
                return new TooManyItems(maxItems);
            }
            if (token == JsonToken.START_OBJECT) {
                int start = (int) parser.currentTokenLocation().getCharOffset();
                parser.skipChildren();
                int end = (int) parser.currentTokenLocation().getCharOffset() + 1;
                items.add(
                        item(index, SocialReportSerde.INSTANCE.parse(text.substring(start, end))));
            } else {
                // Not an object: the serde still gives the verdict, so the reason reads the same.
                JsonNode node = MAPPER.readTree(parser);
                items.add(item(index, SocialReportSerde.INSTANCE.parse(node.toString())));
            }
        }
        if (items.isEmpty()) {
            return new Malformed("body is an empty array");
        }
        return new Batch(items);
    }

    private Item item(int index, Parsed<SocialReport> parsed) {
        if (parsed instanceof Parsed.Ok<SocialReport> ok && ok.value().source() == null) {
            SocialReport r = ok.value();
            parsed =
                    Parsed.ok(
                            new SocialReport(
                                    r.timestamp(),
                                    r.text(),
                                    defaultSource,
                                    r.author(),
                                    r.lang(),
                                    r.service(),
                                    r.region()));
        }
        return new Item(index, parsed);
    }

    private static String shortened(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        return message.length() <= MAX_MESSAGE_CHARS
                ? message
                : message.substring(0, MAX_MESSAGE_CHARS) + "...";
    }

    private static String at(JsonParser parser) {
        return at(parser.currentTokenLocation());
    }

    private static String at(JsonProcessingException e) {
        return at(e.getLocation());
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
