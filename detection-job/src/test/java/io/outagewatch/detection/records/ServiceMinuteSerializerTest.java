package io.outagewatch.detection.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.java.typeutils.PojoField;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.api.java.typeutils.TypeExtractor;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/**
 * Flink's own serializer checks over service minutes of every shape, and the migration from Flink's
 * record serializer, which wrote them before.
 */
class ServiceMinuteSerializerTest extends SerializerTestBase<ServiceMinute> {

    private static final Instant MINUTE = Instant.parse("2023-11-08T13:42:00Z");

    @Override
    protected TypeSerializer<ServiceMinute> createSerializer() {
        return ServiceMinuteSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<ServiceMinute> getTypeClass() {
        return ServiceMinute.class;
    }

    @Override
    protected ServiceMinute[] getTestData() {
        return minutes().toArray(ServiceMinute[]::new);
    }

    private static List<ServiceMinute> minutes() {
        return List.of(
                new ServiceMinute(
                        "chatgpt",
                        MINUTE,
                        Map.of(
                                "aws-us-east-1", new VantageCounts("us-east", 6, 5, 1),
                                "gcp-eu", new VantageCounts(null, 0, 0, 0)),
                        List.of("broken-vantage", "Ω-vantage"),
                        412.5,
                        17,
                        9,
                        Map.of("us-east", 7, "eu-west", 2),
                        new long[] {Long.MIN_VALUE, -3, 0, 42, Long.MAX_VALUE}),
                new ServiceMinute(
                        "github",
                        Instant.parse("2024-02-29T23:59:00.123456789Z"),
                        Map.of("v", new VantageCounts("eu-west", 1, 0, 0)),
                        List.of(),
                        Double.NaN,
                        0,
                        0,
                        Map.of()),
                ServiceMinute.empty("bluesky-app", Instant.EPOCH));
    }

    @Test
    void typeExtractionFindsTheHandWrittenSerializer() {
        TypeInformation<ServiceMinute> type = TypeInformation.of(ServiceMinute.class);
        assertThat(type.createSerializer(new SerializerConfigImpl()))
                .isSameAs(ServiceMinuteSerializer.INSTANCE);
    }

    @Test
    void stateWrittenByFlinksRecordSerializerMigrates() throws Exception {
        TypeSerializer<ServiceMinute> before =
                recordTypeInfo().createSerializer(new SerializerConfigImpl());
        DataOutputSerializer written = new DataOutputSerializer(256);
        for (ServiceMinute minute : minutes()) {
            before.serialize(minute, written);
        }
        DataOutputSerializer savedSnapshot = new DataOutputSerializer(256);
        TypeSerializerSnapshot.writeVersionedSnapshot(
                savedSnapshot, before.snapshotConfiguration());

        TypeSerializerSnapshot<ServiceMinute> restoredSnapshot =
                TypeSerializerSnapshot.readVersionedSnapshot(
                        new DataInputDeserializer(savedSnapshot.getCopyOfBuffer()),
                        getClass().getClassLoader());
        TypeSerializerSchemaCompatibility<ServiceMinute> compatibility =
                ServiceMinuteSerializer.INSTANCE
                        .snapshotConfiguration()
                        .resolveSchemaCompatibility(restoredSnapshot);
        assertThat(compatibility.isCompatibleAfterMigration()).isTrue();

        TypeSerializer<ServiceMinute> reader = restoredSnapshot.restoreSerializer();
        DataInputDeserializer in = new DataInputDeserializer(written.getCopyOfBuffer());
        DataOutputSerializer migrated = new DataOutputSerializer(256);
        for (int i = 0; i < minutes().size(); i++) {
            ServiceMinuteSerializer.INSTANCE.serialize(reader.deserialize(in), migrated);
        }
        DataInputDeserializer rewritten = new DataInputDeserializer(migrated.getCopyOfBuffer());
        for (ServiceMinute minute : minutes()) {
            assertThat(ServiceMinuteSerializer.INSTANCE.deserialize(rewritten)).isEqualTo(minute);
        }
    }

    @Test
    void itsOwnEarlierSnapshotIsCompatibleAsIs() {
        assertThat(
                        ServiceMinuteSerializer.INSTANCE
                                .snapshotConfiguration()
                                .resolveSchemaCompatibility(new ServiceMinuteSerializer.Snapshot())
                                .isCompatibleAsIs())
                .isTrue();
    }

    /** What type extraction gave service minutes before their own serializer: a record POJO. */
    private static PojoTypeInfo<ServiceMinute> recordTypeInfo() throws NoSuchFieldException {
        List<PojoField> fields = new ArrayList<>();
        for (RecordComponent component : ServiceMinute.class.getRecordComponents()) {
            Field field = ServiceMinute.class.getDeclaredField(component.getName());
            fields.add(new PojoField(field, TypeExtractor.createTypeInfo(field.getGenericType())));
        }
        return new PojoTypeInfo<>(ServiceMinute.class, fields);
    }
}
