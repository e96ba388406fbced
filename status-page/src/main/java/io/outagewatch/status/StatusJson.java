package io.outagewatch.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outagewatch.events.MinuteSignals;
import io.outagewatch.events.StatusUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The JSON of the page's API, from board snapshots. Instants are ISO-8601 UTC text. */
public final class StatusJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StatusJson() {}

    /** {@code GET /api/services}. */
    public static ObjectNode overview(List<ServiceSnapshot> services, Optional<Instant> now) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("now", text(now.orElse(null)));
        ArrayNode array = root.putArray("services");
        for (ServiceSnapshot service : services) {
            ObjectNode node = array.addObject();
            node.put("id", service.id());
            node.put("name", service.name());
            node.put("state", service.state().wireName());
            Optional<IncidentView> open = service.openIncident();
            if (open.isPresent()) {
                node.set("openIncident", incident(open.get(), now));
            } else {
                node.putNull("openIncident");
            }
            ArrayNode day = node.putArray("last24h");
            if (now.isPresent()) {
                for (DaySparkline.Bucket bucket : DaySparkline.of(service.minutes(), now.get())) {
                    ObjectNode b = day.addObject();
                    b.put("from", text(bucket.from()));
                    b.put("complaints", bucket.complaints());
                    b.put("expectedComplaints", bucket.expectedComplaints());
                    b.put("state", bucket.state() == null ? null : bucket.state().wireName());
                }
            }
        }
        return root;
    }

    /** {@code GET /api/services/{id}}. */
    public static ObjectNode service(ServiceSnapshot service) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("id", service.id());
        root.put("name", service.name());
        root.put("state", service.state().wireName());
        root.put("now", text(service.now().orElse(null)));
        ArrayNode incidents = root.putArray("incidents");
        for (IncidentView incident : service.incidents()) {
            incidents.add(incident(incident, service.now()));
        }
        ArrayNode minutes = root.putArray("minutes");
        for (MinuteSignals minute : service.minutes()) {
            ObjectNode m = minutes.addObject();
            m.put("minute", text(minute.minuteStart()));
            m.put("complaints", minute.complaints());
            m.put("expectedComplaints", minute.expectedComplaints());
            m.put("probes", minute.probes());
            m.put("probeFailureShare", minute.probeFailureShare());
            ArrayNode failing = m.putArray("failingVantages");
            minute.failingVantages().forEach(failing::add);
            m.put("reportingVantages", minute.reportingVantages());
            m.put("latencyP95Ms", minute.latencyP95Ms());
            m.put("latencyBaselineP95Ms", minute.latencyBaselineP95Ms());
            m.put("verdict", ServiceState.of(minute.verdict()).wireName());
        }
        ArrayNode updates = root.putArray("statusUpdates");
        for (StatusUpdate update : service.statusUpdates()) {
            ObjectNode u = updates.addObject();
            u.put("timestamp", text(update.timestamp()));
            u.put("status", update.status().wireName());
            u.put("impact", update.impact() == null ? null : update.impact().wireName());
            u.put("title", update.title());
        }
        return root;
    }

    static ObjectNode incident(IncidentView incident, Optional<Instant> now) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("incidentId", incident.incidentId());
        node.put("severity", incident.severity().name());
        node.put("state", ServiceState.of(incident.severity()).wireName());
        node.put("startedAt", text(incident.startedAt()));
        node.put("detectedAt", text(incident.detectedAt()));
        node.put("recoveredAt", text(incident.recoveredAt()));
        node.put("durationSeconds", incident.durationSeconds());
        Long elapsed =
                incident.open()
                        ? now.map(
                                        n ->
                                                Math.max(
                                                        0,
                                                        Duration.between(incident.startedAt(), n)
                                                                .toSeconds()))
                                .orElse(null)
                        : incident.durationSeconds();
        node.put("elapsedSeconds", elapsed);
        if (incident.estimate().isPresent()) {
            IncidentView.Estimate estimate = incident.estimate().get();
            ObjectNode e = node.putObject("estimate");
            e.put("durationSeconds", estimate.durationSeconds());
            e.put("lowSeconds", estimate.lowSeconds());
            e.put("highSeconds", estimate.highSeconds());
            e.put("remainingSeconds", estimate.remainingSeconds());
            e.put("remainingLowSeconds", estimate.remainingLowSeconds());
            e.put("remainingHighSeconds", estimate.remainingHighSeconds());
            e.put("basis", estimate.basis());
        } else {
            node.putNull("estimate");
        }
        node.put("officialAckAt", text(incident.officialAckAt().orElse(null)));
        node.put("leadSecondsOverAck", incident.leadSecondsOverAck());
        return node;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
