package io.outagewatch.detection.assess;

import io.outagewatch.detection.StateSerialization;
import io.outagewatch.detection.baseline.LatencyStats;
import io.outagewatch.detection.baseline.SeasonalRates;
import io.outagewatch.detection.estimate.ServiceHistory;
import io.outagewatch.detection.functions.DetectorState;
import io.outagewatch.detection.incident.IncidentState;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
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
     * @param serialized every piece of the service's {@link DetectorState} (baselines, vantages,
     *     duration history, incident tracker, last decided minute), each written by the serializer
     *     Flink keeps it with, one after the other
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
            List<Long> eventTimeTimers) {}

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
                                    TypeInformation.of(Saved.class));
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
        private transient DetectorState detection;

        Reader(String savepoint) {
            this.savepoint = savepoint;
        }

        @Override
        public void open(OpenContext openContext) {
            detection = new DetectorState(getRuntimeContext());
        }

        @Override
        public void readKey(String service, Context context, Collector<Saved> out)
                throws Exception {
            StoredDetection stored = detection.load();
            List<Long> timers = new ArrayList<>(context.registeredEventTimeTimers());
            timers.sort(null);
            out.collect(
                    new Saved(
                            savepoint,
                            service,
                            serialize(stored),
                            stored.complaints().observedMinutes(),
                            stored.tracker().incident() != null,
                            timers));
        }

        private static byte[] serialize(StoredDetection stored) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(StateSerialization.bytes(stored.tracker(), IncidentState.class));
            bytes.writeBytes(StateSerialization.bytes(stored.complaints(), SeasonalRates.class));
            bytes.writeBytes(StateSerialization.bytes(stored.latency(), LatencyStats.class));
            bytes.writeBytes(StateSerialization.bytes(stored.durations(), ServiceHistory.class));
            if (stored.lastMinuteStart() != null) {
                bytes.writeBytes(StateSerialization.bytes(stored.lastMinuteStart(), Instant.class));
            }
            for (Map.Entry<String, VantageRate> vantage :
                    new TreeMap<>(stored.vantages()).entrySet()) {
                bytes.writeBytes(StateSerialization.bytes(vantage.getKey(), String.class));
                bytes.writeBytes(StateSerialization.bytes(vantage.getValue(), VantageRate.class));
            }
            return bytes.toByteArray();
        }
    }
}
