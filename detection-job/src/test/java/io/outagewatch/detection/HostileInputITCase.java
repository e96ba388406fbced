package io.outagewatch.detection;

import static io.outagewatch.detection.PrometheusMetrics.JOB_METRIC;
import static io.outagewatch.detection.PrometheusMetrics.find;
import static io.outagewatch.detection.PrometheusMetrics.label;
import static io.outagewatch.detection.PrometheusMetrics.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outagewatch.detection.PrometheusMetrics.Sample;
import io.outagewatch.detection.kafka.WriteTimeBound;
import io.outagewatch.detection.replay.ScenarioInput;
import io.outagewatch.detection.replay.ScenarioReplay;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.DeadLetterSerde;
import io.outagewatch.events.EventSerde;
import io.outagewatch.events.HostileRecords;
import io.outagewatch.events.HostileRecords.HostileRecord;
import io.outagewatch.events.HostileRecords.Input;
import io.outagewatch.events.InvalidReason;
import io.outagewatch.events.Parsed;
import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.SocialReport;
import io.outagewatch.events.StatusUpdate;
import io.outagewatch.events.Topics;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import io.outagewatch.scenario.Scenario;
import io.outagewatch.scenario.Scenarios;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live job on a MiniCluster, with no restarts allowed, fed over a hundred thousand hostile
 * records from {@link HostileRecords} (a million with {@code -Doutagewatch.long=true}) on all three
 * input topics, mixed with the valid records of a scenario, plus tombstones, unkeyed records and
 * records near the broker's size limit, plus valid records dated hours to decades after they are
 * written. Read with read_committed: every invalid record has exactly one dead letter, found by its
 * topic-partition-offset, with the reason code its mutation called for and its own raw bytes; no
 * valid record is dead-lettered; the alerts equal those of a replay of the valid records alone;
 * {@code recordsIn} counts every record; and the job is still running, never restarted. Heap use of
 * this JVM is sampled throughout and printed.
 */
class HostileInputITCase {

    private static final Duration DEADLINE = Duration.ofMinutes(4);
    private static final Duration LONG_DEADLINE = Duration.ofMinutes(30);
    private static final Duration SETTLE = Duration.ofSeconds(3);
    private static final Duration HEAP_SAMPLE_EVERY = Duration.ofMillis(250);
    private static final long SEED = 8_2026L;
    private static final Instant OUTAGE_START = Instant.parse("2024-02-21T03:10:00Z");
    private static final Duration HISTORY = Duration.ofHours(4);

    /** Hostile records per input topic; ten times as many in the long run. */
    private static final Map<Input, Integer> HOSTILE =
            Map.of(
                    Input.PROBE_RESULTS, 50_000,
                    Input.SOCIAL_REPORTS, 30_000,
                    Input.STATUS_UPDATES, 20_000);

    private static final int LONG_FACTOR = 10;

    /** The broker's default message.max.bytes is 1048588: a value this big still fits. */
    private static final int NEAR_LIMIT_BYTES = 1_000_000;

    private static final int FIVE_MEGABYTES = 5 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A dead letter's time has no bearing on its raw text. */
    private static final Instant ANY_TIME = OUTAGE_START;

    /** A dead letter's raw text is only compared by these, to keep a million of them small. */
    private record ExpectedDeadLetter(String code, int rawHash, int rawLength, String what) {}

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
        // One partition per input keeps each topic in event-time order, so no valid record is
        // late; lateness has its own tests.
        kafka.createTopics(1, Topics.PROBE_RESULTS, Topics.SOCIAL_REPORTS, Topics.STATUS_UPDATES);
        kafka.createTopics(
                2,
                Topics.OUTAGE_ALERTS,
                Topics.DEAD_LETTERS,
                Topics.VANTAGE_HEALTH,
                Topics.SERVICE_SIGNALS);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    private static boolean longRun() {
        return Boolean.getBoolean("outagewatch.long");
    }

