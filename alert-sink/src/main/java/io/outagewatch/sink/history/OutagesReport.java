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

/** What {@code bin/outagewatch outages} prints: tables for people, CSV, or JSON lines. */
final class OutagesReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NONE = "-";
    private static final String COLUMN_GAP = "  ";
    private static final String CSV_LINE_END = "\r\n";

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
                        "LEAD",
                        "SILENCED"));
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
                            seconds(incident.leadSecondsOverAck()),
                            incident.silenced() ? incident.silencedBy() : NONE));
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
                        "P90",
                        "MTTR",
                        "MEDIAN-LEAD",
                        "SILENCED"));
        for (ServiceSummary summary : summaries) {
            summaryRows.add(
                    List.of(
                            summary.service(),
                            Integer.toString(summary.incidents()),
                            Integer.toString(summary.recovered()),
                            duration(summary.totalDuration()),
                            duration(summary.medianDuration()),
                            duration(summary.p90Duration()),
                            duration(summary.meanTimeToRecovery()),
                            duration(summary.medianLeadOverAck()),
                            Integer.toString(summary.silenced())));
        }
        print(summaryRows, out);
    }

    /** One row per service and period. */
    static void periodTable(List<PeriodSummary> periods, PrintStream out) {
        if (periods.isEmpty()) {
            out.println("no incidents");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(
                List.of(
                        "SERVICE",
                        "PERIOD",
                        "INCIDENTS",
                        "RECOVERED",
                        "SILENCED",
                        "TOTAL",
                        "MEDIAN",
                        "P90",
                        "MTTR",
                        "MEDIAN-LEAD"));
        for (PeriodSummary period : periods) {
            ServiceSummary summary = period.summary();
            rows.add(
                    List.of(
                            summary.service(),
                            period.label(),
                            Integer.toString(summary.incidents()),
                            Integer.toString(summary.recovered()),
                            Integer.toString(summary.silenced()),
                            duration(summary.totalDuration()),
                            duration(summary.medianDuration()),
                            duration(summary.p90Duration()),
                            duration(summary.meanTimeToRecovery()),
                            duration(summary.medianLeadOverAck())));
        }
        print(rows, out);
    }

    /** The incidents as CSV (RFC 4180: a header row, CRLF, quoted where needed); times UTC. */
    static void incidentsCsv(List<Incident> incidents, PrintStream out) {
        csvRow(
                out,
                List.of(
                        "incident_id",
                        "service",
                        "severity",
                        "regions",
                        "started_at",
                        "detected_at",
                        "recovered_at",
                        "duration_seconds",
                        "first_estimate_seconds",
                        "official_ack_at",
                        "lead_seconds_over_ack",
                        "silenced",
                        "silenced_by"));
        for (Incident incident : incidents) {
            csvRow(
                    out,
                    List.of(
                            incident.incidentId(),
                            incident.service(),
                            incident.severity().name(),
                            String.join(",", incident.regions()),
                            csvTime(incident.startedAt()),
                            csvTime(incident.detectedAt()),
                            csvTime(incident.recoveredAt()),
                            csvNumber(incident.durationSeconds()),
                            csvNumber(incident.firstEstimateSeconds()),
                            csvTime(incident.officialAckAt()),
                            csvNumber(incident.leadSecondsOverAck()),
                            Boolean.toString(incident.silenced()),
                            incident.silenced() ? incident.silencedBy() : ""));
        }
    }

    /** One CSV row per service and period; durations in seconds, empty when there are none. */
    static void periodCsv(List<PeriodSummary> periods, PrintStream out) {
        csvRow(
                out,
                List.of(
                        "service",
                        "period",
                        "period_start",
                        "incidents",
                        "recovered",
                        "silenced",
                        "total_seconds",
                        "median_seconds",
                        "p90_seconds",
                        "mttr_seconds",
                        "median_lead_seconds"));
        for (PeriodSummary period : periods) {
            ServiceSummary summary = period.summary();
            csvRow(
                    out,
                    List.of(
                            summary.service(),
                            period.label(),
                            period.start().toString(),
                            Integer.toString(summary.incidents()),
                            Integer.toString(summary.recovered()),
                            Integer.toString(summary.silenced()),
                            Long.toString(summary.totalDuration().toSeconds()),
                            csvDuration(summary.medianDuration()),
                            csvDuration(summary.p90Duration()),
                            csvDuration(summary.meanTimeToRecovery()),
                            csvDuration(summary.medianLeadOverAck())));
        }
    }

    /** One JSON object per service and period, {@code "kind":"period"}. */
    static void periodJsonLines(List<PeriodSummary> periods, PrintStream out) {
        for (PeriodSummary period : periods) {
            ServiceSummary summary = period.summary();
            ObjectNode line = JSON.createObjectNode().put("kind", "period");
            line.put("service", summary.service())
                    .put("period", period.label())
                    .put("periodStart", period.start().toString())
                    .put("incidents", summary.incidents())
                    .put("recovered", summary.recovered())
                    .put("silenced", summary.silenced())
                    .put("totalDurationSeconds", summary.totalDuration().toSeconds());
            putDuration(line, "medianDurationSeconds", summary.medianDuration());
            putDuration(line, "p90DurationSeconds", summary.p90Duration());
            putDuration(line, "mttrSeconds", summary.meanTimeToRecovery());
            putDuration(line, "medianLeadSecondsOverAck", summary.medianLeadOverAck());
            out.println(line);
        }
    }

    /** A field quoted when it holds a comma, a quote or a line break; quotes doubled. */
    static String csvField(String value) {
        if (value.indexOf(',') < 0
                && value.indexOf('"') < 0
                && value.indexOf('\n') < 0
                && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static void csvRow(PrintStream out, List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(csvField(fields.get(i)));
        }
        out.print(line.append(CSV_LINE_END));
    }

    private static String csvTime(Instant instant) {
        return instant == null ? "" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String csvNumber(Long value) {
        return value == null ? "" : Long.toString(value);
    }

    private static String csvDuration(Optional<Duration> value) {
        return value.map(d -> Long.toString(d.toSeconds())).orElse("");
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
                    .put("latestVersion", incident.latestVersion())
                    .put("silenced", incident.silenced());
            if (incident.silenced()) {
                line.put("silencedBy", incident.silencedBy());
            }
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
            putDuration(line, "p90DurationSeconds", summary.p90Duration());
            line.put("silenced", summary.silenced());
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
