package io.outagewatch.detection.serde;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.util.InstantiationUtil;

/**
 * Remembers the type and codec that wrote a savepoint. The bytes carry their own evolution rules
 * (wire JSON ignores unknown fields; Java serialisation follows serialVersionUID), so a restore
 * with a codec of the same kind is compatible as is.
 */
public final class CodecSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {

    private static final int VERSION = 1;

    private CodecSerializer<T> serializer;

    /** For Flink's reflective restore. */
    public CodecSerializerSnapshot() {}

    CodecSerializerSnapshot(CodecSerializer<T> serializer) {
        this.serializer = serializer;
    }

    @Override
    public int getCurrentVersion() {
        return VERSION;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
        out.writeUTF(serializer.type().getName());
        byte[] codec = InstantiationUtil.serializeObject(serializer.codec());
        out.writeInt(codec.length);
        out.write(codec);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader classLoader)
            throws IOException {
        try {
            Class<T> type = (Class<T>) Class.forName(in.readUTF(), true, classLoader);
            byte[] codec = new byte[in.readInt()];
            in.readFully(codec);
            serializer =
                    new CodecSerializer<>(
                            type, InstantiationUtil.deserializeObject(codec, classLoader));
        } catch (ClassNotFoundException e) {
            throw new IOException("cannot restore the codec serializer", e);
        }
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
        return serializer;
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(
            TypeSerializerSnapshot<T> oldSnapshot) {
        return oldSnapshot instanceof CodecSerializerSnapshot
                ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                : TypeSerializerSchemaCompatibility.incompatible();
    }
}