    @Test
    void everyInvalidRecordIsDeadLetteredOnceAndTheValidOnesGiveTheUndisturbedAlerts()
            throws Exception {
        Instant replayStarted = Instant.now();
        Scenario scenario = slice(Scenarios.named("night-outage"));
        List<Alert> expectedAlerts =
                ScenarioReplay.run(scenario, work.resolve("replay"), ScenarioInput.Roughness.NONE)
                        .alerts();
        System.out.printf(
                Locale.ROOT,
                "replay of the valid records alone: %d alerts in %d s%n",
                expectedAlerts.size(),
                Duration.between(replayStarted, Instant.now()).toSeconds());
        assertThat(expectedAlerts).isNotEmpty();

        Map<String, ExpectedDeadLetter> expected = new ConcurrentHashMap<>();
        Map<String, Long> sent = new TreeMap<>();
        Instant produceStarted = Instant.now();
        produce(scenario, expected, sent);
        System.out.printf(
                Locale.ROOT,
                "produced in %d s: %s; %d invalid, so as many dead letters expected%n",
                Duration.between(produceStarted, Instant.now()).toSeconds(),
                sent,
                expected.size());
        long total = sent.values().stream().mapToLong(Long::longValue).sum();
        long validCount = total - expected.size();
        assertThat(total - validCount).isGreaterThanOrEqualTo(100_000);

        HeapSampler heap = new HeapSampler();
        Configuration config = new Configuration();
        config.set(DetectionOptions.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        config.set(DetectionOptions.CATALOG, work.resolve("replay/catalog.json").toString());
        config.set(DetectionOptions.CHECKPOINT_INTERVAL, Duration.ofSeconds(1));
        config.set(DetectionOptions.IDLENESS, Duration.ofSeconds(2));
        config.set(DetectionOptions.KAFKA_TRANSACTIONAL_ID_PREFIX, "hostile-" + UUID.randomUUID());
        Configuration jobConfig = new Configuration();
        // Any task failure fails the job instead of being papered over by a restart.
        jobConfig.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(jobConfig);
        env.setParallelism(2);
        DetectionJob.build(env, config);
        Instant jobStarted = Instant.now();
        heap.start();
        JobClient job = env.executeAsync("hostile-input-it");
        try {
            Map<String, Long> lettersByCode =
                    checkDeadLetters(expected, longRun() ? LONG_DEADLINE : DEADLINE);
            List<Alert> alerts = readAlerts(expectedAlerts.size(), DEADLINE, "read_committed");
            Duration took = Duration.between(jobStarted, Instant.now());
            List<Sample> metrics = PROMETHEUS.scrape();
            heap.stop();

            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            assertThat(find(metrics, "flink_jobmanager_job_numRestarts", null, null))
                    .isNotEmpty()
                    .allSatisfy(restarts -> assertThat(restarts.value()).isZero());
            assertThat(alerts)
                    .as(
                            () ->
                                    "alerts read with read_committed; with read_uncommitted: "
                                            + readAlerts(
                                                    expectedAlerts.size(),
                                                    SETTLE,
                                                    "read_uncommitted"))
                    .containsExactlyInAnyOrderElementsOf(expectedAlerts);

            for (Input input : Input.values()) {
                assertThat(
                                sum(
                                        metrics,
                                        JOB_METRIC + "topic_recordsIn",
                                        "topic",
                                        label(input.topic())))
                        .as("recordsIn of %s", input.topic())
                        .isEqualTo((double) sent.get(input.topic()));
                assertThat(
                                sum(
                                        metrics,
                                        JOB_METRIC + "topic_lateRecords",
                                        "topic",
                                        label(input.topic())))
                        .as("late records of %s", input.topic())
                        .isZero();
            }
            assertThat(sum(metrics, JOB_METRIC + "reason_deadLetters", null, null))
                    .isEqualTo((double) expected.size());

            System.out.printf(
                    Locale.ROOT,
                    "%d records (%d valid, %d invalid) through the job in %d s, %d alerts;"
                            + " dead letters by reason: %s%n",
                    total,
                    validCount,
                    expected.size(),
                    took.toSeconds(),
                    alerts.size(),
                    lettersByCode);
            heap.print();
        } finally {
            heap.stop();
            job.cancel().get();
        }
    }

    /**
     * What the producer and the broker do with a 5 MB value: the producer refuses it with its
     * default {@code max.request.size} of 1 MB, and with that raised the broker refuses it; either
     * way nothing reaches the topic, so the job never sees it.
     */
    @Test
    void aFiveMegabyteRecordIsRefusedByTheProducerAndByTheBroker() throws Exception {
        byte[] value = new byte[FIVE_MEGABYTES];
        Arrays.fill(value, (byte) 'x');
        TopicPartition partition = new TopicPartition(Topics.STATUS_UPDATES, 0);
        long endBefore = endOffset(partition);

        Map<String, Object> defaults = new HashMap<>(kafka.clientProperties());
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(
                        defaults, new ByteArraySerializer(), new ByteArraySerializer())) {
            assertThatThrownBy(
                            () ->
                                    producer.send(
                                                    new ProducerRecord<>(
                                                            Topics.STATUS_UPDATES, value))
                                            .get(1, TimeUnit.MINUTES))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(RecordTooLargeException.class)
                    .hasMessageContaining("max.request.size");
        }

        Map<String, Object> raised = new HashMap<>(kafka.clientProperties());
        raised.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * FIVE_MEGABYTES);
        raised.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 4L * FIVE_MEGABYTES);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(raised, new ByteArraySerializer(), new ByteArraySerializer())) {
            assertThatThrownBy(
                            () ->
                                    producer.send(
                                                    new ProducerRecord<>(
                                                            Topics.STATUS_UPDATES, value))
                                            .get(1, TimeUnit.MINUTES))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(RecordTooLargeException.class)
                    .cause()
                    .satisfies(e -> System.out.println("the broker answered: " + e.getMessage()));
        }
        assertThat(endOffset(partition)).isEqualTo(endBefore);
    }

    /** The scenario from {@link #HISTORY} before its outage on: enough history for baselines. */
    private static Scenario slice(Scenario full) {
        Instant from = OUTAGE_START.minus(HISTORY);
        return new Scenario(
                full.frame(),
                full.seed(),
                full.probes().stream().filter(p -> !p.timestamp().isBefore(from)).toList(),
                full.reports().stream().filter(r -> !r.timestamp().isBefore(from)).toList(),
                full.statusUpdates().stream().filter(u -> !u.timestamp().isBefore(from)).toList(),
                full.expected());
    }

    /**
     * Each input topic gets the scenario's records in order (as written by the serde or validly
     * re-encoded) with hostile ones spread between them, plus one record near the broker's size
     * limit; probes and status updates are keyed by service, hostile ones by anything or nothing.
     */
    private static void produce(
            Scenario scenario, Map<String, ExpectedDeadLetter> expected, Map<String, Long> sent)
            throws Exception {
        HostileRecords generator = new HostileRecords(SEED);
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * NEAR_LIMIT_BYTES);
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            Sender sender = new Sender(producer, expected, sent, failure);
            mix(
                    generator,
                    sender,
                    Input.PROBE_RESULTS,
                    scenario.probes(),
                    p -> ((ProbeResult) p).service());
            mix(
                    generator,
                    sender,
                    Input.SOCIAL_REPORTS,
                    scenario.reports(),
                    r -> ((SocialReport) r).service());
            mix(
                    generator,
                    sender,
                    Input.STATUS_UPDATES,
                    scenario.statusUpdates(),
                    u -> ((StatusUpdate) u).service());
            producer.flush();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static void mix(
            HostileRecords generator,
            Sender sender,
            Input input,
            List<?> valid,
            Function<Object, String> key) {
        int hostile = HOSTILE.get(input) * (longRun() ? LONG_FACTOR : 1);
        // Without valid records of its own, a topic's hostile records each mutate a fresh one.
        double perValid = valid.isEmpty() ? 1 : (double) hostile / valid.size();
        double owed = 0;
        int sentHostile = 0;
        int index = 0;
        while (sentHostile < hostile || index < valid.size()) {
            Object base = index < valid.size() ? valid.get(index) : null;
            Object mutationBase = base != null ? base : generator.randomValid(input);
            if (index == valid.size() / 10) {
                // Early in the topic, where a watermark moved to their dates would make every
                // later valid record late.
                sendDatedAhead(sender, input, mutationBase);
            }
            owed += perValid;
            while (owed >= 1 && sentHostile < hostile) {
                owed--;
                HostileRecord record = generator.invalid(input, mutationBase);
                String code = verdict(record);
                if (code == null || tooLargeForTheBroker(record)) {
                    continue;
                }
                String recordKey = sentHostile % 7 == 0 ? null : "hostile-" + (sentHostile % 13);
                sender.send(input, recordKey, record.value(), code, record.what());
                sentHostile++;
            }
            if (base != null) {
                sender.send(
                        input,
                        key.apply(base),
                        generator.valid(input, base).value(),
                        null,
                        "valid");
            }
            index++;
        }
        sender.send(
                input, null, nearLimit(), InvalidReason.TOO_LARGE, "value near the broker limit");
    }

    /**
     * Valid records dated two hours, a day and 75 years after they are written: further ahead of
     * their Kafka timestamp than the job's bound (1 h), so each is dead-lettered as {@link
     * WriteTimeBound#REASON} instead of moving its partition's watermark.
     */
    private static void sendDatedAhead(Sender sender, Input input, Object base) {
        Instant now = Instant.now();
        for (Instant ahead :
                List.of(
                        now.plus(Duration.ofHours(2)),
                        now.plus(Duration.ofDays(1)),
                        Instant.parse("2099-12-31T23:59:00Z"))) {
            byte[] value = withTimestamp(input, base, ahead);
            assertThat(input.serde().parse(value).isOk()).as("dated ahead, still valid").isTrue();
            sender.send(input, null, value, WriteTimeBound.REASON, "valid, dated " + ahead);
        }
    }

    @SuppressWarnings("unchecked")
    private static byte[] canonical(Input input, Object value) {
        return ((EventSerde<Object>) input.serde()).toBytes(value);
    }

    private static byte[] withTimestamp(Input input, Object base, Instant timestamp) {
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(canonical(input, base));
            json.put("timestamp", timestamp.toString());
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The expected reason code; for byte noise, whose verdict is not known in advance, what the
     * serde says, and null (not sent) when the noise happens to be a valid record that would change
     * the scenario.
     */
    private static String verdict(HostileRecord record) {
        if (record.category().verdictKnown()) {
            return record.expectedCode();
        }
        Parsed<?> parsed = record.input().serde().parse(record.value());
        return parsed instanceof Parsed.Invalid<?> invalid ? invalid.code() : null;
    }

    /**
     * The generator's multi-megabyte records cannot reach the topic at all (see {@link
     * #aFiveMegabyteRecordIsRefusedByTheProducerAndByTheBroker}).
     */
    private static boolean tooLargeForTheBroker(HostileRecord record) {
        return record.value() != null && record.value().length > NEAR_LIMIT_BYTES;
    }

    private static byte[] nearLimit() {
        String prefix = "{\"service\":\"";
        String suffix = "\"}";
        return (prefix + "x".repeat(NEAR_LIMIT_BYTES - prefix.length() - suffix.length()) + suffix)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Sends records and notes, per origin, the dead letter each invalid one must get. */
    private record Sender(
            KafkaProducer<byte[], byte[]> producer,
            Map<String, ExpectedDeadLetter> expected,
            Map<String, Long> sent,
            AtomicReference<Exception> failure) {

        void send(Input input, String key, byte[] value, String code, String what) {
            sent.merge(input.topic(), 1L, Long::sum);
            ExpectedDeadLetter letter = code == null ? null : expectedLetter(value, code, what);
            producer.send(
                    new ProducerRecord<>(
                            input.topic(),
                            key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                            value),
                    (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        } else if (letter != null) {
                            expected.put(
                                    metadata.topic()
                                            + "-"
                                            + metadata.partition()
                                            + "-"
                                            + metadata.offset(),
                                    letter);
                        }
                    });
        }

        /** The raw text the job's dead letter must carry: the value as text, cut to size. */
        private static ExpectedDeadLetter expectedLetter(byte[] value, String code, String what) {
            String text = value == null ? "" : new String(value, StandardCharsets.UTF_8);
            String raw = DeadLetter.of("origin", text, "reason", ANY_TIME).raw();
            return new ExpectedDeadLetter(code, raw.hashCode(), raw.length(), what);
        }
    }

    /**
     * Reads the dead letters with read_committed until there is one per expected origin (and a
     * little longer, to catch duplicates), checking each as it comes: its origin was an invalid
     * record, its reason starts with that record's code and says more, and its raw text is the
     * record's own. Returns the count per reason code.
     */
    private static Map<String, Long> checkDeadLetters(
            Map<String, ExpectedDeadLetter> expected, Duration timeout) {
        Map<String, Integer> perOrigin = new HashMap<>();
        Map<String, Long> perCode = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                reader(Topics.DEAD_LETTERS, "read_committed")) {
            Instant deadline = Instant.now().plus(timeout);
            Instant settled = null;
            while (settled == null || Instant.now().isBefore(settled)) {
                for (ConsumerRecord<byte[], byte[]> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    DeadLetter letter = DeadLetterSerde.INSTANCE.parse(record.value()).value();
                    ExpectedDeadLetter wanted = expected.get(letter.origin());
                    assertThat(wanted)
                            .as(
                                    "dead letter for %s, which was valid: %s",
                                    letter.origin(), letter.reason())
                            .isNotNull();
                    assertThat(letter.reason())
                            .as("%s (%s)", letter.origin(), wanted.what())
                            .startsWith(wanted.code() + ": ")
                            .hasSizeGreaterThan(wanted.code().length() + 2);
                    assertThat(letter.raw().length())
                            .as(letter.origin())
                            .isEqualTo(wanted.rawLength());
                    assertThat(letter.raw().hashCode())
                            .as(letter.origin())
                            .isEqualTo(wanted.rawHash());
                    assertThat(perOrigin.merge(letter.origin(), 1, Integer::sum))
                            .as("dead letters for %s", letter.origin())
                            .isOne();
                    perCode.merge(wanted.code(), 1L, Long::sum);
                }
                if (settled == null && perOrigin.size() == expected.size()) {
                    // Anything more would be a duplicate: read a little longer.
                    settled = Instant.now().plus(SETTLE);
                }
                assertThat(settled != null || Instant.now().isBefore(deadline))
                        .as(
                                "%d of %d dead letters within %s",
                                perOrigin.size(), expected.size(), timeout)
                        .isTrue();
            }
        }
        assertThat(perOrigin.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        return perCode;
    }

    private static List<Alert> readAlerts(int count, Duration timeout, String isolation) {
        List<Alert> alerts = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = reader(Topics.OUTAGE_ALERTS, isolation)) {
            Instant deadline = Instant.now().plus(timeout);
            while (alerts.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    alerts.add(AlertSerde.INSTANCE.parse(record.value()).value());
                }
            }
            Instant settle = Instant.now().plus(SETTLE);
            while (Instant.now().isBefore(settle)) {
                for (ConsumerRecord<byte[], byte[]> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    alerts.add(AlertSerde.INSTANCE.parse(record.value()).value());
                }
            }
        }
        return alerts;
    }

    private static KafkaConsumer<byte[], byte[]> reader(String topic, String isolation) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "hostile-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static long endOffset(TopicPartition partition) {
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        kafka.clientProperties(),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            return consumer.endOffsets(List.of(partition)).get(partition);
        }
    }

    /**
     * Heap of this JVM (broker, cluster and test alike), sampled from a daemon thread: in use, and
     * the old generation's occupancy after its latest collection, which is what would grow if the
     * job kept something per record.
     */
    private static final class HeapSampler {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final List<MemoryPoolMXBean> oldGen =
                ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(pool -> pool.getType() == MemoryType.HEAP)
                        .filter(pool -> pool.getName().contains("Old Gen"))
                        .toList();
        private final List<long[]> samples = Collections.synchronizedList(new ArrayList<>());
        private final ScheduledExecutorService sampler =
                Executors.newSingleThreadScheduledExecutor(
                        task -> {
                            Thread thread = new Thread(task, "heap-sampler");
                            thread.setDaemon(true);
                            return thread;
                        });

        void start() {
            sampler.scheduleAtFixedRate(
                    () -> samples.add(new long[] {heapUsed(), oldGenAfterCollection()}),
                    0,
                    HEAP_SAMPLE_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
        }

        private long heapUsed() {
            return memory.getHeapMemoryUsage().getUsed();
        }

        private long oldGenAfterCollection() {
            return oldGen.stream()
                    .map(MemoryPoolMXBean::getCollectionUsage)
                    .filter(usage -> usage != null)
                    .mapToLong(MemoryUsage::getUsed)
                    .sum();
        }

        void stop() throws InterruptedException {
            sampler.shutdownNow();
            sampler.awaitTermination(HEAP_SAMPLE_EVERY.toMillis() * 4, TimeUnit.MILLISECONDS);
        }

        void print() {
            List<long[]> copy;
            synchronized (samples) {
                copy = new ArrayList<>(samples);
            }
            int half = copy.size() / 2;
            System.out.printf(
                    Locale.ROOT,
                    "heap (MiB), %d samples every %d ms, first half / second half of the run:"
                            + " max in use %d / %d, max old generation after collection %d / %d;"
                            + " max heap %d%n",
                    copy.size(),
                    HEAP_SAMPLE_EVERY.toMillis(),
                    max(copy.subList(0, half), 0) >> 20,
                    max(copy.subList(half, copy.size()), 0) >> 20,
                    max(copy.subList(0, half), 1) >> 20,
                    max(copy.subList(half, copy.size()), 1) >> 20,
                    memory.getHeapMemoryUsage().getMax() >> 20);
        }

        private static long max(List<long[]> samples, int column) {
            return samples.stream().mapToLong(s -> s[column]).max().orElse(0);
        }
    }
}
