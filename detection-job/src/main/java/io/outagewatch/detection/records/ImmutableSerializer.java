package io.outagewatch.detection.records;

import java.io.IOException;
import java.time.Instant;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * What every hand-written serializer of an immutable record shares: copies are the record itself,
 * nothing is ever reused, and the length varies. Subclasses write and read the fields.
 */
abstract class ImmutableSerializer<T> extends TypeSerializerSingleton<T> {

    private static final long serialVersionUID = 1L;

    /** What {@link #createInstance} gives: a record holding nothing. */
    abstract T empty();

    @Override
    public final boolean isImmutableType() {
        return true;
    }

    @Override
    public final T createInstance() {
        return empty();
    }

    @Override
    public final T copy(T from) {
        return from;
    }

    @Override
    public final T copy(T from, T reuse) {
        return from;
    }

    @Override
    public final int getLength() {
        return -1;
    }

    @Override
    public final T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public final void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    /** An instant as its epoch second and nanosecond, exact over {@link Instant}'s whole range. */
    static void writeInstant(Instant instant, DataOutputView target) throws IOException {
        target.writeLong(instant.getEpochSecond());
        target.writeInt(instant.getNano());
    }

    static Instant readInstant(DataInputView source) throws IOException {
        return Instant.ofEpochSecond(source.readLong(), source.readInt());
    }
}
