package io.outagewatch.detection.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.StatusUpdate;
import io.outagewatch.scenario.Scenarios;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ChatGPT outage of 8 Nov 2023 replayed: its alerts carry the corpus model's estimates, total
 * and time left, with what they rest on, and the status page's phases reach them.
 */
class DurationEstimatesITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @Test
    void openAlertsCarryTheEstimateAndItsBasis(@TempDir Path dir) throws Exception {
        List<Alert> alerts =
                ScenarioReplay.run(
                                Scenarios.named("chatgpt-2023-11-08"),
                                dir,
                                ScenarioInput.Roughness.NONE)
                        .alerts();

        List<Alert> open =
                alerts.stream().filter(a -> a.type() != AlertType.OUTAGE_RECOVERED).toList();
        assertThat(open).isNotEmpty();
        for (Alert alert : open) {
            assertThat(alert.estimatedRemainingSeconds()).as("%s", alert).isNotNull();
            assertThat(alert.estimatedRemainingLowSeconds())
                    .isLessThanOrEqualTo(alert.estimatedRemainingSeconds());
            assertThat(alert.estimatedRemainingHighSeconds())
                    .isGreaterThanOrEqualTo(alert.estimatedRemainingSeconds());
            assertThat(alert.estimatedDurationSeconds())
                    .isGreaterThanOrEqualTo(alert.estimatedRemainingSeconds());
        }
        Alert started = open.get(0);
        assertThat(started.type()).isEqualTo(AlertType.OUTAGE_STARTED);
        // No past ChatGPT incident in this replay: the estimate is that of its kind.
        assertThat(started.estimateBasis()).isEqualTo("typical of major outages");
        long elapsedAtDetection =
                Duration.between(started.startedAt(), started.detectedAt()).toSeconds();
        assertThat(started.estimatedDurationSeconds() - started.estimatedRemainingSeconds())
                .isBetween(elapsedAtDetection - 60, elapsedAtDetection + 60);

        // The acknowledgement (investigating) and the identified post each reach an update.
        assertThat(open)
                .filteredOn(a -> a.officialStatus() != null)
                .extracting(a -> a.officialStatus().status())
                .contains(StatusUpdate.Status.INVESTIGATING, StatusUpdate.Status.IDENTIFIED);
        Alert identified =
                open.stream()
                        .filter(
                                a ->
                                        a.officialStatus() != null
                                                && a.officialStatus().status()
                                                        == StatusUpdate.Status.IDENTIFIED)
                        .findFirst()
                        .orElseThrow();
        // The kind stays the detector's severity after the status page's own rating arrives.
        assertThat(identified.estimateBasis()).isEqualTo("typical of major outages, in identified");
    }
}
