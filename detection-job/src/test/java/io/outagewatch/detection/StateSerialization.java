package io.outagewatch.detection;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

/**
 * Round trips through the serializer Flink picks for a type, as keyed state does, with generic
 * types disabled: a type that would fall back to Kryo fails here instead.
 */
public final class StateSerialization {

    private StateSerialization() {}

    public static <T> TypeSerializer<T> serializer(TypeInformation<T> type) {
        SerializerConfigImpl config = new SerializerConfigImpl();
        config.setGenericTypes(false);
        return type.createSerializer(config);
    }

    public static <T> byte[] bytes(T value, Class<T> type) {
        return bytes(value, TypeInformation.of(type));
    }

    public static <T> byte[] bytes(T value, TypeInformation<T> type) {
        DataOutputSerializer out = new DataOutputSerializer(256);
        try {
            serializer(type).serialize(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.getCopyOfBuffer();
    }

    public static <T> T copy(T value, Class<T> type) {
        try {
            return serializer(TypeInformation.of(type))
                    .deserialize(new DataInputDeserializer(bytes(value, type)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
