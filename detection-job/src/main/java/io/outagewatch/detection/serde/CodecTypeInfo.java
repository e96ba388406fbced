package io.outagewatch.detection.serde;

import io.outagewatch.events.EventSerde;
import java.io.Serializable;
import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink type information backed by a {@link BytesCodec}: wire types travel and sit in state as
 * their own JSON, so the contract in {@code events/} is also the savepoint format, and no Kryo
 * guesswork is involved.
 */
public final class CodecTypeInfo<T> extends TypeInformation<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final BytesCodec<T> codec;

    private CodecTypeInfo(Class<T> type, BytesCodec<T> codec) {
        this.type = Objects.requireNonNull(type, "type");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    public static <T> CodecTypeInfo<T> wire(Class<T> type, EventSerde<T> serde) {
        return new CodecTypeInfo<>(type, BytesCodec.wire(serde));
    }

    public static <T extends Serializable> CodecTypeInfo<T> javaSerialized(Class<T> type) {
        return new CodecTypeInfo<>(type, BytesCodec.javaSerialization());
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return type;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new CodecSerializer<>(type, codec);
    }

    @Override
    public String toString() {
        return "Codec<" + type.getSimpleName() + ">";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CodecTypeInfo<?> that
                && that.type.equals(type)
                && that.codec.equals(codec);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof CodecTypeInfo;
    }
}
