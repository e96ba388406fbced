package io.outagewatch.events;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/**
 * Writes the JSON form of a record straight to a generator, without building a tree first: the
 * serdes write every record they send, and the tree and its allocation were most of that cost.
 * Fields appear in call order, which the serdes keep equal to declaration order, and absent
 * optional fields are left out rather than written as null.
 */
final class JsonObject {

    /** Writes the fields of one value into the object being written. */
    @FunctionalInterface
    interface FieldWriter<T> {
        void write(JsonObject out, T value) throws IOException;
    }

    private final JsonGenerator generator;

    private JsonObject(JsonGenerator generator) {
        this.generator = generator;
    }

    /**
     * Writes {@code value} as one JSON object, through a generator configured like the mapper's own
     * writes. The generator is closed even when a field writer throws, which closes the objects and
     * arrays left open: what reached {@code out} is still JSON.
     */
    static <T> void write(Writer out, T value, FieldWriter<T> fields) throws IOException {
        try (JsonGenerator generator = JsonCodec.MAPPER.createGenerator(out)) {
            generator.writeStartObject();
            fields.write(new JsonObject(generator), value);
            generator.writeEndObject();
        }
    }

    JsonObject string(String name, String value) throws IOException {
        if (value != null) {
            generator.writeStringField(name, value);
        }
        return this;
    }

    JsonObject timestamp(String name, Instant value) throws IOException {
        if (value != null) {
            generator.writeStringField(name, value.toString());
        }
        return this;
    }

    JsonObject bool(String name, boolean value) throws IOException {
        generator.writeBooleanField(name, value);
        return this;
    }

    JsonObject number(String name, Double value) throws IOException {
        if (value != null) {
            generator.writeNumberField(name, value.doubleValue());
        }
        return this;
    }

    JsonObject number(String name, Long value) throws IOException {
        if (value != null) {
            generator.writeNumberField(name, value.longValue());
        }
        return this;
    }

    JsonObject number(String name, Integer value) throws IOException {
        if (value != null) {
            generator.writeNumberField(name, value.intValue());
        }
        return this;
    }

    JsonObject strings(String name, List<String> values) throws IOException {
        generator.writeArrayFieldStart(name);
        for (String value : values) {
            generator.writeString(value);
        }
        generator.writeEndArray();
        return this;
    }

    /** A nested object, left out when {@code value} is null. */
    <T> JsonObject object(String name, T value, FieldWriter<T> fields) throws IOException {
        if (value != null) {
            generator.writeObjectFieldStart(name);
            fields.write(this, value);
            generator.writeEndObject();
        }
        return this;
    }

    /** An array of objects, left out when there are none. */
    <T> JsonObject objectsUnlessEmpty(String name, List<T> values, FieldWriter<T> fields)
            throws IOException {
        if (!values.isEmpty()) {
            generator.writeArrayFieldStart(name);
            for (T value : values) {
                generator.writeStartObject();
                fields.write(this, value);
                generator.writeEndObject();
            }
            generator.writeEndArray();
        }
        return this;
    }
}
