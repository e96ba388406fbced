package io.outagewatch.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.Alert;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.Topics;
import io.outagewatch.kafka.Await;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import io.outagewatch.scenario.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker is stopped while the live job is midway through a scenario and restarted on the same
 * address and data a few seconds later, after which the rest of the scenario is produced: the job
 * must come back by itself and its committed alerts must be exactly the replay's, with no record
 * dead-lettered.
 */
class BrokerRestartITCase {

    private static final int PARALLELISM = 2;
    private static final Duration CHECKPOINTS = Duration.ofSeconds(1);

    /** Well above the outage, so a topic does not count as idle because the broker is down. */
    private static final Duration IDLENESS = Duration.ofSeconds(30);

    /** How long the broker stays down: several checkpoint intervals. */
    private static final Duration BROKER_DOWNTIME = Duration.ofSeconds(5);

    private static final Duration DEADLINE = Duration.ofMinutes(3);

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(PARALLELISM)
                            .build());

    private EmbeddedKafkaBroker kafka;

    @TempDir Path work;

    @BeforeEach
    void startBroker() {
        kafka = EmbeddedKafkaBroker.startDefault();
        kafka.createOutageWatchTopics(PARALLELISM);
    }

    @AfterEach
    void stopBroker() {
        kafka.close();
    }

    @Test
    void jobRecoversFromABrokerRestartWithoutLosingARecordOrAnAlert() throws Exception {
        Scenario scenario = LiveJobSupport.shortScenario();
        Path replay = work.resolve("replay");
        List<Alert> expected = LiveJobSupport.replayAlerts(scenario, replay);
        assertThat(expected).isNotEmpty();
        List<LiveJobSupport.Input> firstHalf = new ArrayList<>();
        List<LiveJobSupport.Input> secondHalf = new ArrayList<>();
        for (List<LiveJobSupport.Input> topic :
                List.of(
                        LiveJobSupport.probes(scenario),
                        LiveJobSupport.reports(scenario),
                        LiveJobSupport.statusUpdates(scenario))) {
            firstHalf.addAll(topic.subList(0, topic.size() / 2));
            secondHalf.addAll(topic.subList(topic.size() / 2, topic.size()));
        }
        LiveJobSupport.produce(kafka, firstHalf);

        Configuration config = LiveJobSupport.liveConfig(kafka, replay, CHECKPOINTS, IDLENESS);
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 100);
        restarts.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(restarts);
        env.setParallelism(PARALLELISM);
        DetectionJob.build(env, config);
        JobClient job = env.executeAsync("broker-restart");
        try (Admin admin = kafka.admin()) {
            String group = config.get(DetectionOptions.KAFKA_GROUP_ID);
            // A checkpoint has completed once the sources have committed offsets: the job is
            // midway, with state and open transactions, when the broker goes.
            Await.until(
                    "the job commits its first probe offsets",
                    DEADLINE,
                    () -> committedProbes(admin, group) > 0);
            long committedBeforeStop = committedProbes(admin, group);
            kafka.stop();
            TimeUnit.MILLISECONDS.sleep(BROKER_DOWNTIME.toMillis());
            kafka.restart();
            System.out.printf(
                    "BrokerRestartITCase: broker down for %s after %d of %d probes committed%n",
                    BROKER_DOWNTIME, committedBeforeStop, LiveJobSupport.probes(scenario).size());
            LiveJobSupport.produce(kafka, secondHalf);

            List<Alert> alerts = LiveJobSupport.readAlerts(kafka, expected.size(), DEADLINE);
            List<DeadLetter> deadLetters = LiveJobSupport.readDeadLetters(kafka);

            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            assertThat(deadLetters).extracting(DeadLetter::reason).isEmpty();
            assertThat(alerts).containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            job.cancel().get();
        }
    }

    /** Probe offsets the job's consumer group has committed, over all partitions; 0 on errors. */
    private static long committedProbes(Admin admin, String group) {
        try {
            return admin
                    .listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(10, TimeUnit.SECONDS)
                    .entrySet()
                    .stream()
                    .filter(e -> e.getKey().topic().equals(Topics.PROBE_RESULTS))
                    .map(Map.Entry::getValue)
                    .filter(Objects::nonNull)
                    .mapToLong(OffsetAndMetadata::offset)
                    .sum();
        } catch (Exception e) {
            return 0;
        }
    }
}
