package io.outagewatch.sink.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What {@code bin/outagewatch outages} prints: tables for people, or JSON lines. */
final class OutagesReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NONE = "-";
    private static final String COLUMN_GAP = "  ";

    private OutagesReport() {}

    /** An incidents table, a blank line, and a per-service summary table. */
    static void table(List<Incident> incidents, List<ServiceSummary> summaries, PrintStream out) {
        if (incidents.isEmpty()) {
            out.println("no incidents");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(
                List.of(
                        "INCIDENT",
                        "SERVICE",
                        "SEVERITY",
                        "REGIONS",
                        "STARTED",
                        "DETECTED",
                        "RECOVERED",
                        "DURATION",
                        "FIRST-ESTIMATE",
                        "ACKNOWLEDGED",
                        "LEAD"));
        for (Incident incident : incidents) {
            rows.add(
                    List.of(
                            incident.incidentId(),
                            incident.service(),
                            incident.severity().name(),
                            incident.regions().isEmpty()
                                    ? "all"
                                    : String.join(",", incident.regions()),
                            time(incident.startedAt()),
                            time(incident.detectedAt()),
                            incident.recovered() ? time(incident.recoveredAt()) : "open",
                            seconds(incident.durationSeconds()),
                            seconds(incident.firstEstimateSeconds()),
                            time(incident.officialAckAt()),
                            seconds(incident.leadSecondsOverAck())));
        }
        print(rows, out);
        out.println();
        List<List<String>> summaryRows = new ArrayList<>();
        summaryRows.add(
                List.of(
                        "SERVICE",
                        "INCIDENTS",
                        "RECOVERED",
                        "TOTAL",
                        "MEDIAN",
                        "MTTR",
                        "MEDIAN-LEAD"));
        for (ServiceSummary summary : summaries) {
            summaryRows.add(
                    List.of(
                            summary.service(),
                            Integer.toString(summary.incidents()),
                            Integer.toString(summary.recovered()),
                            duration(summary.totalDuration()),
                            duration(summary.medianDuration()),
                            duration(summary.meanTimeToRecovery()),
                            duration(summary.medianLeadOverAck())));
        }
        print(summaryRows, out);
    }

    /** One JSON object per incident, then one per service; absent values are left out. */
    static void jsonLines(
            List<Incident> incidents, List<ServiceSummary> summaries, PrintStream out) {
        for (Incident incident : incidents) {
            ObjectNode line = JSON.createObjectNode().put("kind", "incident");
            line.put("incidentId", incident.incidentId())
                    .put("service", incident.service())
                    .put("severity", incident.severity().name());
            incident.regions().forEach(line.putArray("regions")::add);
            putTime(line, "startedAt", incident.startedAt());
            putTime(line, "detectedAt", incident.detectedAt());
            putTime(line, "recoveredAt", incident.recoveredAt());
            putNumber(line, "durationSeconds", incident.durationSeconds());
            putNumber(line, "firstEstimateSeconds", incident.firstEstimateSeconds());
            putTime(line, "officialAckAt", incident.officialAckAt());
            putNumber(line, "leadSecondsOverAck", incident.leadSecondsOverAck());
            line.put("latestType", incident.latestType().name())
                    .put("latestVersion", incident.latestVersion());
            out.println(line);
        }
        for (ServiceSummary summary : summaries) {
            ObjectNode line = JSON.createObjectNode().put("kind", "summary");
            line.put("service", summary.service())
                    .put("incidents", summary.incidents())
                    .put("recovered", summary.recovered())
                    .put("totalDurationSeconds", summary.totalDuration().toSeconds());
            putDuration(line, "medianDurationSeconds", summary.medianDuration());
            putDuration(line, "mttrSeconds", summary.meanTimeToRecovery());
            putDuration(line, "medianLeadSecondsOverAck", summary.medianLeadOverAck());
            out.println(line);
        }
    }

    /** A duration for people: {@code 1h2m5s}, {@code 45m}, {@code -30s}. */
    static String duration(Duration duration) {
        long total = duration.toSeconds();
        if (total == 0) {
            return "0s";
        }
        long magnitude = Math.abs(total);
        StringBuilder text = new StringBuilder(total < 0 ? "-" : "");
        long hours = magnitude / 3600;
        long minutes = magnitude % 3600 / 60;
        long secs = magnitude % 60;
        if (hours > 0) {
            text.append(hours).append('h');
        }
        if (minutes > 0) {
            text.append(minutes).append('m');
        }
        if (secs > 0) {
            text.append(secs).append('s');
        }
        return text.toString();
    }

    private static String duration(Optional<Duration> duration) {
        return duration.map(OutagesReport::duration).orElse(NONE);
    }

    private static String seconds(Long seconds) {
        return seconds == null ? NONE : duration(Duration.ofSeconds(seconds));
    }

    private static String time(Instant instant) {
        return instant == null ? NONE : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void print(List<List<String>> rows, PrintStream out) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < widths.length; column++) {
                String cell = row.get(column);
                line.append(cell);
                if (column < widths.length - 1) {
                    line.append(" ".repeat(widths[column] - cell.length())).append(COLUMN_GAP);
                }
            }
            out.println(line);
        }
    }

    private static void putTime(ObjectNode line, String field, Instant value) {
        if (value != null) {
            line.put(field, value.toString());
        }
    }

    private static void putNumber(ObjectNode line, String field, Long value) {
        if (value != null) {
            line.put(field, value);
        }
    }

    private static void putDuration(ObjectNode line, String field, Optional<Duration> value) {
        value.ifPresent(d -> line.put(field, d.toSeconds()));
    }
}
