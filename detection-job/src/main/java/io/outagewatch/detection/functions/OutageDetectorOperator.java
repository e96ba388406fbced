package io.outagewatch.detection.functions;

import io.outagewatch.detection.records.ServiceSignal;
import io.outagewatch.events.Alert;
import io.outagewatch.events.StatusUpdate;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;

/**
 * Runs the {@link OutageDetector} and gives it the key context it needs to write its services'
 * state in batches: the services decided since the last snapshot are written to keyed state right
 * before the next one, on the task thread, so every checkpoint and savepoint holds the whole truth
 * while a minute in between writes nothing. Between snapshots the detector's live objects are the
 * truth, as the heap state backend's objects would be.
 */
public final class OutageDetectorOperator
        extends KeyedCoProcessOperator<String, ServiceSignal, StatusUpdate, Alert> {

    private static final long serialVersionUID = 1L;

    private final OutageDetector detector;

    public OutageDetectorOperator(OutageDetector detector) {
        super(detector);
        this.detector = detector;
    }

    @Override
    public void open() throws Exception {
        detector.useKeyContext(this);
        super.open();
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        detector.saveDecided();
        super.snapshotState(context);
    }
}
