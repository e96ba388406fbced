package io.outagewatch.detection.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.testutils.ClassLoaderUtils;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise docs/operations.md makes about the detector's state types: a record kept in keyed
 * state can gain or lose a field between releases, and a savepoint written before the change
 * restores. Two versions of one record are compiled into two class loaders, standing for two
 * releases of the job; a harness with the first writes the state and snapshots it, and a harness
 * with the second restores that snapshot through the heap state backend, as a job restored from a
 * savepoint does. Flink's POJO serializer handles records since Flink 1.19 and fills a field the
 * snapshot lacks with its type's default.
 */
class StateSchemaEvolutionTest {

    private static final String RECORD = "LearnedRate";
    private static final String SERVICE = "chatgpt";
    private static final Instant LAST_SEEN = Instant.parse("2024-03-04T12:00:00Z");

    private static final String VERSION_1 =
            "public record LearnedRate(double ewma, java.time.Instant lastSeen) {}";

    /** Version 1 with two more fields, one primitive and one a list. */
    private static final String VERSION_2 =
            "public record LearnedRate(double ewma, java.time.Instant lastSeen,"
                    + " long observedMinutes, java.util.List<String> notes) {}";

    /** Version 1 with a primitive array, as {@code ServiceMinute} gained its author sample. */
    private static final String VERSION_3 =
            "public record LearnedRate(double ewma, java.time.Instant lastSeen,"
                    + " long[] authorHashes) {}";

    /** A harness element that makes the function emit what it holds instead of storing. */
    private static final String READ = "read";

    @TempDir Path classes;

    @Test
    void aRecordThatGainsFieldsRestoresFromASnapshotWrittenBefore() throws Exception {
        ClassLoader before = compile("v1", VERSION_1);
        ClassLoader after = compile("v2", VERSION_2);

        OperatorSubtaskState savepoint = write(before, newRecord(before, 0.25, LAST_SEEN));
        Object restored = read(after, savepoint);

        assertThat(restored.getClass().getClassLoader()).isSameAs(after);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ewma", 0.25);
        fields.put("lastSeen", LAST_SEEN);
        fields.put("observedMinutes", 0L);
        fields.put("notes", null);
        assertThat(components(restored)).isEqualTo(fields);
    }

    @Test
    void aRecordThatLosesFieldsRestoresFromASnapshotWrittenBefore() throws Exception {
        ClassLoader before = compile("v2", VERSION_2);
        ClassLoader after = compile("v1", VERSION_1);

        OperatorSubtaskState savepoint =
                write(before, newRecord(before, 0.25, LAST_SEEN, 1_440L, List.of("flaky")));
        Object restored = read(after, savepoint);

        assertThat(components(restored)).isEqualTo(Map.of("ewma", 0.25, "lastSeen", LAST_SEEN));
    }

    /** Its records map a missing array to an empty one in their constructor. */
    @Test
    void aRecordThatGainsAnArrayRestoresItAsNull() throws Exception {
        ClassLoader before = compile("v1", VERSION_1);
        ClassLoader after = compile("v3", VERSION_3);

        OperatorSubtaskState savepoint = write(before, newRecord(before, 0.25, LAST_SEEN));
        Object restored = read(after, savepoint);

        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ewma", 0.25);
        fields.put("lastSeen", LAST_SEEN);
        fields.put("authorHashes", null);
        assertThat(components(restored)).isEqualTo(fields);
    }

    private ClassLoader compile(String release, String source) throws IOException {
        return ClassLoaderUtils.withRoot(classes.resolve(release).toFile())
                .addClass(RECORD, source)
                .build();
    }

    /** Stores {@code value} for the service with the release's classes and takes a snapshot. */
    private static OperatorSubtaskState write(ClassLoader release, Object value) throws Exception {
        try (MockEnvironment environment = environment(release);
                var harness = harness(release, environment)) {
            harness.open();
            harness.processElement(value, 0);
            return harness.snapshot(1L, 1L);
        }
    }

    /** What the service holds after a restore of the snapshot with the release's classes. */
    private static Object read(ClassLoader release, OperatorSubtaskState snapshot)
            throws Exception {
        try (MockEnvironment environment = environment(release);
                var harness = harness(release, environment)) {
            harness.initializeState(snapshot);
            harness.open();
            harness.processElement(READ, 0);
            assertThat(harness.extractOutputValues()).hasSize(1);
            return harness.extractOutputValues().get(0);
        }
    }

    /** A task environment whose user code is the release's classes, without generic types. */
    private static MockEnvironment environment(ClassLoader release) {
        Configuration noGenericTypes = new Configuration();
        noGenericTypes.set(PipelineOptions.GENERIC_TYPES, false);
        ExecutionConfig config = new ExecutionConfig();
        config.configure(noGenericTypes, release);
        return new MockEnvironmentBuilder()
                .setUserCodeClassLoader(release)
                .setExecutionConfig(config)
                .build();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Object, Object> harness(
            ClassLoader release, MockEnvironment environment) throws Exception {
        TypeInformation<Object> type = TypeInformation.of(recordClass(release));
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new KeepLatest(type)),
                element -> SERVICE,
                Types.STRING,
                environment);
    }

    @SuppressWarnings("unchecked")
    private static Class<Object> recordClass(ClassLoader release) throws ClassNotFoundException {
        return (Class<Object>) Class.forName(RECORD, true, release);
    }

    private static Object newRecord(ClassLoader release, Object... components) throws Exception {
        return recordClass(release).getConstructors()[0].newInstance(components);
    }

    private static Map<String, Object> components(Object record) throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            values.put(component.getName(), component.getAccessor().invoke(record));
        }
        return values;
    }

    /** Keeps the latest element per key in a value state of the given type; emits it on READ. */
    private static final class KeepLatest extends KeyedProcessFunction<String, Object, Object> {

        private static final long serialVersionUID = 1L;

        private final TypeInformation<Object> type;
        private transient ValueState<Object> latest;

        KeepLatest(TypeInformation<Object> type) {
            this.type = type;
        }

        @Override
        public void open(OpenContext openContext) {
            latest = getRuntimeContext().getState(new ValueStateDescriptor<>("latest", type));
        }

        @Override
        public void processElement(Object element, Context context, Collector<Object> out)
                throws Exception {
            if (READ.equals(element)) {
                out.collect(latest.value());
            } else {
                latest.update(element);
            }
        }
    }
}
