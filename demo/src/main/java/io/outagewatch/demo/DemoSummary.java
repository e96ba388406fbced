package io.outagewatch.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outagewatch.events.Alert;
import io.outagewatch.scenario.DetectedIncident;
import io.outagewatch.scenario.ExpectedIncident;
import io.outagewatch.scenario.Scenario;
import io.outagewatch.sink.notify.AlertText;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** What the demo saw: each detected incident against the scenario's truth. */
record DemoSummary(Scenario scenario, List<DetectedIncident> incidents, String historyDb) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter CLOCK =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    static DemoSummary of(Scenario scenario, List<Alert> alerts, String historyDb) {
        return new DemoSummary(scenario, DetectedIncident.fromAlerts(alerts), historyDb);
    }

    /** The scenario's incident this detection is about: same service, overlapping in time. */
    Optional<ExpectedIncident> truthOf(DetectedIncident incident) {
        Instant end = incident.recovered().map(Alert::recoveredAt).orElse(Instant.MAX);
        return scenario.expected().stream()
                .filter(expected -> expected.service().equals(incident.service()))
                .filter(
                        expected ->
                                expected.start().isBefore(end)
                                        && incident.startedAt().isBefore(expected.end()))
                .findFirst();
    }

    Optional<Instant> officialAck(DetectedIncident incident) {
        Optional<Instant> fromTruth = truthOf(incident).flatMap(scenario::officialAcknowledgement);
        if (fromTruth.isPresent()) {
            return fromTruth;
        }
        return incident.alerts().stream()
                .filter(alert -> alert.officialStatus() != null)
                .map(alert -> alert.officialStatus().timestamp())
                .min(Instant::compareTo);
    }

    Optional<Long> leadSecondsOverAck(DetectedIncident incident) {
        return officialAck(incident)
                .map(ack -> Duration.between(incident.detectedAt(), ack).toSeconds());
    }

    void print(PrintStream out) {
        out.println();
        out.println("Summary of " + scenario.name() + " (times UTC):");
        if (incidents.isEmpty()) {
            out.println(
                    "  no incident detected"
                            + (scenario.expected().isEmpty()
                                    ? ", as expected"
                                    : "; expected " + scenario.expected().size()));
        }
        for (DetectedIncident incident : incidents) {
            StringBuilder line =
                    new StringBuilder("  ")
                            .append(incident.service())
                            .append(' ')
                            .append(incident.severity());
            truthOf(incident)
                    .ifPresent(truth -> line.append("  onset ").append(clock(truth.start())));
            line.append("  started ")
                    .append(clock(incident.startedAt()))
                    .append("  detected ")
                    .append(clock(incident.detectedAt()));
            officialAck(incident)
                    .ifPresent(ack -> line.append("  acknowledged ").append(clock(ack)));
            incident.recovered()
                    .ifPresent(
                            recovered ->
                                    line.append("  recovered ")
                                            .append(clock(recovered.recoveredAt()))
                                            .append("  down ")
                                            .append(
                                                    AlertText.duration(
                                                            recovered.durationSeconds())));
            leadSecondsOverAck(incident)
                    .ifPresent(
                            lead ->
                                    line.append(lead >= 0 ? "  lead " : "  behind ")
                                            .append(AlertText.duration(Math.abs(lead)))
                                            .append(" over the acknowledgement"));
            out.println(line);
        }
        out.println("  outage history: " + historyDb);
    }

    String json() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("incidents");
        for (DetectedIncident incident : incidents) {
            ObjectNode node =
                    array.addObject()
                            .put("service", incident.service())
                            .put("severity", incident.severity())
                            .put("startedAt", incident.startedAt().toString())
                            .put("detectedAt", incident.detectedAt().toString());
            Optional<Alert> recovered = incident.recovered();
            if (recovered.isPresent()) {
                node.put("recoveredAt", recovered.get().recoveredAt().toString())
                        .put("durationSeconds", recovered.get().durationSeconds());
            } else {
                node.putNull("recoveredAt").putNull("durationSeconds");
            }
            Optional<Instant> ack = officialAck(incident);
            if (ack.isPresent()) {
                node.put("officialAckAt", ack.get().toString())
                        .put("leadSecondsOverAck", leadSecondsOverAck(incident).orElseThrow());
            } else {
                node.putNull("officialAckAt").putNull("leadSecondsOverAck");
            }
        }
        root.put("historyDb", historyDb);
        return root.toString();
    }

    private static String clock(Instant at) {
        return CLOCK.format(at);
    }
}
