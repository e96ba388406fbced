package io.outagewatch.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.Alert;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import io.outagewatch.scenario.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Watermarks of the live job when its readers own several Kafka partitions each (four partitions,
 * parallelism 2): a reader catching up on a backlog reads its partitions in turns, each at its own
 * pace, and partitions that stay empty must not hold the watermark back. Either way the alerts must
 * be the replay's and no record may be dead-lettered as late.
 */
class PartitionWatermarksITCase {

    private static final int PARTITIONS = 4;
    private static final int PARALLELISM = 2;
    private static final Duration CHECKPOINTS = Duration.ofSeconds(1);

    /**
     * Idleness is processing time: a partition with a backlog that its reader leaves unread for
     * this long (busy emitting another partition's fetch, on a loaded machine) would count as idle
     * and let the watermark run ahead of it, so it must be well above such pauses.
     */
    private static final Duration IDLENESS = Duration.ofSeconds(30);

    /**
     * With every record in one partition per topic, a short idleness lets the empty ones go
     * quickly; at 30 s the single busy reader did not get its alerts out within the deadline on a
     * loaded machine (idleness time does not run while a reader is backpressured).
     */
    private static final Duration EMPTY_PARTITION_IDLENESS = Duration.ofSeconds(2);

    private static final Duration DEADLINE = Duration.ofMinutes(3);

    /** An idleness no partition reaches before {@link #DEADLINE}. */
    private static final Duration NEVER_IDLE_WITHIN_THE_DEADLINE = Duration.ofMinutes(10);

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(PARALLELISM)
                            .build());

    @TempDir static Path replay;

    private static Scenario scenario;
    private static List<Alert> expected;

    private EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void replayTheScenario() throws Exception {
        scenario = LiveJobSupport.shortScenario();
        expected = LiveJobSupport.replayAlerts(scenario, replay);
        assertThat(expected).isNotEmpty();
    }

    @BeforeEach
    void startBroker() {
        kafka = EmbeddedKafkaBroker.startDefault();
        kafka.createOutageWatchTopics(PARTITIONS);
    }

    @AfterEach
    void stopBroker() {
        kafka.close();
    }

    /**
     * The whole scenario waits as a backlog, each topic dealt round-robin over four partitions, so
     * every reader interleaves batches of two partitions that are hours apart in event time.
     */
    @Test
    void backlogReadFromSeveralPartitionsPerReaderLosesNothingAsLate() throws Exception {
        List<LiveJobSupport.Input> inputs = LiveJobSupport.allInputs(scenario);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            records.add(inputs.get(i).toRecord(i % PARTITIONS));
        }
        LiveJobSupport.produceRecords(kafka, records);

        assertLiveJobGivesTheReplaysAlertsAndNoLateRecords(IDLENESS);
    }

    /**
     * Every record goes to partition 0, so three of each topic's four partitions stay empty and one
     * reader gets nothing at all: idleness must let the watermark pass them.
     */
    @Test
    void emptyPartitionsDoNotStallTheWatermark() throws Exception {
        LiveJobSupport.produceRecords(
                kafka,
                LiveJobSupport.allInputs(scenario).stream()
                        .map(input -> input.toRecord(0))
                        .toList());

        assertLiveJobGivesTheReplaysAlertsAndNoLateRecords(EMPTY_PARTITION_IDLENESS);
    }

    /**
     * No status update at all, and an idleness of ten minutes: the empty status topic must not hold
     * the detector's watermark for the idleness (it had nothing to read when the job started, so
     * its partitions start idle), or no alert would come within the deadline.
     */
    @Test
    void inputWithNothingToReadAtStartHoldsNoWatermark(@TempDir Path withoutStatus)
            throws Exception {
        Scenario noStatusUpdates =
                new Scenario(
                        scenario.frame(),
                        scenario.seed(),
                        scenario.probes(),
                        scenario.reports(),
                        List.of(),
                        scenario.expected());
        List<Alert> expectedWithoutStatus =
                LiveJobSupport.replayAlerts(noStatusUpdates, withoutStatus);
        assertThat(expectedWithoutStatus).isNotEmpty();
        List<LiveJobSupport.Input> inputs = LiveJobSupport.allInputs(noStatusUpdates);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            records.add(inputs.get(i).toRecord(i % PARTITIONS));
        }
        LiveJobSupport.produceRecords(kafka, records);

        assertLiveJobGivesAlertsAndNoLateRecords(
                withoutStatus, expectedWithoutStatus, NEVER_IDLE_WITHIN_THE_DEADLINE);
    }

    private void assertLiveJobGivesTheReplaysAlertsAndNoLateRecords(Duration idleness)
            throws Exception {
        assertLiveJobGivesAlertsAndNoLateRecords(replay, expected, idleness);
    }

    private void assertLiveJobGivesAlertsAndNoLateRecords(
            Path replay, List<Alert> expected, Duration idleness) throws Exception {
        Configuration config = LiveJobSupport.liveConfig(kafka, replay, CHECKPOINTS, idleness);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PARALLELISM);
        DetectionJob.build(env, config);
        JobClient job = env.executeAsync("partition-watermarks");
        try {
            List<Alert> alerts = LiveJobSupport.readAlerts(kafka, expected.size(), DEADLINE);
            List<DeadLetter> deadLetters = LiveJobSupport.readDeadLetters(kafka);

            assertThat(deadLetters)
                    .as("%d dead letters", deadLetters.size())
                    .extracting(DeadLetter::reason)
                    .isEmpty();
            assertThat(alerts).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            job.cancel().get();
        }
    }
}
