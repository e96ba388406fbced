package io.outagewatch.status;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.Evidence;
import io.outagewatch.events.MinuteSignals;
import io.outagewatch.events.MinuteVerdict;
import io.outagewatch.events.ServiceCatalog;
import io.outagewatch.events.Severity;
import io.outagewatch.events.StatusUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Records for the status page's tests, around one outage of ChatGPT at named instants. */
final class TestRecords {

    static final String SERVICE = "chatgpt";
    static final String INCIDENT = "chatgpt-2023-11-08T13:42Z";
    static final Instant ONSET = Instant.parse("2023-11-08T13:42:00Z");
    static final Instant DETECTED = ONSET.plus(Duration.ofMinutes(3));
    static final Instant ACKNOWLEDGED = ONSET.plus(Duration.ofMinutes(20));
    static final Instant RECOVERED = ONSET.plus(Duration.ofMinutes(90));
    static final long ESTIMATE_SECONDS = Duration.ofMinutes(80).toSeconds();
    static final long ESTIMATE_LOW_SECONDS = Duration.ofMinutes(30).toSeconds();
    static final long ESTIMATE_HIGH_SECONDS = Duration.ofHours(4).toSeconds();

    private static final Evidence EVIDENCE =
            new Evidence(0.9, 0.01, List.of("eu-1"), List.of("us-1"), 40.0, 2.0, 12.0);

    private TestRecords() {}

    static ServiceCatalog catalog() {
        return ServiceCatalog.defaultCatalog();
    }

    static MinuteSignals minute(Instant start, int complaints, MinuteVerdict verdict) {
        return new MinuteSignals(
                SERVICE,
                start,
                complaints,
                2.0,
                8,
                verdict == MinuteVerdict.OK ? 0.0 : 0.75,
                verdict == MinuteVerdict.OK ? List.of() : List.of("eu-1", "us-1"),
                4,
                300.0,
                250.0,
                verdict);
    }

    static Alert started() {
        return alert(AlertType.OUTAGE_STARTED, 1, DETECTED, null);
    }

    static Alert recovered() {
        return alert(AlertType.OUTAGE_RECOVERED, 3, RECOVERED, RECOVERED);
    }

    /** A second, partial incident that stays open. */
    static Alert openPartial(String incidentId) {
        return new Alert(
                incidentId,
                AlertType.OUTAGE_STARTED,
                SERVICE,
                Severity.PARTIAL,
                List.of(),
                ONSET,
                DETECTED,
                null,
                null,
                ESTIMATE_SECONDS,
                ESTIMATE_LOW_SECONDS,
                ESTIMATE_HIGH_SECONDS,
                EVIDENCE,
                null,
                null,
                1);
    }

    static Alert alert(AlertType type, int version, Instant asOf, Instant recoveredAt) {
        boolean done = type == AlertType.OUTAGE_RECOVERED;
        return new Alert(
                INCIDENT,
                type,
                SERVICE,
                Severity.MAJOR,
                List.of(),
                ONSET,
                DETECTED,
                recoveredAt,
                done ? Duration.between(ONSET, recoveredAt).toSeconds() : null,
                done ? null : ESTIMATE_SECONDS,
                done ? null : ESTIMATE_LOW_SECONDS,
                done ? null : ESTIMATE_HIGH_SECONDS,
                EVIDENCE,
                null,
                null,
                version,
                null,
                null,
                null,
                done ? null : "typical of major outages",
                asOf);
    }

    static StatusUpdate acknowledgement() {
        return new StatusUpdate(
                SERVICE,
                ACKNOWLEDGED,
                "sp-1",
                StatusUpdate.Status.INVESTIGATING,
                StatusUpdate.Impact.MAJOR,
                "Elevated error rates",
                null);
    }
}
