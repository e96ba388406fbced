package io.outagewatch.detection.replay;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a replay read and produced, printed at the end of a run. */
public record ReplaySummary(
        Map<String, Long> recordsRead,
        Map<String, Long> invalidByReason,
        Map<String, Long> alertsByType,
        String alertsFile,
        String deadLettersFile) {

    static ReplaySummary of(
            Map<String, Long> recordsRead, List<ReplayLine> lines, ReplayArguments arguments) {
        Map<String, Long> invalid = new TreeMap<>();
        Map<String, Long> alerts = new TreeMap<>();
        for (ReplayLine line : lines) {
            switch (line.kind()) {
                case ALERT -> alerts.merge(line.label(), 1L, Long::sum);
                case DEAD_LETTER -> invalid.merge(line.label(), 1L, Long::sum);
                case SERVICE_SIGNALS -> {}
            }
        }
        return new ReplaySummary(
                recordsRead,
                invalid,
                alerts,
                arguments.out().toString(),
                arguments.deadLetters().map(Object::toString).orElse(null));
    }

    public long alerts() {
        return alertsByType.values().stream().mapToLong(Long::longValue).sum();
    }

    void print(PrintStream out) {
        out.println("replay summary");
        recordsRead.forEach((input, n) -> out.printf("  read %-8s %,d records%n", input, n));
        if (invalidByReason.isEmpty()) {
            out.println("  invalid   none");
        }
        invalidByReason.forEach((reason, n) -> out.printf("  invalid   %-22s %,d%n", reason, n));
        if (alertsByType.isEmpty()) {
            out.println("  alerts    none");
        }
        alertsByType.forEach((type, n) -> out.printf("  alerts    %-22s %,d%n", type, n));
        out.println("  alerts written to " + alertsFile);
        if (deadLettersFile != null) {
            out.println("  dead letters written to " + deadLettersFile);
        }
    }
}
