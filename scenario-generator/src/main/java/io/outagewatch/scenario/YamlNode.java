package io.outagewatch.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.outagewatch.events.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One mapping of a scenario file, read strictly: an unknown key, a missing required key or a value
 * of the wrong type is an {@link IllegalArgumentException} that names the key by its path.
 */
final class YamlNode {

    private final JsonNode node;
    private final String path;

    YamlNode(JsonNode node, String path, Set<String> allowedKeys) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(path + " must be a mapping");
        }
        this.node = node;
        this.path = path;
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowedKeys.contains(name)) {
                throw new IllegalArgumentException(
                        path + ": unknown key '" + name + "'; expected one of " + allowedKeys);
            }
        }
    }

    /** Where this mapping sits in its file. */
    String where() {
        return path;
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    boolean has(String key) {
        return node.hasNonNull(key);
    }

    JsonNode raw(String key) {
        return node.get(key);
    }

    String text(String key) {
        return optionalText(key)
                .orElseThrow(() -> new IllegalArgumentException(path(key) + " is required"));
    }

    Optional<String> optionalText(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() && !value.isNumber() && !value.isBoolean()) {
            throw new IllegalArgumentException(path(key) + " must be a text value");
        }
        return Optional.of(value.asText());
    }

    Instant instant(String key) {
        String text = text(key);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    path(key)
                            + " must be an ISO-8601 UTC time such as 2023-11-08T13:42:00Z, got '"
                            + text
                            + "'");
        }
    }

    Duration duration(String key) {
        try {
            return DurationText.parse(text(key));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path(key) + ": " + e.getMessage());
        }
    }

    Optional<Duration> optionalDuration(String key) {
        return has(key) ? Optional.of(duration(key)) : Optional.empty();
    }

    double number(String key, double fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(path(key) + " must be a number");
        }
        return value.asDouble();
    }

    long integer(String key, long fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(path(key) + " must be a whole number");
        }
        return value.asLong();
    }

    int count(String key) {
        if (!has(key)) {
            throw new IllegalArgumentException(path(key) + " is required");
        }
        long value = integer(key, 0);
        if (value < 1 || value > 1_000_000) {
            throw new IllegalArgumentException(
                    path(key) + " must be between 1 and 1000000, got " + value);
        }
        return (int) value;
    }

    boolean flag(String key, boolean fallback) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(path(key) + " must be true or false");
        }
        return value.asBoolean();
    }

    List<String> texts(String key) {
        List<String> values = new ArrayList<>();
        for (JsonNode item : list(key)) {
            if (!item.isTextual()) {
                throw new IllegalArgumentException(path(key) + " must be a list of text values");
            }
            values.add(item.asText());
        }
        return values;
    }

    /** The items of a list; an absent key is an empty list. */
    List<JsonNode> list(String key) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw new IllegalArgumentException(path(key) + " must be a list");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }
}
