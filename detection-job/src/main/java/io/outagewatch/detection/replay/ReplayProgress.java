package io.outagewatch.detection.replay;

import io.outagewatch.detection.records.RawRecord;
import java.util.Optional;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Counts the records read from one replay input: into an accumulator for the summary, and into the
 * run's {@link ReplayTally} for its progress line.
 */
public final class ReplayProgress extends RichMapFunction<RawRecord, RawRecord> {

    private static final long serialVersionUID = 1L;

    private final String input;
    private final String tallyId;
    private transient LongCounter records;
    private transient Optional<ReplayTally> tally;

    public ReplayProgress(String input, String tallyId) {
        this.input = input;
        this.tallyId = tallyId;
    }

    public static String accumulatorName(String input) {
        return "records-read:" + input;
    }

    @Override
    public void open(OpenContext openContext) {
        records = new LongCounter();
        getRuntimeContext().addAccumulator(accumulatorName(input), records);
        tally = ReplayTally.find(tallyId);
    }

    @Override
    public RawRecord map(RawRecord raw) {
        records.add(1);
        tally.ifPresent(run -> run.read(raw));
        return raw;
    }
}
