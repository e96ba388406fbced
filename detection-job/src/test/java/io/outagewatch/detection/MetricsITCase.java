package io.outagewatch.detection;

import static io.outagewatch.detection.PrometheusMetrics.JOB_METRIC;
import static io.outagewatch.detection.PrometheusMetrics.label;
import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.PrometheusMetrics.Sample;
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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live job on a MiniCluster with Flink's Prometheus reporter: after the outage hour of
 * night-outage and a few garbage records went through, {@code /metrics} shows the job's own
 * metrics, with their labels.
 */
class MetricsITCase {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Instant OUTAGE_START = Instant.parse("2024-02-21T03:10:00Z");
    private static final Duration HISTORY = Duration.ofMinutes(90);
    private static final Duration AFTER_START = Duration.ofMinutes(20);
    private static final List<String> GARBAGE = List.of("{\"service\":", "not json", "[]");
    private static final List<String> INPUTS =
            List.of(Topics.PROBE_RESULTS, Topics.SOCIAL_REPORTS, Topics.STATUS_UPDATES);

    private static final List<String> SIGNAL_GAUGES =
            List.of(
                    "service_probeFailureRate",
                    "service_probeFailureBaseline",
                    "service_reportRate",
                    "service_reportBaseline");

    private static final PrometheusMetrics PROMETHEUS = PrometheusMetrics.onFreePort();

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(PROMETHEUS.reporterConfiguration())
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static EmbeddedKafkaBroker kafka;

