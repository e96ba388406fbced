package io.outagewatch.sink.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.events.Alert;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IncidentTest {

    static List<List<Alert>> everyArrivalOrder() {
        Alert v1 = TestAlerts.started();
        Alert v2 = TestAlerts.updated();
        Alert v3 = TestAlerts.recovered();
        return List.of(
                List.of(v1, v2, v3),
                List.of(v1, v3, v2),
                List.of(v2, v1, v3),
                List.of(v2, v3, v1),
                List.of(v3, v1, v2),
                List.of(v3, v2, v1),
                List.of(v1, v2, v2, v3, v1, v3));
    }

    @ParameterizedTest
    @MethodSource("everyArrivalOrder")
    void everyArrivalOrderEndsInTheSameRow(List<Alert> arrivals) {
        Incident row = Incident.from(arrivals.get(0));
        for (Alert alert : arrivals.subList(1, arrivals.size())) {
            row = row.merge(alert);
        }

        assertThat(row).isEqualTo(TestAlerts.recoveredIncident());
    }

    @Test
    void theEarliestAcknowledgementWinsAndTheNewestLead() {
        Alert updated = TestAlerts.updated();
        Instant earlierAck = TestAlerts.ACKNOWLEDGED.minusSeconds(600);
        Alert recoveredWithEarlierAck =
                withStatusAndLead(
                        TestAlerts.recovered(), earlierAck, TestAlerts.LEAD_SECONDS - 600);

        Incident row = Incident.from(updated).merge(recoveredWithEarlierAck);
        assertThat(row.officialAckAt()).isEqualTo(earlierAck);
        assertThat(row.leadSecondsOverAck()).isEqualTo(TestAlerts.LEAD_SECONDS - 600);

        // The older alert's later acknowledgement and older lead change nothing.
        assertThat(row.merge(updated)).isEqualTo(row);
    }

    @Test
    void instantsKeepMicroseconds() {
        Alert started = TestAlerts.started();
        Instant nanos = TestAlerts.STARTED.plusNanos(1_234_567);
        Incident row =
                Incident.from(
                        new Alert(
                                started.incidentId(),
                                started.type(),
                                started.service(),
                                started.severity(),
                                started.regions(),
                                nanos,
                                started.detectedAt(),
                                null,
                                null,
                                started.estimatedDurationSeconds(),
                                started.estimatedDurationLowSeconds(),
                                started.estimatedDurationHighSeconds(),
                                started.evidence(),
                                null,
                                null,
                                1));

        assertThat(row.startedAt()).isEqualTo(TestAlerts.STARTED.plusNanos(1_234_000));
    }

    @Test
    void anotherIncidentsAlertIsRefused() {
        Alert other = TestAlerts.started("other-incident", TestAlerts.SERVICE, TestAlerts.STARTED);

        assertThatThrownBy(() -> Incident.from(TestAlerts.started()).merge(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alert of incident other-incident merged into " + TestAlerts.INCIDENT);
    }

    private static Alert withStatusAndLead(Alert alert, Instant ack, long lead) {
        return new Alert(
                alert.incidentId(),
                alert.type(),
                alert.service(),
                alert.severity(),
                alert.regions(),
                alert.startedAt(),
                alert.detectedAt(),
                alert.recoveredAt(),
                alert.durationSeconds(),
                alert.estimatedDurationSeconds(),
                alert.estimatedDurationLowSeconds(),
                alert.estimatedDurationHighSeconds(),
                alert.evidence(),
                TestAlerts.status(alert.service(), ack),
                lead,
                alert.version());
    }
}
