package io.outagewatch.detection.records;

import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.runtime.PojoSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * A {@link ServiceMinute} field by field: every service minute crosses from its window to the
 * detector and waits in the detector's state until the watermark passes it. Flink's record
 * serializer copied each one deeply whenever a checkpoint was being written while the detector
 * touched it; an immutable record needs no copy.
 *
 * <p>Service minutes are kept in state, so a changed layout gets a new {@link Snapshot} version
 * that still reads the old one.
 */
public final class ServiceMinuteSerializer extends ImmutableSerializer<ServiceMinute> {

    public static final ServiceMinuteSerializer INSTANCE = new ServiceMinuteSerializer();

    private static final long serialVersionUID = 1L;

    @Override
    ServiceMinute empty() {
        return ServiceMinute.empty("", Instant.EPOCH);
    }

    @Override
    public void serialize(ServiceMinute minute, DataOutputView target) throws IOException {
        StringValue.writeString(minute.service(), target);
        writeInstant(minute.minuteStart(), target);
        target.writeInt(minute.vantages().size());
        for (Map.Entry<String, VantageCounts> vantage : minute.vantages().entrySet()) {
            StringValue.writeString(vantage.getKey(), target);
            VantageCounts counts = vantage.getValue();
            target.writeBoolean(counts.region() != null);
            if (counts.region() != null) {
                StringValue.writeString(counts.region(), target);
            }
            target.writeInt(counts.probes());
            target.writeInt(counts.failures());
            target.writeInt(counts.timeouts());
        }
        target.writeInt(minute.excludedVantages().size());
        for (String vantage : minute.excludedVantages()) {
            StringValue.writeString(vantage, target);
        }
        target.writeDouble(minute.latencyP95Ms());
        target.writeInt(minute.latencySamples());
        target.writeInt(minute.complaints());
        target.writeInt(minute.complaintsByRegion().size());
        for (Map.Entry<String, Integer> region : minute.complaintsByRegion().entrySet()) {
            StringValue.writeString(region.getKey(), target);
            target.writeInt(region.getValue());
        }
        long[] authorHashes = minute.authorHashes();
        target.writeInt(authorHashes.length);
        for (long hash : authorHashes) {
            target.writeLong(hash);
        }
    }

    @Override
    public ServiceMinute deserialize(DataInputView source) throws IOException {
        String service = StringValue.readString(source);
        Instant minuteStart = readInstant(source);
        int vantageCount = source.readInt();
        Map<String, VantageCounts> vantages = new TreeMap<>();
        for (int i = 0; i < vantageCount; i++) {
            String vantage = StringValue.readString(source);
            String region = source.readBoolean() ? StringValue.readString(source) : null;
            vantages.put(
                    vantage,
                    new VantageCounts(
                            region, source.readInt(), source.readInt(), source.readInt()));
        }
        int excludedCount = source.readInt();
        List<String> excludedVantages = new ArrayList<>(excludedCount);
        for (int i = 0; i < excludedCount; i++) {
            excludedVantages.add(StringValue.readString(source));
        }
        double latencyP95Ms = source.readDouble();
        int latencySamples = source.readInt();
        int complaints = source.readInt();
        int regionCount = source.readInt();
        Map<String, Integer> complaintsByRegion = new TreeMap<>();
        for (int i = 0; i < regionCount; i++) {
            complaintsByRegion.put(StringValue.readString(source), source.readInt());
        }
        long[] authorHashes = new long[source.readInt()];
        for (int i = 0; i < authorHashes.length; i++) {
            authorHashes[i] = source.readLong();
        }
        return new ServiceMinute(
                service,
                minuteStart,
                vantages,
                excludedVantages,
                latencyP95Ms,
                latencySamples,
                complaints,
                complaintsByRegion,
                authorHashes);
    }

    @Override
    public TypeSerializerSnapshot<ServiceMinute> snapshotConfiguration() {
        return new Snapshot();
    }

    /**
     * Version 1: the layout above. State written by Flink's record serializer, which wrote service
     * minutes before this one, is read with that serializer and written again with this one.
     */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<ServiceMinute> {
        public Snapshot() {
            super(() -> INSTANCE);
        }

        @Override
        public TypeSerializerSchemaCompatibility<ServiceMinute> resolveSchemaCompatibility(
                TypeSerializerSnapshot<ServiceMinute> oldSerializerSnapshot) {
            if (oldSerializerSnapshot instanceof PojoSerializerSnapshot<ServiceMinute>) {
                return TypeSerializerSchemaCompatibility.compatibleAfterMigration();
            }
            return super.resolveSchemaCompatibility(oldSerializerSnapshot);
        }
    }

    /**
     * Named by {@link ServiceMinute}'s {@code @TypeInfo}, so type extraction finds this serializer.
     */
    public static final class Factory extends TypeInfoFactory<ServiceMinute> {
        @Override
        public TypeInformation<ServiceMinute> createTypeInfo(
                Type type, Map<String, TypeInformation<?>> genericParameters) {
            return new HandWrittenTypeInfo<>(ServiceMinute.class, INSTANCE);
        }
    }
}
