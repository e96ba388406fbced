package io.outagewatch.detection.records;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * A {@link Probe} on the wire between the source and its vantage's window, field by field. Every
 * probe crosses that shuffle, so it is written by hand: Flink's record serializer reaches each
 * field and the record's constructor by reflection.
 *
 * <p>Probes are never kept in state, but a checkpoint can still hold some in flight (unaligned
 * checkpoints); a changed layout therefore gets a new {@link Snapshot} version.
 */
public final class ProbeSerializer extends ImmutableSerializer<Probe> {

    public static final ProbeSerializer INSTANCE = new ProbeSerializer();

    private static final long serialVersionUID = 1L;

    private static final byte SUCCESS = 1;
    private static final byte TIMEOUT = 2;
    private static final byte HAS_REGION = 4;

    @Override
    Probe empty() {
        return new Probe("", "", null, 0, false, Double.NaN, false, 0, 0);
    }

    @Override
    public void serialize(Probe probe, DataOutputView target) throws IOException {
        StringValue.writeString(probe.service(), target);
        StringValue.writeString(probe.vantage(), target);
        byte flags =
                (byte)
                        ((probe.success() ? SUCCESS : 0)
                                | (probe.timeout() ? TIMEOUT : 0)
                                | (probe.region() != null ? HAS_REGION : 0));
        target.writeByte(flags);
        if (probe.region() != null) {
            StringValue.writeString(probe.region(), target);
        }
        target.writeLong(probe.timestampMillis());
        target.writeDouble(probe.latencyMs());
        target.writeLong(probe.fingerprint());
        target.writeLong(probe.leadMillis());
    }

    @Override
    public Probe deserialize(DataInputView source) throws IOException {
        String service = RecurringStrings.read(source);
        String vantage = RecurringStrings.read(source);
        byte flags = source.readByte();
        String region = (flags & HAS_REGION) != 0 ? RecurringStrings.read(source) : null;
        return new Probe(
                service,
                vantage,
                region,
                source.readLong(),
                (flags & SUCCESS) != 0,
                source.readDouble(),
                (flags & TIMEOUT) != 0,
                source.readLong(),
                source.readLong());
    }

    @Override
    public TypeSerializerSnapshot<Probe> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Version 1: the layout above. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Probe> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    /** Named by {@link Probe}'s {@code @TypeInfo}, so type extraction finds this serializer. */
    public static final class Factory extends TypeInfoFactory<Probe> {
        @Override
        public TypeInformation<Probe> createTypeInfo(
                Type type, Map<String, TypeInformation<?>> genericParameters) {
            return new HandWrittenTypeInfo<>(Probe.class, INSTANCE);
        }
    }
}
