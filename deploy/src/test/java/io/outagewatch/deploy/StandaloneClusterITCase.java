package io.outagewatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.outagewatch.detection.DetectionJob;
import io.outagewatch.detection.DetectionOptions;
import io.outagewatch.detection.replay.ScenarioInput;
import io.outagewatch.detection.replay.ScenarioReplay;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.events.SocialReport;
import io.outagewatch.events.SocialReportSerde;
import io.outagewatch.events.StatusUpdate;
import io.outagewatch.events.StatusUpdateSerde;
import io.outagewatch.events.Topics;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import io.outagewatch.scenario.Scenario;
import io.outagewatch.scenario.Scenarios;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.util.TimeUtils;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The job jar on a real multi-process Flink standalone cluster: a JobManager and two TaskManager
 * JVMs started from the Maven jars in {@code target/flink-cluster.classpath}, the jar uploaded and
 * run through the REST API against the embedded broker. The 8 Nov 2023 ChatGPT outage, produced to
 * the input topics, gives on {@code outage-alerts} (read_committed) exactly the alerts a replay of
 * the same scenario gives. The JVMs log to {@code target/standalone-cluster/log}.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class StandaloneClusterITCase {

    /** The shaded job jar; the default is the detection-job module's build output. */
    static final String JOB_JAR_PROPERTY = "outagewatch.deploy.job-jar";

    static final String DEFAULT_JOB_JAR =
            "../detection-job/target/detection-job-0.1.0-SNAPSHOT-job.jar";

    /** The file maven-dependency-plugin writes the cluster's classpath to. */
    static final String CLUSTER_CLASSPATH_PROPERTY = "outagewatch.deploy.cluster-classpath";

    static final String DEFAULT_CLUSTER_CLASSPATH = "target/flink-cluster.classpath";

    private static final Path WORK = Path.of("target", "standalone-cluster");
    private static final String SCENARIO = "chatgpt-2023-11-08";
    private static final String SERVICE = "chatgpt";
    private static final Instant ONSET = Instant.parse("2023-11-08T13:42:00Z");
    private static final Duration OUTAGE_LENGTH = Duration.ofHours(2).plusMinutes(18);
    private static final Duration START_TOLERANCE = Duration.ofMinutes(2);
    private static final Duration LENGTH_TOLERANCE = Duration.ofMinutes(3);

    private static final int TASK_MANAGERS = 2;
    private static final int SLOTS_PER_TASK_MANAGER = 1;
    private static final int PARALLELISM = TASK_MANAGERS * SLOTS_PER_TASK_MANAGER;
    private static final int PARTITIONS = 2;
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
    // Longer than any stall under backpressure on a busy machine: the idleness is measured after
    // the
    // parser, on wall-clock time, so a stalled input counts as idle and its records turn late (with
    // 2 s, as in DetectionJobITCase, about 16k of 131k were dropped here). Also how long the job
    // waits before an input partition that gets no records stops holding back the watermark.
    private static final Duration IDLENESS = Duration.ofSeconds(30);

    private static final Duration CLUSTER_START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration JOB_START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration ALERTS_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(60);
    private static final int SETTLE_CHECKPOINTS = 2;

    private static EmbeddedKafkaBroker kafka;
    private static StandaloneFlinkCluster flink;
    private static String jobId;

    @BeforeAll
    static void startBrokerAndCluster() throws IOException {
        String classpath = Files.readString(clusterClasspathFile()).strip();
        deleteRecursively(WORK);
        kafka = EmbeddedKafkaBroker.startDefault();
        kafka.createOutageWatchTopics(PARTITIONS);
        // The JVMs boot while the test computes the replay and fills the topics.
        flink =
                StandaloneFlinkCluster.start(
                        WORK, classpath, TASK_MANAGERS, SLOTS_PER_TASK_MANAGER);
    }

    @AfterAll
    static void stopClusterAndBroker() {
        try {
            if (flink != null) {
                if (jobId != null) {
                    try {
                        flink.cancel(jobId);
                    } catch (RuntimeException e) {
                        // The JVMs are stopped next anyway.
                    }
                }
                flink.close();
            }
        } finally {
            if (kafka != null) {
                kafka.close();
            }
        }
    }

    @Test
    void jobJarOnStandaloneClusterGivesTheReplaysAlerts() throws Exception {
        Path jobJar = jobJar();
        Scenario scenario = Scenarios.named(SCENARIO);
        List<Alert> expected =
                ScenarioReplay.run(scenario, WORK.resolve("replay"), ScenarioInput.Roughness.NONE)
                        .alerts();
        assertThat(expected).as("the replay's alerts").isNotEmpty();
        produce(scenario);
        Path config = writeJobConfig(WORK.resolve("job"));

        JsonNode overview = flink.awaitTaskManagers(TASK_MANAGERS, CLUSTER_START_TIMEOUT);
        assertThat(overview.path("slots-total").asInt()).isEqualTo(PARALLELISM);
        String jarId = flink.uploadJar(jobJar);
        jobId =
                flink.runJar(
                        jarId,
                        DetectionJob.class.getName(),
                        List.of("--config", config.toAbsolutePath().toString()),
                        PARALLELISM);
        flink.awaitRunning(jobId, JOB_START_TIMEOUT);
        assertThat(flink.get("/taskmanagers").path("taskmanagers"))
                .as("every TaskManager JVM runs a slot of the job")
                .hasSize(TASK_MANAGERS)
                .allSatisfy(tm -> assertThat(tm.path("freeSlots").asInt()).isZero());

        List<Alert> alerts = readAlerts(expected.size(), ALERTS_TIMEOUT);
        // Anything more would be a duplicate: let transactions open now commit, then read again.
        flink.awaitCheckpoints(jobId, SETTLE_CHECKPOINTS, SETTLE_TIMEOUT);
        List<Alert> settled = readAlerts(expected.size(), SETTLE_TIMEOUT);

        assertOneChatGptIncident(alerts);
        assertThat(flink.lateRecordsDropped(jobId))
                .as(
                        "records the windows dropped as late: an input went idle (%s) while"
                                + " backpressured, and the watermark ran ahead of it",
                        IDLENESS)
                .isZero();
        assertThat(settled)
                .as(() -> "alerts after settling\n" + flink.diagnostics(jobId))
                .containsExactlyInAnyOrderElementsOf(alerts);
        assertThat(alerts)
                .as(() -> "the live alerts against the replay's\n" + flink.diagnostics(jobId))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    /** The incident-level facts, stated on their own so a failure says which one broke. */
    private static void assertOneChatGptIncident(List<Alert> alerts) {
        List<Alert> chatgpt = alerts.stream().filter(a -> a.service().equals(SERVICE)).toList();
        assertThat(chatgpt).as("alerts for " + SERVICE).isNotEmpty();
        assertThat(chatgpt).extracting(Alert::incidentId).containsOnly(chatgpt.get(0).incidentId());
        Alert first = chatgpt.stream().min(Comparator.comparingInt(Alert::version)).orElseThrow();
        assertThat(first.type()).isEqualTo(AlertType.OUTAGE_STARTED);
        assertThat(Duration.between(ONSET, first.startedAt()).abs())
                .isLessThanOrEqualTo(START_TOLERANCE);
        List<Alert> recovered =
                chatgpt.stream().filter(a -> a.type() == AlertType.OUTAGE_RECOVERED).toList();
        assertThat(recovered).hasSize(1);
        assertThat(Duration.ofSeconds(recovered.get(0).durationSeconds()))
                .isBetween(
                        OUTAGE_LENGTH.minus(LENGTH_TOLERANCE),
                        OUTAGE_LENGTH.plus(LENGTH_TOLERANCE));
    }

    private static List<Alert> readAlerts(int count, Duration timeout) {
        try {
            return kafka.readRecords(Topics.OUTAGE_ALERTS, count, timeout).stream()
                    .map(record -> AlertSerde.INSTANCE.parse(record.value()).value())
                    .toList();
        } catch (IllegalStateException e) {
            throw new AssertionError(e.getMessage() + "\n" + flink.diagnostics(jobId), e);
        }
    }

    /** The job's settings file: the broker, the catalog and fast checkpoints for a test. */
    private static Path writeJobConfig(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path catalog = Files.writeString(dir.resolve("catalog.json"), Scenarios.catalogJson());
        String run = "standalone-it-" + UUID.randomUUID();
        Map<ConfigOption<?>, String> settings = new HashMap<>();
        settings.put(DetectionOptions.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        settings.put(DetectionOptions.CATALOG, catalog.toAbsolutePath().toString());
        settings.put(
                DetectionOptions.CHECKPOINT_INTERVAL,
                TimeUtils.formatWithHighestUnit(CHECKPOINT_INTERVAL));
        settings.put(DetectionOptions.IDLENESS, TimeUtils.formatWithHighestUnit(IDLENESS));
        settings.put(DetectionOptions.KAFKA_GROUP_ID, run);
        settings.put(DetectionOptions.KAFKA_TRANSACTIONAL_ID_PREFIX, run);
        return Files.write(
                dir.resolve("detect.yaml"),
                settings.entrySet().stream()
                        .map(e -> e.getKey().key() + ": \"" + e.getValue() + "\"")
                        .sorted()
                        .toList(),
                StandardCharsets.UTF_8);
    }

    /** Produces the scenario to the input topics, keyed by service where the job keys them. */
    private static void produce(Scenario scenario) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (ProbeResult probe : scenario.probes()) {
                producer.send(
                        new ProducerRecord<>(
                                Topics.PROBE_RESULTS,
                                probe.service(),
                                ProbeResultSerde.INSTANCE.toBytes(probe)));
            }
            for (SocialReport report : scenario.reports()) {
                producer.send(
                        new ProducerRecord<>(
                                Topics.SOCIAL_REPORTS,
                                null,
                                SocialReportSerde.INSTANCE.toBytes(report)));
            }
            for (StatusUpdate update : scenario.statusUpdates()) {
                producer.send(
                        new ProducerRecord<>(
                                Topics.STATUS_UPDATES,
                                update.service(),
                                StatusUpdateSerde.INSTANCE.toBytes(update)));
            }
            producer.flush();
        }
    }

    private static Path jobJar() {
        Path jar = Path.of(System.getProperty(JOB_JAR_PROPERTY, DEFAULT_JOB_JAR));
        assertThat(jar)
                .as(
                        "the detection job jar (system property %s); build it first with"
                                + " ./mvnw -pl detection-job -am package -DskipTests",
                        JOB_JAR_PROPERTY)
                .isRegularFile();
        return jar;
    }

    private static Path clusterClasspathFile() {
        Path file =
                Path.of(System.getProperty(CLUSTER_CLASSPATH_PROPERTY, DEFAULT_CLUSTER_CLASSPATH));
        assertThat(file)
                .as(
                        "the Flink cluster's classpath file (system property %s), written by"
                                + " maven-dependency-plugin in generate-test-resources",
                        CLUSTER_CLASSPATH_PROPERTY)
                .isRegularFile();
        return file;
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(
                            p -> {
                                try {
                                    Files.delete(p);
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            });
        }
    }
}
