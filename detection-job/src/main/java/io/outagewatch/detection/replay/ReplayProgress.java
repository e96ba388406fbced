package io.outagewatch.detection.replay;

import java.io.PrintStream;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Counts the records read from one replay input into an accumulator and reports progress on stderr
 * for long inputs.
 */
public final class ReplayProgress<R> extends RichMapFunction<R, R> {

    private static final long serialVersionUID = 1L;
    static final long REPORT_EVERY = 250_000;

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
        if (records.getLocalValue() % REPORT_EVERY == 0) {
            PrintStream progress = System.err;
            progress.println("replay: " + records.getLocalValue() + " records read from " + input);
        }
        return record;
    }
}
