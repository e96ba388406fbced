package io.outagewatch.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.assess.SavedDetectionStates;
import io.outagewatch.detection.replay.ScenarioInput;
import io.outagewatch.detection.replay.ScenarioReplay;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.Topics;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import io.outagewatch.scenario.Scenario;
import io.outagewatch.scenario.ScenarioFile;
import io.outagewatch.scenario.Scenarios;
import io.outagewatch.scenario.ServiceSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.flink.api.common.JobID;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.CommonTestUtils;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrades and rescaling of the live job through savepoints taken in the middle of an incident.
 *
 * <p>The first part of a scenario runs at parallelism 2 until the outage's OUTAGE_STARTED is
 * committed, and the job is stopped with a savepoint. That savepoint is restored at parallelism 1
 * and saved again before any new input, that one at 2 and saved again, and the last at 1 while the
 * rest of the scenario is produced. The alerts on {@code outage-alerts} (read_committed) must be
 * exactly those of an undisturbed replay: the recovery closes the incident that was open at the
 * first savepoint, under its id and with its duration, and carries the same learned baselines. The
 * State Processor API reads the detector's state out of the savepoints: after each rescale the job
 * saved, service by service, the very baselines, incident and timers it was restored from.
 */
class SavepointRescaleITCase {

    private static final Duration DEADLINE = Duration.ofMinutes(2);
    private static final int ALERT_PARTITIONS = 2;
    private static final int SLOTS = 2;

    private static final Duration IDLENESS = Duration.ofSeconds(10);

    private static final String SCENARIO = "night-outage";
    private static final String OUTAGE_SERVICE = "discord";

    /** The outage of {@link #SCENARIO}: discord is down from 03:10 to 03:22. */
    private static final Instant OUTAGE_START = Instant.parse("2024-02-21T03:10:00Z");

    /** Enough history for the baselines to learn from, little enough to keep the test short. */
    private static final Instant HISTORY_FROM = OUTAGE_START.minus(Duration.ofMinutes(100));

    /**
     * Recovery needs 10 healthy minutes after the outage, and the live watermark trails the newest
     * record, so the input runs a while past that.
     */
    private static final Instant INPUT_UNTIL = Instant.parse("2024-02-21T03:45:00Z");

