package io.outagewatch.detection;

import io.outagewatch.detection.replay.ScenarioInput;
import io.outagewatch.detection.replay.ScenarioReplay;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.DeadLetterSerde;
import io.outagewatch.events.Parsed;
import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.events.SocialReportSerde;
import io.outagewatch.events.StatusUpdateSerde;
import io.outagewatch.events.Topics;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import io.outagewatch.scenario.Scenario;
import io.outagewatch.scenario.Scenarios;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What the live-job ITCases share: a scenario as Kafka records, the live job's configuration, the
 * replay's alerts to compare with, and read_committed reads of the job's output.
 */
final class LiveJobSupport {

    /**
     * After the expected number of alerts arrived, how long to keep reading: longer than a few
     * checkpoint intervals, so a duplicate committed by a later checkpoint would be seen.
     */
    static final Duration SETTLE = Duration.ofSeconds(5);

    /** How long one produce request may take to be answered; a record may take twice as long. */
    private static final Duration PRODUCE_TIMEOUT = Duration.ofMinutes(3);

    private LiveJobSupport() {}

    /** One input record of a scenario, not yet given a partition. */
    record Input(String topic, String key, byte[] value, Instant eventTime) {
        ProducerRecord<byte[], byte[]> toRecord(Integer partition) {
            return new ProducerRecord<>(
                    topic,
                    partition,
                    key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                    value);
        }
    }

    /** Hours cut from the start of {@link #SHORT_SCENARIO} by {@link #shortScenario()}. */
    private static final Duration SHORT_SCENARIO_SKIPS = Duration.ofHours(16);

    private static final String SHORT_SCENARIO = "night-outage";

    /**
     * The night-outage scenario from 16:00 of its first day: half its records, yet still eleven
     * hours for the baselines to learn before Discord goes down at 03:10, so it keeps the alerts of
     * the whole scenario at a fraction of the run time.
     */
    static Scenario shortScenario() {
        return withoutItsFirst(Scenarios.named(SHORT_SCENARIO), SHORT_SCENARIO_SKIPS);
    }

    /** The scenario without the records of its first {@code skipped} hours. */
    static Scenario withoutItsFirst(Scenario whole, Duration skipped) {
        Instant from = whole.frame().from().plus(skipped);
        return new Scenario(
                whole.frame(),
                whole.seed(),
                whole.probes().stream().filter(p -> !p.timestamp().isBefore(from)).toList(),
                whole.reports().stream().filter(r -> !r.timestamp().isBefore(from)).toList(),
                whole.statusUpdates().stream().filter(u -> !u.timestamp().isBefore(from)).toList(),
                whole.expected());
    }

    /** The scenario's probes, reports and status updates, each list in time order. */
    static List<Input> probes(Scenario scenario) {
        return scenario.probes().stream()
                .map(
                        p ->
                                new Input(
                                        Topics.PROBE_RESULTS,
                                        p.service(),
                                        ProbeResultSerde.INSTANCE.toBytes(p),
                                        p.timestamp()))
                .toList();
    }

    static List<Input> reports(Scenario scenario) {
        return scenario.reports().stream()
                .map(
                        r ->
                                new Input(
                                        Topics.SOCIAL_REPORTS,
                                        null,
                                        SocialReportSerde.INSTANCE.toBytes(r),
                                        r.timestamp()))
                .toList();
    }

    static List<Input> statusUpdates(Scenario scenario) {
        return scenario.statusUpdates().stream()
                .map(
                        u ->
                                new Input(
                                        Topics.STATUS_UPDATES,
                                        u.service(),
                                        StatusUpdateSerde.INSTANCE.toBytes(u),
                                        u.timestamp()))
                .toList();
    }

    /** Every input of the scenario, topic after topic. */
    static List<Input> allInputs(Scenario scenario) {
        List<Input> all = new ArrayList<>(probes(scenario));
        all.addAll(reports(scenario));
        all.addAll(statusUpdates(scenario));
        return all;
    }

