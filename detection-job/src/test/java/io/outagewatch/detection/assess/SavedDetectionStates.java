package io.outagewatch.detection.assess;

import io.outagewatch.detection.functions.OutageDetector;
import io.outagewatch.detection.serde.CodecTypeInfo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.SavepointReader;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;

/**
 * Reads the outage detector's per-service state out of savepoints with the State Processor API, the
 * way an operator would inspect a savepoint before an upgrade.
 */
public final class SavedDetectionStates {

    private static final String DETECTOR_UID = "outage-detector";

    /**
     * One service's detector state in one savepoint.
     *
     * @param serialized the whole {@link ServiceDetectionState} (baselines, duration history,
     *     incident tracker), Java-serialised as the state backend stores it
     * @param complaintMinutesObserved minutes the complaint baseline has learned from
     * @param incidentOpen the incident state machine holds an open incident
     * @param eventTimeTimers the service's pending event-time timers
     */
    public record Saved(
            String savepoint,
            String service,
            byte[] serialized,
            long complaintMinutesObserved,
            boolean incidentOpen,
            List<Long> eventTimeTimers)
            implements Serializable {}

    private SavedDetectionStates() {}

    /** The detector state of every service, by savepoint path and then by service. */
    public static Map<String, Map<String, Saved>> read(List<String> savepoints) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        DataStream<Saved> all = null;
        for (String savepoint : savepoints) {
            DataStream<Saved> one =
                    SavepointReader.read(env, savepoint, new HashMapStateBackend())
                            .readKeyedState(
                                    OperatorIdentifier.forUid(DETECTOR_UID),
                                    new Reader(savepoint),
                                    Types.STRING,
                                    CodecTypeInfo.javaSerialized(Saved.class));
            all = all == null ? one : all.union(one);
        }
        Map<String, Map<String, Saved>> bySavepoint = new TreeMap<>();
        for (String savepoint : savepoints) {
            bySavepoint.put(savepoint, new TreeMap<>());
        }
        try (CloseableIterator<Saved> rows = all.executeAndCollect("read detector state")) {
            rows.forEachRemaining(
                    saved -> bySavepoint.get(saved.savepoint()).put(saved.service(), saved));
        }
        return bySavepoint;
    }

    private static final class Reader extends KeyedStateReaderFunction<String, Saved> {

        private static final long serialVersionUID = 1L;

        private final String savepoint;
        private transient ValueState<ServiceDetectionState> detection;

        Reader(String savepoint) {
            this.savepoint = savepoint;
        }

        @Override
        public void open(OpenContext openContext) {
            detection = getRuntimeContext().getState(OutageDetector.DETECTION_STATE);
        }

        @Override
        public void readKey(String service, Context context, Collector<Saved> out)
                throws Exception {
            // Only the detection state is registered, so every key read has one.
            ServiceDetectionState state = detection.value();
            List<Long> timers = new ArrayList<>(context.registeredEventTimeTimers());
            timers.sort(null);
            out.collect(
                    new Saved(
                            savepoint,
                            service,
                            serialize(state),
                            state.complaints().observedMinutes(),
                            state.tracker().isIncidentOpen(),
                            timers));
        }

        private static byte[] serialize(ServiceDetectionState state) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(state);
            }
            return bytes.toByteArray();
        }
    }
}
