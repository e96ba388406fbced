package io.outagewatch.scenario;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The alerts a detector raised for one incident, to set beside an {@link ExpectedIncident}. */
public record DetectedIncident(String incidentId, List<Alert> alerts) {

    public static List<DetectedIncident> fromAlerts(List<Alert> alerts) {
        Map<String, List<Alert>> byIncident = new LinkedHashMap<>();
        for (Alert alert : alerts) {
            byIncident.computeIfAbsent(alert.incidentId(), id -> new ArrayList<>()).add(alert);
        }
        List<DetectedIncident> incidents = new ArrayList<>();
        byIncident.forEach(
                (id, list) -> incidents.add(new DetectedIncident(id, List.copyOf(list))));
        return incidents;
    }

    public Alert first() {
        return alerts.get(0);
    }

    public String service() {
        return first().service();
    }

    public Instant startedAt() {
        return first().startedAt();
    }

    public Instant detectedAt() {
        return first().detectedAt();
    }

    public Optional<Alert> started() {
        return alerts.stream().filter(a -> a.type() == AlertType.OUTAGE_STARTED).findFirst();
    }

    public Optional<Alert> recovered() {
        return alerts.stream().filter(a -> a.type() == AlertType.OUTAGE_RECOVERED).findFirst();
    }

    /** The severity the incident ended with. */
    public String severity() {
        return alerts.get(alerts.size() - 1).severity().name();
    }
}
