package io.outagewatch.status;

import static io.outagewatch.status.TestRecords.ACKNOWLEDGED;
import static io.outagewatch.status.TestRecords.DETECTED;
import static io.outagewatch.status.TestRecords.INCIDENT;
import static io.outagewatch.status.TestRecords.ONSET;
import static io.outagewatch.status.TestRecords.RECOVERED;
import static io.outagewatch.status.TestRecords.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.events.AlertType;
import io.outagewatch.events.MinuteSignals;
import io.outagewatch.events.MinuteVerdict;
import io.outagewatch.events.Severity;
import io.outagewatch.events.StatusUpdate;
import io.outagewatch.sink.history.Incident;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusBoardTest {

    private static final Duration WINDOW = Duration.ofHours(2);

    private final StatusBoard board = new StatusBoard(TestRecords.catalog(), WINDOW);

    @Test
    void everyCatalogServiceIsListedAndOkBeforeAnything() {
        assertThat(board.services())
                .extracting(ServiceSnapshot::id)
                .containsExactlyElementsOf(
                        TestRecords.catalog().services().stream().map(s -> s.id()).toList());
        assertThat(board.services())
                .allSatisfy(s -> assertThat(s.state()).isEqualTo(ServiceState.OK));
        assertThat(board.now()).isEmpty();
    }

    @Test
    void anOpenIncidentSetsTheStateUntilItRecovers() {
        board.add(TestRecords.started());

        ServiceSnapshot open = board.service(SERVICE).orElseThrow();
        assertThat(open.state()).isEqualTo(ServiceState.DOWN);
        assertThat(open.openIncident()).map(IncidentView::incidentId).contains(INCIDENT);
        assertThat(board.now()).contains(DETECTED);

        board.add(TestRecords.recovered());

        ServiceSnapshot recovered = board.service(SERVICE).orElseThrow();
        assertThat(recovered.state()).isEqualTo(ServiceState.OK);
        assertThat(recovered.incidents())
                .singleElement()
                .satisfies(
                        i -> {
                            assertThat(i.recoveredAt()).isEqualTo(RECOVERED);
                            assertThat(i.durationSeconds())
                                    .isEqualTo(Duration.ofMinutes(90).toSeconds());
                            assertThat(i.estimate())
                                    .as("kept from the alert that had one")
                                    .isPresent();
                        });
    }

    @Test
    void anOlderAlertArrivingLateDoesNotReopenTheIncident() {
        board.add(TestRecords.recovered());
        board.add(TestRecords.started());

        assertThat(board.service(SERVICE).orElseThrow().state()).isEqualTo(ServiceState.OK);
    }

    @Test
    void minutesOlderThanTheWindowBeforeTheNewestAreDropped() {
        Instant first = ONSET;
        for (int m = 0; m < 3 * 60; m++) {
            board.add(TestRecords.minute(first.plus(Duration.ofMinutes(m)), 1, MinuteVerdict.OK));
        }

        List<MinuteSignals> kept = board.service(SERVICE).orElseThrow().minutes();
        Instant now = first.plus(Duration.ofMinutes(3 * 60));
        assertThat(board.now()).contains(now);
        assertThat(kept).hasSize((int) WINDOW.toMinutes());
        assertThat(kept.get(0).minuteStart()).isEqualTo(now.minus(WINDOW));
    }

    @Test
    void recoveredIncidentsLeaveWithTheWindowButOpenOnesStay() {
        board.add(TestRecords.recovered());
        board.add(TestRecords.openPartial("still-open"));
        board.add(
                TestRecords.minute(
                        RECOVERED.plus(WINDOW).plus(Duration.ofMinutes(5)), 0, MinuteVerdict.OK));

        assertThat(board.service(SERVICE).orElseThrow().incidents())
                .extracting(IncidentView::incidentId)
                .containsExactly("still-open");
        assertThat(board.service(SERVICE).orElseThrow().state()).isEqualTo(ServiceState.PARTIAL);
    }

    @Test
    void theHistoryFillsInIncidentsTheAlertsDidNot() {
        Incident row =
                new Incident(
                        "from-history",
                        SERVICE,
                        Severity.PARTIAL,
                        List.of(),
                        ONSET.minus(Duration.ofMinutes(30)),
                        ONSET.minus(Duration.ofMinutes(28)),
                        ONSET.minus(Duration.ofMinutes(10)),
                        Duration.ofMinutes(20).toSeconds(),
                        900L,
                        1,
                        null,
                        null,
                        AlertType.OUTAGE_RECOVERED,
                        2);
        board.add(TestRecords.started());

        assertThat(board.add(row)).isTrue();
        assertThat(board.add(Incident.from(TestRecords.started()))).as("known already").isFalse();
        assertThat(board.service(SERVICE).orElseThrow().incidents())
                .extracting(IncidentView::incidentId)
                .containsExactly("from-history", INCIDENT);
    }

    @Test
    void statusUpdatesAreKeptAndServicesOutsideTheCatalogIgnored() {
        assertThat(board.add(TestRecords.acknowledgement())).isTrue();
        assertThat(
                        board.add(
                                new MinuteSignals(
                                        "not-in-catalog",
                                        ONSET,
                                        1,
                                        1,
                                        0,
                                        null,
                                        List.of(),
                                        0,
                                        null,
                                        null,
                                        MinuteVerdict.OK)))
                .isFalse();

        assertThat(board.service(SERVICE).orElseThrow().statusUpdates())
                .extracting(u -> u.timestamp())
                .containsExactly(ACKNOWLEDGED);
        assertThat(board.service("not-in-catalog")).isEmpty();
    }

    @Test
    void aMinuteOlderThanTheWindowIsNotKept() {
        board.add(TestRecords.minute(ONSET, 1, MinuteVerdict.OK));

        assertThat(
                        board.add(
                                TestRecords.minute(
                                        ONSET.minus(WINDOW).minus(Duration.ofMinutes(1)),
                                        1,
                                        MinuteVerdict.OK)))
                .isFalse();
        assertThat(board.service(SERVICE).orElseThrow().minutes()).hasSize(1);
    }

    @Test
    void theOverviewTakesOnlyTheRecentMinutes() {
        for (int m = 0; m < 60; m++) {
            board.add(TestRecords.minute(ONSET.plus(Duration.ofMinutes(m)), 1, MinuteVerdict.OK));
        }

        assertThat(board.services(Duration.ofMinutes(10)).get(0).minutes()).hasSize(10);
        assertThat(board.services().get(0).minutes()).hasSize(60);
    }

    @Test
    void incidentsAndStatusUpdatesPerServiceAreCapped() {
        for (int i = 0; i < StatusBoard.MAX_INCIDENTS_PER_SERVICE + 5; i++) {
            board.add(TestRecords.openPartial("incident-" + i));
        }
        for (int i = 0; i < StatusBoard.MAX_STATUS_UPDATES_PER_SERVICE + 5; i++) {
            StatusUpdate ack = TestRecords.acknowledgement();
            board.add(
                    new StatusUpdate(
                            SERVICE,
                            ONSET.plusSeconds(i),
                            ack.incidentId(),
                            ack.status(),
                            ack.impact(),
                            ack.title(),
                            ack.url()));
        }

        ServiceSnapshot service = board.service(SERVICE).orElseThrow();
        assertThat(service.incidents()).hasSize(StatusBoard.MAX_INCIDENTS_PER_SERVICE);
        assertThat(service.statusUpdates()).hasSize(StatusBoard.MAX_STATUS_UPDATES_PER_SERVICE);
        assertThat(service.statusUpdates().get(0).timestamp()).isEqualTo(ONSET.plusSeconds(5));
    }

    @Test
    void everyChangeMovesTheVersion() {
        long before = board.version();

        board.add(TestRecords.minute(ONSET, 1, MinuteVerdict.OK));

        assertThat(board.version()).isGreaterThan(before);
    }

    @Test
    void aWindowMustBePositive() {
        assertThatThrownBy(() -> new StatusBoard(TestRecords.catalog(), Duration.ZERO))
                .hasMessageContaining("window must be positive");
    }
}