    @TempDir Path work;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafkaBroker.startDefault();
        kafka.createOutageWatchTopics(2);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    /** The settings docs/detection.md gives, on a port of our own. */
    @Test
    void theJobsMetricsAppearWithTheirLabels() throws Exception {
        Scenario scenario = Scenarios.named("night-outage");
        Instant from = OUTAGE_START.minus(HISTORY);
        Instant until = OUTAGE_START.plus(AFTER_START);
        produce(scenario, from, until);

        Configuration config = new Configuration();
        config.set(DetectionOptions.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        config.set(DetectionOptions.CATALOG, writeCatalog().toString());
        config.set(DetectionOptions.CHECKPOINT_INTERVAL, Duration.ofSeconds(1));
        // Not shorter: on a loaded 2-core machine a probe partition silent for 2 s at the start was
        // taken for idle, its records came late, and a Discord minute was decided without its
        // probes (NaN failure rate; docs/event-time.md, "What is not handled").
        config.set(DetectionOptions.IDLENESS, Duration.ofSeconds(10));
        config.set(DetectionOptions.KAFKA_TRANSACTIONAL_ID_PREFIX, "it-" + UUID.randomUUID());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DetectionJob.build(env, config);
        JobClient job = env.executeAsync("metrics-it");
        try {
            Map<String, Long> expectedIn = new HashMap<>();
            for (String topic : INPUTS) {
                expectedIn.put(topic, expectedRecords(scenario, topic, from, until));
            }
            // night-outage has no official status update: that counter stays at zero.
            assertThat(expectedIn.get(Topics.PROBE_RESULTS)).isPositive();
            assertThat(expectedIn.get(Topics.SOCIAL_REPORTS)).isPositive();
            // Discord's gauges are waited for as well: once on CI the alert and the inputs were
            // counted while they were missing, and a timeout here lists every job sample.
            List<Sample> samples =
                    scrapeUntil(
                            s ->
                                    sum(s, "type_alerts", "type", "OUTAGE_STARTED") >= 1
                                            && SIGNAL_GAUGES.stream()
                                                    .allMatch(
                                                            gauge ->
                                                                    !find(
                                                                                    s, gauge,
                                                                                    "service",
                                                                                    "discord")
                                                                            .isEmpty())
                                            && INPUTS.stream()
                                                    .allMatch(
                                                            topic ->
                                                                    sum(
                                                                                    s,
                                                                                    "topic_recordsIn",
                                                                                    "topic",
                                                                                    label(topic))
                                                                            >= expectedIn.get(
                                                                                    topic)));

            for (String topic : INPUTS) {
                assertThat(sum(samples, "topic_recordsIn", "topic", label(topic)))
                        .as("recordsIn of %s", topic)
                        .isEqualTo((double) expectedIn.get(topic));
                assertThat(find(samples, "topic_recordsIn", "topic", label(topic))).hasSize(2);
                assertThat(find(samples, "topic_lateRecords", "topic", label(topic))).isNotEmpty();
            }
            // "{\"service\":" and "not json" are malformed JSON; "[]" is not an object.
            assertThat(sum(samples, "reason_deadLetters", "reason", "malformed_json")).isEqualTo(2);
            assertThat(sum(samples, "reason_deadLetters", "reason", "not_an_object")).isEqualTo(1);
            assertThat(find(samples, "reason_deadLetters", "reason", "late")).isNotEmpty();
            assertThat(sum(samples, "type_alerts", "type", "OUTAGE_STARTED")).isEqualTo(1);
            assertThat(find(samples, "type_alerts", "type", "OUTAGE_RECOVERED")).isNotEmpty();
            // One gauge per detector subtask; the outage is open or over, never more than one.
            assertThat(find(samples, "openIncidents", null, null))
                    .hasSize(2)
                    .allSatisfy(g -> assertThat(g.value()).isBetween(0.0, 1.0));
            // Signals against baselines, per service: Discord is probed and discussed.
            assertThat(find(samples, "service_probeFailureRate", "service", "discord"))
                    .singleElement()
                    .satisfies(g -> assertThat(g.value()).isBetween(0.0, 1.0));
            assertThat(find(samples, "service_probeFailureBaseline", "service", "discord"))
                    .singleElement()
                    .satisfies(g -> assertThat(g.value()).isBetween(0.0, 1.0));
            assertThat(find(samples, "service_reportRate", "service", "discord")).hasSize(1);
            assertThat(find(samples, "service_reportBaseline", "service", "discord")).hasSize(1);
            // The data are from 2024: the watermark trails the wall clock by a long way.
            assertThat(find(samples, "watermarkLagMillis", null, null))
                    .isNotEmpty()
                    .anySatisfy(
                            g ->
                                    assertThat(g.value())
                                            .isGreaterThan(Duration.ofDays(365).toMillis()));
        } finally {
            job.cancel().get();
        }
    }

    private static List<Sample> scrapeUntil(Predicate<List<Sample>> done) throws Exception {
        Instant deadline = Instant.now().plus(DEADLINE);
        List<Sample> samples = List.of();
        // Between scrapes, wait for the job's next committed output (or POLL_INTERVAL without).
        try (KafkaConsumer<byte[], byte[]> output =
                new KafkaConsumer<>(
                        outputConsumerProperties(),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            output.subscribe(List.of(Topics.OUTAGE_ALERTS, Topics.DEAD_LETTERS));
            while (Instant.now().isBefore(deadline)) {
                samples = PROMETHEUS.scrape();
                if (done.test(samples)) {
                    return samples;
                }
                output.poll(POLL_INTERVAL);
            }
        }
        throw new AssertionError(
                "metrics not there within "
                        + DEADLINE
                        + "; outagewatch samples: "
                        + samples.stream().filter(s -> s.name().startsWith(JOB_METRIC)).toList());
    }

    private static Map<String, Object> outputConsumerProperties() {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "metrics-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return props;
    }

    /** Samples of {@code outagewatch_<suffix>}, with the label when one is given. */
    private static List<Sample> find(
            List<Sample> samples, String suffix, String label, String value) {
        return PrometheusMetrics.find(samples, JOB_METRIC + suffix, label, value);
    }

    /** Summed over subtasks. */
    private static double sum(List<Sample> samples, String suffix, String label, String value) {
        return PrometheusMetrics.sum(samples, JOB_METRIC + suffix, label, value);
    }

    private static long expectedRecords(
            Scenario scenario, String topic, Instant from, Instant until) {
        return switch (topic) {
            case Topics.PROBE_RESULTS ->
                    scenario.probes().stream()
                                    .filter(p -> within(p.timestamp(), from, until))
                                    .count()
                            + GARBAGE.size();
            case Topics.SOCIAL_REPORTS ->
                    scenario.reports().stream()
                            .filter(r -> within(r.timestamp(), from, until))
                            .count();
            default ->
                    scenario.statusUpdates().stream()
                            .filter(u -> within(u.timestamp(), from, until))
                            .count();
        };
    }

    private static boolean within(Instant t, Instant from, Instant until) {
        return !t.isBefore(from) && t.isBefore(until);
    }

    private static void produce(Scenario scenario, Instant from, Instant until) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ProbeResult probe : scenario.probes()) {
                if (within(probe.timestamp(), from, until)) {
                    send(producer, Topics.PROBE_RESULTS, ProbeResultSerde.INSTANCE.toBytes(probe));
                }
            }
            for (String garbage : GARBAGE) {
                send(producer, Topics.PROBE_RESULTS, garbage.getBytes(StandardCharsets.UTF_8));
            }
            for (SocialReport report : scenario.reports()) {
                if (within(report.timestamp(), from, until)) {
                    send(
                            producer,
                            Topics.SOCIAL_REPORTS,
                            SocialReportSerde.INSTANCE.toBytes(report));
                }
            }
            for (StatusUpdate update : scenario.statusUpdates()) {
                if (within(update.timestamp(), from, until)) {
                    send(
                            producer,
                            Topics.STATUS_UPDATES,
                            StatusUpdateSerde.INSTANCE.toBytes(update));
                }
            }
            producer.flush();
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, byte[] value) {
        producer.send(new ProducerRecord<>(topic, value));
    }

    private Path writeCatalog() throws IOException {
        Path catalog = work.resolve("catalog.json");
        try (InputStream in = Scenarios.class.getResourceAsStream(Scenarios.CATALOG_RESOURCE)) {
            Files.write(catalog, in.readAllBytes());
        }
        return catalog;
    }
}
