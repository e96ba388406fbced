package io.outagewatch.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * Builds the JSON form of a record. Fields appear in call order, which the serdes keep equal to
 * declaration order, and absent optional fields are left out rather than written as null.
 */
final class JsonObject {
    private final ObjectNode node = JsonCodec.MAPPER.createObjectNode();

    JsonObject string(String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
        return this;
    }

    JsonObject timestamp(String name, Instant value) {
        if (value != null) {
            node.put(name, value.toString());
        }
        return this;
    }

    JsonObject bool(String name, boolean value) {
        node.put(name, value);
        return this;
    }

    JsonObject number(String name, Double value) {
        if (value != null) {
            node.put(name, value);
        }
        return this;
    }

    JsonObject number(String name, Long value) {
        if (value != null) {
            node.put(name, value);
        }
        return this;
    }

    JsonObject number(String name, Integer value) {
        if (value != null) {
            node.put(name, value);
        }
        return this;
    }

    JsonObject strings(String name, List<String> values) {
        ArrayNode array = node.putArray(name);
        values.forEach(array::add);
        return this;
    }

    /** An array of objects, left out when there are none. */
    JsonObject objectsUnlessEmpty(String name, List<ObjectNode> values) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(name);
            values.forEach(array::add);
        }
        return this;
    }

    JsonObject object(String name, ObjectNode value) {
        if (value != null) {
            node.set(name, value);
        }
        return this;
    }

    ObjectNode node() {
        return node;
    }
}