    /**
     * Produces the records one request at a time and waits until the broker has acknowledged every
     * one.
     *
     * @throws AssertionError if any record was not written, since the run would then compare the
     *     job's output for other input than the replay's
     */
    static void produceRecords(
            EmbeddedKafkaBroker kafka, List<ProducerRecord<byte[], byte[]>> records)
            throws Exception {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        // Fed tens of thousands of records for one partition, the idempotent producer had the
        // in-JVM broker reject a resent first batch as out of order (OutOfOrderSequenceException)
        // until the delivery timeout; one request in flight keeps the order without sequence
        // numbers, and the long timeout keeps a slow answer on a loaded machine from being resent.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PRODUCE_TIMEOUT.toMillis());
        props.put(
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int) PRODUCE_TIMEOUT.multipliedBy(2).toMillis());
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<byte[], byte[]> record : records) {
                sent.add(producer.send(record));
            }
            producer.flush();
        }
        for (Future<RecordMetadata> written : sent) {
            written.get();
        }
    }

    /** Produces the inputs with the partitioner's choice (by key when it gives none). */
    static void produce(EmbeddedKafkaBroker kafka, List<Input> inputs) throws Exception {
        produceRecords(kafka, inputs.stream().map(input -> input.toRecord(null)).toList());
    }

    /** The alerts the deterministic replay of the scenario gives; writes the catalog to dir. */
    static List<Alert> replayAlerts(Scenario scenario, Path dir) throws Exception {
        return ScenarioReplay.run(scenario, dir, ScenarioInput.Roughness.NONE).alerts();
    }

    /**
     * The live job's settings for a test: this broker, the catalog the replay wrote, a unique
     * transactional id prefix, and the given checkpoint interval and idleness.
     */
    static Configuration liveConfig(
            EmbeddedKafkaBroker kafka, Path replayDir, Duration checkpoints, Duration idleness) {
        Configuration config = new Configuration();
        config.set(DetectionOptions.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        config.set(DetectionOptions.CATALOG, replayDir.resolve("catalog.json").toString());
        config.set(DetectionOptions.CHECKPOINT_INTERVAL, checkpoints);
        config.set(DetectionOptions.IDLENESS, idleness);
        config.set(DetectionOptions.KAFKA_TRANSACTIONAL_ID_PREFIX, "it-" + UUID.randomUUID());
        return config;
    }

    /**
     * Reads alerts with read_committed until {@code expected} arrived or the deadline passed, then
     * {@link #SETTLE} longer, and returns all of them, duplicates included.
     */
    static List<Alert> readAlerts(EmbeddedKafkaBroker kafka, int expected, Duration deadline) {
        return read(kafka, Topics.OUTAGE_ALERTS, expected, deadline, AlertSerde.INSTANCE::parse);
    }

    /** Every committed dead letter so far, read for {@link #SETTLE}. */
    static List<DeadLetter> readDeadLetters(EmbeddedKafkaBroker kafka) {
        return read(kafka, Topics.DEAD_LETTERS, 0, Duration.ZERO, DeadLetterSerde.INSTANCE::parse);
    }

    private static <T> List<T> read(
            EmbeddedKafkaBroker kafka,
            String topic,
            int atLeast,
            Duration deadline,
            Function<byte[], Parsed<T>> parse) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<T> values = new ArrayList<>();
        Instant giveUp = Instant.now().plus(deadline);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            while (values.size() < atLeast && Instant.now().isBefore(giveUp)) {
                poll(consumer, parse, values);
            }
            Instant settled = Instant.now().plus(SETTLE);
            while (Instant.now().isBefore(settled)) {
                poll(consumer, parse, values);
            }
        }
        return values;
    }

    private static <T> void poll(
            KafkaConsumer<byte[], byte[]> consumer,
            Function<byte[], Parsed<T>> parse,
            List<T> values) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            values.add(parse.apply(record.value()).value());
        }
    }
}
