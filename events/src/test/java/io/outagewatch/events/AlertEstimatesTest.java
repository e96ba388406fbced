package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The time left and the basis of the estimates (issue 16): written and read by the serde, and
 * optional, so alerts written before they existed still parse and are written back unchanged.
 */
class AlertEstimatesTest {

    /**
     * An OUTAGE_STARTED alert exactly as the sink received them before the time left was added,
     * written out literally so that it cannot drift with the test helpers.
     */
    static final String OLDER_STARTED_ALERT =
            "{\"incidentId\":\"chatgpt-20231108-1342\",\"type\":\"OUTAGE_STARTED\","
                    + "\"service\":\"chatgpt\",\"severity\":\"MAJOR\","
                    + "\"regions\":[\"eu-west\",\"us-east\"],"
                    + "\"startedAt\":\"2023-11-08T13:42:00Z\","
                    + "\"detectedAt\":\"2023-11-08T13:43:30Z\","
                    + "\"estimatedDurationSeconds\":5400,\"estimatedDurationLowSeconds\":1800,"
                    + "\"estimatedDurationHighSeconds\":10800,"
                    + "\"evidence\":{\"probeFailureRate\":0.92,\"probeFailureBaseline\":0.01,"
                    + "\"failingVantages\":[\"fra-1\",\"iad-2\",\"sin-1\"],"
                    + "\"healthyVantages\":[\"syd-1\"],\"reportRate\":47.5,"
                    + "\"reportBaseline\":0.8,\"score\":12.25},"
                    + "\"officialStatus\":{\"service\":\"chatgpt\","
                    + "\"timestamp\":\"2023-11-08T14:30:00Z\",\"incidentId\":\"yp8kx2y5ws2r\","
                    + "\"status\":\"investigating\",\"impact\":\"major\","
                    + "\"title\":\"Elevated error rates on ChatGPT and the API\","
                    + "\"url\":\"https://status.openai.com/incidents/yp8kx2y5ws2r\"},"
                    + "\"leadSecondsOverAck\":2790,\"version\":1}";

    @Test
    void anAlertOfTheOlderShapeStillParsesWithoutTimeLeftOrBasis() {
        Parsed<Alert> parsed = AlertSerde.INSTANCE.parse(OLDER_STARTED_ALERT);

        assertThat(parsed.isOk()).as(String.valueOf(parsed)).isTrue();
        Alert alert = parsed.value();
        assertThat(alert.estimatedDurationSeconds()).isEqualTo(5400L);
        assertThat(alert.estimatedRemainingSeconds()).isNull();
        assertThat(alert.estimatedRemainingLowSeconds()).isNull();
        assertThat(alert.estimatedRemainingHighSeconds()).isNull();
        assertThat(alert.estimateBasis()).isNull();
        assertThat(alert).isEqualTo(Samples.startedAlertWithoutTimeLeft());
    }

    @Test
    void anAlertOfTheOlderShapeIsWrittenBackUnchanged() {
        Alert alert = AlertSerde.INSTANCE.parse(OLDER_STARTED_ALERT).value();

        assertThat(AlertSerde.INSTANCE.toJson(alert)).isEqualTo(OLDER_STARTED_ALERT);
    }

    @Test
    void writesTheTimeLeftAndTheBasisAfterTheTotal() {
        String json = AlertSerde.INSTANCE.toJson(Samples.updatedAlertWithTimeLeft());

        assertThat(json)
                .contains(
                        "\"estimatedDurationHighSeconds\":57600,"
                                + "\"estimatedRemainingSeconds\":6600,"
                                + "\"estimatedRemainingLowSeconds\":0,"
                                + "\"estimatedRemainingHighSeconds\":54000,"
                                + "\"estimateBasis\":\"from 41 past ChatGPT incidents, in"
                                + " monitoring\",\"asOf\":\"2023-11-08T16:04:00Z\","
                                + "\"evidence\":");
    }

    @Test
    void readsTheTimeLeftAndTheBasis() {
        String json =
                JsonDoc.startedAlert()
                        .with("estimatedRemainingSeconds", "6600")
                        .with("estimatedRemainingLowSeconds", "1200")
                        .with("estimatedRemainingHighSeconds", "54000")
                        .with("estimateBasis", "\"typical of major outages\"")
                        .json();

        Alert alert = AlertSerde.INSTANCE.parse(json).value();

        assertThat(alert.estimatedRemainingSeconds()).isEqualTo(6600L);
        assertThat(alert.estimatedRemainingLowSeconds()).isEqualTo(1200L);
        assertThat(alert.estimatedRemainingHighSeconds()).isEqualTo(54000L);
        assertThat(alert.estimateBasis()).isEqualTo("typical of major outages");
    }

    @Test
    void nullTimeLeftAndBasisMeanAbsent() {
        String json =
                JsonDoc.startedAlert()
                        .with("estimatedRemainingSeconds", "null")
                        .with("estimatedRemainingLowSeconds", "null")
                        .with("estimatedRemainingHighSeconds", "null")
                        .with("estimateBasis", "null")
                        .json();

        assertThat(AlertSerde.INSTANCE.parse(json))
                .isEqualTo(AlertSerde.INSTANCE.parse(JsonDoc.startedAlert().json()));
    }

    @Test
    void asOfIsTheMinuteTheAlertSpeaksForAndNeverBeforeTheOnset() {
        Alert update = Samples.updatedAlertWithTimeLeft();
        assertThat(AlertSerde.INSTANCE.parse(AlertSerde.INSTANCE.toJson(update)).value().asOf())
                .isEqualTo(Instant.parse("2023-11-08T16:04:00Z"));
        assertThat(AlertSerde.INSTANCE.parse(OLDER_STARTED_ALERT).value().asOf()).isNull();
        assertThatThrownBy(
                        () ->
                                new Alert(
                                        update.incidentId(),
                                        update.type(),
                                        update.service(),
                                        update.severity(),
                                        update.regions(),
                                        update.startedAt(),
                                        update.detectedAt(),
                                        null,
                                        null,
                                        update.estimatedDurationSeconds(),
                                        update.estimatedDurationLowSeconds(),
                                        update.estimatedDurationHighSeconds(),
                                        update.evidence(),
                                        update.officialStatus(),
                                        update.leadSecondsOverAck(),
                                        update.version(),
                                        update.estimatedRemainingSeconds(),
                                        update.estimatedRemainingLowSeconds(),
                                        update.estimatedRemainingHighSeconds(),
                                        update.estimateBasis(),
                                        update.startedAt().minusSeconds(1)))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("asOf");
    }
}
