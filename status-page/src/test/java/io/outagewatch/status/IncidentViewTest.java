package io.outagewatch.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.StatusUpdate;
import org.junit.jupiter.api.Test;

class IncidentViewTest {

    @Test
    void aStartedAlertIsOpenWithItsEstimateAndInterval() {
        IncidentView view = IncidentView.from(TestRecords.started());

        assertThat(view.open()).isTrue();
        assertThat(view.estimate())
                .hasValue(
                        new IncidentView.Estimate(
                                TestRecords.ESTIMATE_SECONDS,
                                TestRecords.ESTIMATE_LOW_SECONDS,
                                TestRecords.ESTIMATE_HIGH_SECONDS,
                                null,
                                null,
                                null,
                                "typical of major outages"));
    }

    @Test
    void aNewerAlertReplacesItButKeepsTheEarliestAckAndTheLastEstimate() {
        StatusUpdate ack = TestRecords.acknowledgement();
        Alert updated =
                withAck(
                        TestRecords.alert(
                                AlertType.OUTAGE_UPDATED, 2, TestRecords.ACKNOWLEDGED, null),
                        ack);

        IncidentView view =
                IncidentView.from(TestRecords.started())
                        .merge(updated)
                        .merge(TestRecords.recovered());

        assertThat(view.open()).isFalse();
        assertThat(view.version()).isEqualTo(3);
        assertThat(view.officialAckAt()).contains(TestRecords.ACKNOWLEDGED);
        assertThat(view.estimate()).isPresent();
        assertThat(view.leadSecondsOverAck()).isEqualTo(1020L);
    }

    @Test
    void anOlderVersionChangesNothing() {
        IncidentView recovered = IncidentView.from(TestRecords.recovered());

        assertThat(recovered.merge(TestRecords.started())).isSameAs(recovered);
    }

    private static Alert withAck(Alert alert, StatusUpdate ack) {
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
                ack,
                1020L,
                alert.version(),
                null,
                null,
                null,
                alert.estimateBasis(),
                alert.asOf());
    }
}