    /** Inside the outage: after it is detected, before it recovers. */
    private static final Instant SAVEPOINT_AT = Instant.parse("2024-02-21T03:16:00Z");

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(SLOTS)
                            .build());

    @TempDir static Path replayDir;

    private static Scenario scenario;
    private static List<Alert> undisturbed;

    @TempDir Path work;

    private EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void replayUndisturbed() throws Exception {
        scenario = generate(SCENARIO, HISTORY_FROM, INPUT_UNTIL);
        undisturbed =
                ScenarioReplay.run(scenario, replayDir, ScenarioInput.Roughness.NONE).alerts();
        assertThat(undisturbed)
                .as(
                        "the undisturbed run opens an incident before the savepoint and closes it after")
                .anySatisfy(
                        alert -> {
                            assertThat(alert.type()).isEqualTo(AlertType.OUTAGE_STARTED);
                            assertThat(alert.detectedAt()).isBefore(SAVEPOINT_AT);
                        })
                .anySatisfy(
                        alert -> {
                            assertThat(alert.type()).isEqualTo(AlertType.OUTAGE_RECOVERED);
                            assertThat(alert.recoveredAt()).isAfter(SAVEPOINT_AT);
                        });
    }

    @BeforeEach
    void startBroker() {
        kafka = EmbeddedKafkaBroker.startDefault();
        // One partition per input topic: the job assigns event time after its sources, so a
        // subtask reading several partitions of a backlog would see them out of order.
        kafka.createTopics(1, Topics.PROBE_RESULTS, Topics.SOCIAL_REPORTS, Topics.STATUS_UPDATES);
        kafka.createTopics(
                ALERT_PARTITIONS,
                Topics.OUTAGE_ALERTS,
                Topics.DEAD_LETTERS,
                Topics.VANTAGE_HEALTH,
                Topics.SERVICE_SIGNALS);
    }

    @AfterEach
    void stopBroker() {
        kafka.close();
    }

    /**
     * Parallelism 2, savepoint mid-incident; restored at 1 and saved again before any new input;
     * restored at 2 and saved again; restored at 1 for the rest of the scenario.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void incidentAndBaselinesSurviveRescalingDownAndUp(
            @InjectClusterClient ClusterClient<?> client, @InjectMiniCluster MiniCluster cluster)
            throws Exception {
        Configuration config = jobConfig();
        String savepoints = work.resolve("savepoints").toUri().toString();
        List<Alert> alerts = new ArrayList<>();
        String midIncident;
        String scaledDown;
        String scaledUp;
        try (AlertReader reader = new AlertReader()) {
            produce(at -> at.isBefore(SAVEPOINT_AT));
            JobID first = client.submitJob(jobGraph(config, 2, null)).get();
            alerts.addAll(
                    reader.readUntil(
                            read ->
                                    read.stream()
                                            .anyMatch(
                                                    alert ->
                                                            alert.type()
                                                                    == AlertType.OUTAGE_STARTED)));
            midIncident =
                    client.stopWithSavepoint(
                                    first, false, savepoints, SavepointFormatType.CANONICAL)
                            .get();
            alerts.addAll(reader.readCommitted());
            assertThat(alerts)
                    .as("alerts committed when the savepoint was taken")
                    .extracting(Alert::type)
                    .doesNotContain(AlertType.OUTAGE_RECOVERED);

            scaledDown = restoreAndSave(client, cluster, config, 1, midIncident, savepoints);
            scaledUp = restoreAndSave(client, cluster, config, 2, scaledDown, savepoints);

            produce(at -> !at.isBefore(SAVEPOINT_AT));
            JobID resumed = client.submitJob(jobGraph(config, 1, scaledUp)).get();
            try {
                int before = alerts.size();
                alerts.addAll(reader.readUntil(read -> before + read.size() >= undisturbed.size()));
                // Anything beyond the undisturbed run's alerts would be a duplicate: read on.
                alerts.addAll(reader.readFor(Duration.ofSeconds(3)));
            } finally {
                client.cancel(resumed).get();
            }
        }

        assertThat(alerts).containsExactlyInAnyOrderElementsOf(undisturbed);
        for (ServiceSpec service : scenario.frame().services()) {
            assertThat(ofService(alerts, service.id()))
                    .as("alerts of %s, in the order of their partition", service.id())
                    .containsExactlyElementsOf(ofService(undisturbed, service.id()));
        }
        Alert started = only(alerts, AlertType.OUTAGE_STARTED);
        Alert recovered = only(alerts, AlertType.OUTAGE_RECOVERED);
        assertThat(recovered.incidentId()).isEqualTo(started.incidentId());
        assertThat(recovered.startedAt()).isEqualTo(started.startedAt());
        assertThat(recovered.durationSeconds())
                .isEqualTo(
                        Duration.between(started.startedAt(), recovered.recoveredAt()).toSeconds());

        Map<String, Map<String, SavedDetectionStates.Saved>> saved =
                SavedDetectionStates.read(List.of(midIncident, scaledDown, scaledUp));
        Map<String, SavedDetectionStates.Saved> atSavepoint = saved.get(midIncident);
        assertThat(atSavepoint.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        scenario.frame().services().stream().map(ServiceSpec::id).toList());
        assertThat(atSavepoint.get(OUTAGE_SERVICE).incidentOpen()).isTrue();
        assertThat(atSavepoint.values())
                .as("baselines learned from the history before the outage")
                .allSatisfy(
                        state ->
                                assertThat(state.complaintMinutesObserved())
                                        .isGreaterThanOrEqualTo(
                                                Duration.between(HISTORY_FROM, OUTAGE_START)
                                                        .toMinutes()));
        assertSameStates("2 -> 1", atSavepoint, saved.get(scaledDown));
        assertSameStates("1 -> 2", saved.get(scaledDown), saved.get(scaledUp));
    }

    /** Restores the savepoint at this parallelism and stops with a savepoint before new input. */
    private static String restoreAndSave(
            ClusterClient<?> client,
            MiniCluster cluster,
            Configuration config,
            int parallelism,
            String savepoint,
            String savepoints)
            throws Exception {
        JobID restored = client.submitJob(jobGraph(config, parallelism, savepoint)).get();
        CommonTestUtils.waitForAllTaskRunning(cluster, restored, false);
        return client.stopWithSavepoint(restored, false, savepoints, SavepointFormatType.CANONICAL)
                .get();
    }

    private static void assertSameStates(
            String rescale,
            Map<String, SavedDetectionStates.Saved> before,
            Map<String, SavedDetectionStates.Saved> after) {
        assertThat(after.keySet()).as("services after %s", rescale).isEqualTo(before.keySet());
        for (String service : before.keySet()) {
            assertThat(after.get(service).serialized())
                    .as("detector state of %s after %s", service, rescale)
                    .isEqualTo(before.get(service).serialized());
            assertThat(after.get(service).eventTimeTimers())
                    .as("timers of %s after %s", service, rescale)
                    .isEqualTo(before.get(service).eventTimeTimers());
        }
    }

    private Configuration jobConfig() {
        Configuration config = new Configuration();
        config.set(DetectionOptions.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        config.set(DetectionOptions.CATALOG, replayDir.resolve("catalog.json").toString());
        config.set(DetectionOptions.CHECKPOINT_INTERVAL, Duration.ofSeconds(1));
        // The scenario has no status updates: that stream holds event time back for this long
        // after each start. A source that starts reading later than this after another would be
        // taken for idle, and its records would come too late for the windows.
        config.set(DetectionOptions.IDLENESS, IDLENESS);
        // The same prefix for every run of the job, as for a real upgrade.
        config.set(DetectionOptions.KAFKA_TRANSACTIONAL_ID_PREFIX, "it-" + UUID.randomUUID());
        return config;
    }

    /** The live job's graph at this parallelism, restoring from the savepoint when one is given. */
    private static JobGraph jobGraph(Configuration config, int parallelism, String savepoint) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        DetectionJob.build(env, config);
        JobGraph job = env.getStreamGraph().getJobGraph();
        if (savepoint != null) {
            // allowNonRestoredState=false: every piece of saved state must find its operator.
            job.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint, false));
        }
        return job;
    }

    /** The suite's scenario, generated over a shorter span than its file gives. */
    private static Scenario generate(String name, Instant from, Instant until) throws IOException {
        String origin = Scenarios.RESOURCE_DIR + name + ".yaml";
        try (InputStream in = Scenarios.class.getResourceAsStream(origin)) {
            assertThat(in).as("classpath resource %s", origin).isNotNull();
            return ScenarioFile.parse(
                            new String(in.readAllBytes(), StandardCharsets.UTF_8),
                            origin,
                            Scenarios.services(),
                            OptionalLong.empty())
                    .from(from)
                    .until(until)
                    .build();
        }
    }

    /** Produces the scenario's records whose event time passes the filter, topic after topic. */
    private void produce(Predicate<Instant> eventTime) throws Exception {
        LiveJobSupport.produce(
                kafka,
                LiveJobSupport.allInputs(scenario).stream()
                        .filter(input -> eventTime.test(input.eventTime()))
                        .toList());
    }

    private static List<Alert> ofService(List<Alert> alerts, String service) {
        return alerts.stream().filter(alert -> alert.service().equals(service)).toList();
    }

    private static Alert only(List<Alert> alerts, AlertType type) {
        List<Alert> ofType =
                alerts.stream()
                        .filter(alert -> alert.service().equals(OUTAGE_SERVICE))
                        .filter(alert -> alert.type() == type)
                        .toList();
        assertThat(ofType).as("%s alerts of %s", type, OUTAGE_SERVICE).hasSize(1);
        return ofType.get(0);
    }

    /** Reads {@code outage-alerts} from the beginning, read_committed, across all the job runs. */
    private final class AlertReader implements AutoCloseable {

        private final KafkaConsumer<byte[], byte[]> consumer;

        AlertReader() {
            Map<String, Object> props = new HashMap<>(kafka.clientProperties());
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumer =
                    new KafkaConsumer<>(
                            props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            for (int partition = 0; partition < ALERT_PARTITIONS; partition++) {
                partitions.add(new TopicPartition(Topics.OUTAGE_ALERTS, partition));
            }
            consumer.assign(partitions);
        }

        /** Alerts committed from now on, until the ones read satisfy {@code done}. */
        List<Alert> readUntil(Predicate<List<Alert>> done) {
            List<Alert> read = new ArrayList<>();
            Instant deadline = Instant.now().plus(DEADLINE);
            while (!done.test(read)) {
                assertThat(Instant.now())
                        .as("alerts read by the deadline: %s", read)
                        .isBefore(deadline);
                poll(read);
            }
            return read;
        }

        /** Alerts committed now and not read yet. */
        List<Alert> readCommitted() {
            return readFor(Duration.ofSeconds(1));
        }

        List<Alert> readFor(Duration duration) {
            List<Alert> read = new ArrayList<>();
            Instant until = Instant.now().plus(duration);
            while (Instant.now().isBefore(until)) {
                poll(read);
            }
            return read;
        }

        private void poll(List<Alert> into) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                into.add(AlertSerde.INSTANCE.parse(record.value()).value());
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
