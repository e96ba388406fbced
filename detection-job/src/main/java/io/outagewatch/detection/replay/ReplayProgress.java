package io.outagewatch.detection.replay;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Counts the records read from one replay input into an accumulator, for the summary; the line
 * reader counts them into the run's {@link ReplayTally} for its progress line.
 */
public final class ReplayProgress<R> extends RichMapFunction<R, R> {

    private static final long serialVersionUID = 1L;

    private final String input;
    private transient LongCounter records;

    public ReplayProgress(String input) {
        this.input = input;
    }

    public static String accumulatorName(String input) {
        return "records-read:" + input;
    }

    @Override
    public void open(OpenContext openContext) {
        records = new LongCounter();
        getRuntimeContext().addAccumulator(accumulatorName(input), records);
    }

    @Override
    public R map(R record) {
        records.add(1);
        return record;
    }
}
