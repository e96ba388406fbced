package io.outagewatch.status;

import io.outagewatch.events.MinuteSignals;
import io.outagewatch.events.StatusUpdate;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One service as the board holds it at one moment: its minutes, incidents (oldest start first) and
 * official status updates within the window, and the board's "now".
 */
public record ServiceSnapshot(
        String id,
        String name,
        List<MinuteSignals> minutes,
        List<IncidentView> incidents,
        List<StatusUpdate> statusUpdates,
        Optional<Instant> now) {

    /** The open incident, the most recently started one if several are. */
    public Optional<IncidentView> openIncident() {
        return incidents.stream()
                .filter(IncidentView::open)
                .max(Comparator.comparing(IncidentView::startedAt));
    }

    /** Its open incident's state, otherwise ok: one anomalous minute alone is not an incident. */
    public ServiceState state() {
        return openIncident().map(i -> ServiceState.of(i.severity())).orElse(ServiceState.OK);
    }
}
