package io.outagewatch.detection.serde;

import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Writes values as their codec's bytes, length-prefixed. Values are treated as immutable. */
public final class CodecSerializer<T> extends TypeSerializer<T> {

    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private final BytesCodec<T> codec;

    CodecSerializer(Class<T> type, BytesCodec<T> codec) {
        this.type = Objects.requireNonNull(type, "type");
        this.codec = Objects.requireNonNull(codec, "codec");
    }

    Class<T> type() {
        return type;
    }

    BytesCodec<T> codec() {
        return codec;
    }

    @Override
    public boolean isImmutableType() {
        return codec.immutableValues();
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return this;
    }

    @Override
    public T createInstance() {
        return null;
    }

    @Override
    public T copy(T from) {
        if (codec.immutableValues() || from == null) {
            return from;
        }
        // State objects are mutated by the detector; a deep copy keeps heap-backed state honest.
        try {
            return codec.decode(codec.encode(from), Thread.currentThread().getContextClassLoader());
        } catch (IOException e) {
            throw new IllegalStateException("cannot copy " + type.getSimpleName(), e);
        }
    }

    @Override
    public T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        byte[] bytes = codec.encode(record);
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        byte[] bytes = new byte[source.readInt()];
        source.readFully(bytes);
        return codec.decode(bytes, Thread.currentThread().getContextClassLoader());
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        target.writeInt(length);
        target.write(source, length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CodecSerializer<?> that
                && that.type.equals(type)
                && that.codec.equals(codec);
    }

    @Override
    public int hashCode() {
        return type.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new CodecSerializerSnapshot<>(this);
    }
}
