package io.outagewatch.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Typed, strict access to the fields of one JSON object. JSON types are not coerced: a number is
 * never accepted as a string, nor the string "true" as a boolean. A JSON null counts as absent.
 */
final class JsonFields {
    private final ObjectNode node;

    JsonFields(ObjectNode node) {
        this.node = node;
    }

    String requiredString(String name) {
        return string(name, required(name));
    }

    String optionalString(String name) {
        JsonNode value = optional(name);
        return value == null ? null : string(name, value);
    }

    boolean requiredBoolean(String name) {
        JsonNode value = required(name);
        if (!value.isBoolean()) {
            throw wrongType(name, "a boolean", value);
        }
        return value.booleanValue();
    }

    double requiredDouble(String name) {
        return number(name, required(name)).doubleValue();
    }

    Double optionalDouble(String name) {
        JsonNode value = optional(name);
        return value == null ? null : number(name, value).doubleValue();
    }

    int requiredInt(String name) {
        return integer(name, required(name));
    }

    Integer optionalInt(String name) {
        JsonNode value = optional(name);
        return value == null ? null : integer(name, value);
    }

    Long optionalLong(String name) {
        JsonNode value = optional(name);
        if (value == null) {
            return null;
        }
        integral(name, value);
        if (!value.canConvertToLong()) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE, name + " " + value + " is out of range");
        }
        return value.longValue();
    }

    Instant requiredTimestamp(String name) {
        return timestamp(name, required(name));
    }

    Instant optionalTimestamp(String name) {
        JsonNode value = optional(name);
        return value == null ? null : timestamp(name, value);
    }

    <E extends Enum<E>> E requiredEnum(String name, E[] constants, Function<E, String> wireName) {
        return enumConstant(name, required(name), constants, wireName);
    }

    <E extends Enum<E>> E optionalEnum(String name, E[] constants, Function<E, String> wireName) {
        JsonNode value = optional(name);
        return value == null ? null : enumConstant(name, value, constants, wireName);
    }

    /**
     * Null when absent; the record constructors turn that into an empty list. Null elements are
     * passed on so the constructor reports them the same way for parsed and hand-built values.
     */
    List<String> optionalStringList(String name) {
        JsonNode value = optional(name);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw wrongType(name, "an array", value);
        }
        List<String> strings = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            String elementName = name + "[" + i + "]";
            JsonNode element = value.get(i);
            strings.add(element.isNull() ? null : string(elementName, element));
        }
        return strings;
    }

    /**
     * Null when absent; the record constructors turn that into an empty list. An array longer than
     * {@code maxItems} is refused before its elements are read; null elements are passed on for the
     * constructor to report.
     */
    <R> List<R> optionalObjectList(String name, int maxItems, Function<JsonFields, R> reader) {
        JsonNode value = optional(name);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw wrongType(name, "an array", value);
        }
        if (value.size() > maxItems) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE,
                    name + " has " + value.size() + " entries; the maximum is " + maxItems);
        }
        List<R> objects = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            objects.add(element.isNull() ? null : object(name + "[" + i + "]", element, reader));
        }
        return objects;
    }

    <R> R requiredObject(String name, Function<JsonFields, R> reader) {
        return object(name, required(name), reader);
    }

    <R> R optionalObject(String name, Function<JsonFields, R> reader) {
        JsonNode value = optional(name);
        return value == null ? null : object(name, value, reader);
    }

    private JsonNode required(String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            throw new InvalidEventException(InvalidReason.MISSING_FIELD, name);
        }
        if (value.isNull()) {
            throw new InvalidEventException(InvalidReason.MISSING_FIELD, name + " is null");
        }
        return value;
    }

    private JsonNode optional(String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private static String string(String name, JsonNode value) {
        if (!value.isTextual()) {
            throw wrongType(name, "a string", value);
        }
        return value.textValue();
    }

    private static JsonNode number(String name, JsonNode value) {
        if (!value.isNumber()) {
            throw wrongType(name, "a number", value);
        }
        return value;
    }

    private static void integral(String name, JsonNode value) {
        number(name, value);
        if (!value.isIntegralNumber()) {
            throw new InvalidEventException(
                    InvalidReason.WRONG_TYPE,
                    name + " must be an integer, got number " + Checks.quote(value.toString()));
        }
    }

    private static int integer(String name, JsonNode value) {
        integral(name, value);
        if (!value.canConvertToInt()) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_VALUE,
                    name + " " + Checks.quote(value.toString()) + " is out of range");
        }
        return value.intValue();
    }

    private static Instant timestamp(String name, JsonNode value) {
        if (value.isTextual()) {
            return Timestamps.parse(name, value.textValue());
        }
        if (!value.isNumber()) {
            throw wrongType(name, "an ISO-8601 string or epoch milliseconds", value);
        }
        if (!value.isIntegralNumber()) {
            throw new InvalidEventException(
                    InvalidReason.INVALID_TIMESTAMP,
                    name
                            + " "
                            + Checks.quote(value.toString())
                            + " is not integral epoch milliseconds");
        }
        if (!value.canConvertToLong()) {
            throw new InvalidEventException(
                    InvalidReason.TIMESTAMP_OUT_OF_RANGE,
                    name
                            + " "
                            + Checks.quote(value.toString())
                            + " epoch milliseconds is outside 2000-01-01 to 2100-12-31");
        }
        return Timestamps.fromEpochMillis(name, value.longValue());
    }

    private static <E extends Enum<E>> E enumConstant(
            String name, JsonNode value, E[] constants, Function<E, String> wireName) {
        String text = string(name, value);
        for (E constant : constants) {
            if (wireName.apply(constant).equals(text)) {
                return constant;
            }
        }
        throw new InvalidEventException(
                InvalidReason.INVALID_VALUE,
                name
                        + " "
                        + Checks.quote(text)
                        + " must be one of "
                        + Stream.of(constants).map(wireName).collect(Collectors.joining(", ")));
    }

    private static <R> R object(String name, JsonNode value, Function<JsonFields, R> reader) {
        if (!value.isObject()) {
            throw wrongType(name, "an object", value);
        }
        try {
            return reader.apply(new JsonFields((ObjectNode) value));
        } catch (InvalidEventException e) {
            throw e.nestedIn(name);
        }
    }

    private static InvalidEventException wrongType(String name, String expected, JsonNode value) {
        return new InvalidEventException(
                InvalidReason.WRONG_TYPE,
                name + " must be " + expected + ", got " + JsonCodec.typeName(value));
    }
}
