package io.outagewatch.events;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Field rules shared by the record constructors. Every failure is an {@link InvalidEventException}
 * whose message starts with the field name.
 */
final class Checks {

    /**
     * URLs that passed {@link #optionalHttpUrl}. Probe targets repeat in every result, and parsing
     * one with {@link URI} was the hottest single frame of the pipeline's profile
     * (docs/benchmarks.md). Only URLs that passed are kept, and the set is emptied when full, so a
     * stream of distinct URLs costs what it did before and memory stays bounded.
     */
    private static final Set<String> KNOWN_HTTP_URLS = ConcurrentHashMap.newKeySet();

    private static final int MAX_KNOWN_HTTP_URLS = 4096;
    private static final int QUOTED_VALUE_MAX_CHARS = 64;

    private Checks() {}

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidEventException(InvalidReason.MISSING_FIELD, field);
        }
        return value;
    }

    static String id(String field, String value) {
        required(field, value);
        if (!Ids.isValid(value)) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_ID,
                    field + " " + quote(value) + " must match " + Ids.PATTERN);
        }
        return value;
    }

    static String optionalId(String field, String value) {
        return value == null ? null : id(field, value);
    }

    /** Required, not blank, at most {@code maxChars} code points, well-formed Unicode. */
    static String text(String field, String value, int maxChars) {
        required(field, value);
        wellFormed(field, value);
        if (value.isBlank()) {
            throw new InvalidEventException(InvalidReason.INVALID_VALUE, field + " is blank");
        }
        int length = codePointLength(value);
        if (length > maxChars) {
            throw new InvalidEventException(
                    InvalidReason.TEXT_TOO_LONG,
                    field + " is " + length + " characters long; the maximum is " + maxChars);
        }
        return value;
    }

    static String optionalText(String field, String value, int maxChars) {
        return value == null ? null : text(field, value, maxChars);
    }

    static String optionalHttpUrl(String field, String value, int maxChars) {
        if (value == null) {
            return null;
        }
        text(field, value, maxChars);
        if (KNOWN_HTTP_URLS.contains(value)) {
            return value;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE, field + " " + quote(value) + " is not a URL");
        }
        String scheme = uri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE,
                    field + " " + quote(value) + " must start with http:// or https://");
        }
        if (uri.getHost() == null) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE, field + " " + quote(value) + " has no host");
        }
        if (KNOWN_HTTP_URLS.size() >= MAX_KNOWN_HTTP_URLS) {
            KNOWN_HTTP_URLS.clear();
        }
        KNOWN_HTTP_URLS.add(value);
        return value;
    }

    static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE, field + " must be a finite number, got " + value);
        }
        return value;
    }

    static Double optionalNonNegative(String field, Double value) {
        if (value == null) {
            return null;
        }
        finite(field, value);
        if (value < 0) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE, field + " must be >= 0, got " + value);
        }
        return value;
    }

    static Double optionalFraction(String field, Double value) {
        if (value == null) {
            return null;
        }
        optionalNonNegative(field, value);
        if (value > 1) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE, field + " must be between 0 and 1, got " + value);
        }
        return value;
    }

    static Long optionalNonNegative(String field, Long value) {
        if (value != null && value < 0) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE, field + " must be >= 0, got " + value);
        }
        return value;
    }

    /** Copies a list of identifiers; absent means empty, repeats are rejected. */
    static List<String> idSet(String field, List<String> values, int maxItems) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > maxItems) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE,
                    field + " has " + values.size() + " entries; the maximum is " + maxItems);
        }
        List<String> copy = new ArrayList<>(values.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String element = values.get(i);
            if (element == null) {
                throw new InvalidEventException(
                        InvalidReason.INVALID_VALUE, field + "[" + i + "] is null");
            }
            if (!Ids.isValid(element)) {
                // Named only when invalid: detection builds lists like this every minute.
                id(field + "[" + i + "]", element);
            }
            if (!seen.add(element)) {
                throw new InvalidEventException(
                        InvalidReason.INVALID_VALUE,
                        field + "[" + i + "] " + quote(element) + " is listed twice");
            }
            copy.add(element);
        }
        return List.copyOf(copy);
    }

    /**
     * Lone surrogates survive JSON unicode escapes but cannot be encoded as UTF-8, so a record
     * holding one would not survive {@link EventSerde#toBytes} and a strict parse.
     */
    static void wellFormed(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidEventException(
                        InvalidReason.INVALID_VALUE,
                        field + " contains an unpaired surrogate at index " + i);
            }
        }
    }

    /** Counts characters the way JSON Schema {@code maxLength} does. */
    static int codePointLength(String value) {
        return value.codePointCount(0, value.length());
    }

    static int utf8Length(String value) {
        int bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes += 1; // the encoder substitutes '?' for a lone surrogate
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * A bad value quoted in an error message, shortened so that oversized input cannot turn into an
     * oversized dead letter.
     */
    static String quote(String value) {
        boolean shortened = value.length() > QUOTED_VALUE_MAX_CHARS;
        String shown = shortened ? value.substring(0, QUOTED_VALUE_MAX_CHARS) : value;
        StringBuilder quoted = new StringBuilder(shown.length() + 8).append('"');
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (Character.isISOControl(c) || Character.isSurrogate(c)) {
                quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        quoted.append('"');
        if (shortened) {
            quoted.append("... (").append(value.length()).append(" chars)");
        }
        return quoted.toString();
    }
}
