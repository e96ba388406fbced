package io.outagewatch.detection.replay;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.DeadLetterSerde;
import io.outagewatch.events.MinuteSignals;
import io.outagewatch.events.MinuteSignalsSerde;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Renders alerts, dead letters and service signals as replay output lines, keeping what orders
 * them.
 */
public final class ToReplayLine {

    /** Width of zero-padded numbers in sort keys, so text order is numeric order. */
    private static final String PADDED = "%012d";

    private ToReplayLine() {}

    /** Alerts, ordered by the event time at which they were emitted. */
    public static final class FromAlert extends ProcessFunction<Alert, ReplayLine> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Alert alert, Context ctx, Collector<ReplayLine> out) {
            long eventTime = ctx.timestamp() == null ? Long.MIN_VALUE : ctx.timestamp();
            out.collect(
                    new ReplayLine(
                            ReplayLine.Kind.ALERT,
                            eventTime,
                            alert.service() + "/" + String.format(PADDED, alert.version()),
                            AlertSerde.INSTANCE.toJson(alert),
                            alert.type().name()));
        }
    }

    /** Dead letters, ordered by input file and line. */
    public static final class FromDeadLetter extends ProcessFunction<DeadLetter, ReplayLine> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(DeadLetter deadLetter, Context ctx, Collector<ReplayLine> out) {
            out.collect(
                    new ReplayLine(
                            ReplayLine.Kind.DEAD_LETTER,
                            0,
                            originSortKey(deadLetter.origin()) + "/" + deadLetter.reason(),
                            DeadLetterSerde.INSTANCE.toJson(deadLetter),
                            reasonCode(deadLetter.reason())));
        }

        private static String reasonCode(String reason) {
            int colon = reason.indexOf(':');
            return colon < 0 ? reason : reason.substring(0, colon);
        }

        static String originSortKey(String origin) {
            int colon = origin.lastIndexOf(':');
            if (colon < 0) {
                return origin;
            }
            try {
                long line = Long.parseLong(origin.substring(colon + 1));
                return origin.substring(0, colon) + ":" + String.format(PADDED, line);
            } catch (NumberFormatException e) {
                return origin;
            }
        }
    }

    /** Service signals, ordered by minute and service. */
    public static final class FromServiceSignals
            extends ProcessFunction<MinuteSignals, ReplayLine> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(MinuteSignals signals, Context ctx, Collector<ReplayLine> out) {
            out.collect(
                    new ReplayLine(
                            ReplayLine.Kind.SERVICE_SIGNALS,
                            signals.minuteStart().toEpochMilli(),
                            signals.service(),
                            MinuteSignalsSerde.INSTANCE.toJson(signals),
                            signals.verdict().name()));
        }
    }
}
