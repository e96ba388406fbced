package io.outagewatch.detection.replay;

import java.util.Comparator;

/**
 * One line of replay output with what orders it: alerts by event time of emission, service and
 * version; dead letters by file and line; service signals by minute and service.
 *
 * @param kind which output file the line belongs to
 * @param eventTime event time at which the line was produced (alerts)
 * @param sortKey the tie-breaker within one event time
 * @param json the line
 * @param label what the summary counts it as: the alert type, the dead letter's reason code, or the
 *     minute's verdict
 */
public record ReplayLine(Kind kind, long eventTime, String sortKey, String json, String label) {

    /** The output a line goes to. */
    public enum Kind {
        ALERT,
        DEAD_LETTER,
        SERVICE_SIGNALS
    }

    public static final Comparator<ReplayLine> ORDER =
            Comparator.comparing(ReplayLine::kind)
                    .thenComparingLong(ReplayLine::eventTime)
                    .thenComparing(ReplayLine::sortKey)
                    .thenComparing(ReplayLine::json);
}
