package io.outagewatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.DeadLetterSerde;
import io.outagewatch.events.EventSerde;
import io.outagewatch.events.Evidence;
import io.outagewatch.events.Parsed;
import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.events.Severity;
import io.outagewatch.events.SocialReport;
import io.outagewatch.events.SocialReportSerde;
import io.outagewatch.events.StatusUpdate;
import io.outagewatch.events.StatusUpdateSerde;
import io.outagewatch.events.Topics;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Exit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedKafkaBrokerITCase {

    private static final int PARTITIONS = 2;
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2023-11-08T13:42:00.125Z");

    private static EmbeddedKafkaBroker broker;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        long started = System.nanoTime();
        broker = EmbeddedKafkaBroker.startDefault();
        System.out.printf(
                "embedded Kafka broker ready in %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        broker.createOutageWatchTopics(PARTITIONS);
        admin = broker.admin();
    }

    @AfterAll
    static void stopBroker() {
        if (admin != null) {
            admin.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.port());
        Collection<Node> nodes = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
        assertThat(nodes).extracting(Node::host).containsExactly("127.0.0.1");

        Optional<InetAddress> external = nonLoopbackIpv4();
        if (external.isPresent()) {
            assertThat(canConnect(external.get(), broker.port()))
                    .as("broker port reachable on %s", external.get())
                    .isFalse();
        }
    }

    @Test
    void createsEveryOutageWatchTopicAndToleratesExistingOnes() throws Exception {
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).containsAll(Topics.ALL);
        Map<String, TopicDescription> described =
                admin.describeTopics(Topics.ALL).allTopicNames().get(30, TimeUnit.SECONDS);
        assertThat(described.values())
                .allSatisfy(topic -> assertThat(topic.partitions()).hasSize(PARTITIONS));

        broker.createOutageWatchTopics(PARTITIONS + 1);

        assertThat(admin.describeTopics(Topics.ALL).allTopicNames().get(30, TimeUnit.SECONDS))
                .allSatisfy((name, topic) -> assertThat(topic.partitions()).hasSize(PARTITIONS));
    }

    @Test
    void refusesToAutoCreateTopics() throws Exception {
        String missing = "no-such-topic-" + UUID.randomUUID();
        Map<String, Object> props = producerProperties();
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            assertThatThrownBy(
                            () ->
                                    producer.send(new ProducerRecord<>(missing, new byte[1]))
                                            .get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        }
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain(missing);
    }

    @Test
    void probeResultsRoundTripKeyedByService() throws Exception {
        roundTrip(
                Topics.PROBE_RESULTS,
                ProbeResultSerde.INSTANCE,
                ProbeResult::service,
                List.of(
                        new ProbeResult(
                                "chatgpt",
                                "eu-west-1",
                                null,
                                "https://chatgpt.com/",
                                T0,
                                false,
                                null,
                                null,
                                "connect timed out"),
                        new ProbeResult(
                                "chatgpt",
                                "us-east-1",
                                "us",
                                "https://chatgpt.com/",
                                T0.plusMillis(250),
                                false,
                                812.5,
                                502,
                                "HTTP 502"),
                        new ProbeResult(
                                "github",
                                "eu-west-1",
                                null,
                                "https://github.com/",
                                T0.plusSeconds(1),
                                true,
                                41.0,
                                200,
                                null)));
    }

    @Test
    void socialReportsRoundTripKeyedByService() throws Exception {
        roundTrip(
                Topics.SOCIAL_REPORTS,
                SocialReportSerde.INSTANCE,
                SocialReport::service,
                List.of(
                        new SocialReport(
                                T0,
                                "is chatgpt down? getting \"something went wrong\" 😩",
                                "bluesky",
                                "did:plc:abc123",
                                "en",
                                "chatgpt",
                                null),
                        new SocialReport(
                                T0.plusSeconds(5),
                                "ChatGPT ne répond plus",
                                "mastodon",
                                "user@example.social",
                                "fr",
                                "chatgpt",
                                "eu"),
                        new SocialReport(
                                T0.plusSeconds(9),
                                "slack won't load",
                                "webhook",
                                null,
                                null,
                                "slack",
                                null)));
    }

    @Test
    void statusUpdatesRoundTripKeyedByService() throws Exception {
        roundTrip(
                Topics.STATUS_UPDATES,
                StatusUpdateSerde.INSTANCE,
                StatusUpdate::service,
                List.of(
                        officialStatus(StatusUpdate.Status.INVESTIGATING, T0.plusSeconds(600)),
                        officialStatus(StatusUpdate.Status.RESOLVED, T0.plusSeconds(5400)),
                        new StatusUpdate(
                                "github",
                                T0,
                                "gh-42",
                                StatusUpdate.Status.MONITORING,
                                StatusUpdate.Impact.NONE,
                                null,
                                null)));
    }

    @Test
    void alertsRoundTripKeyedByService() throws Exception {
        Evidence evidence =
                new Evidence(
                        0.83,
                        0.01,
                        List.of("eu-west-1", "us-east-1"),
                        List.of("ap-south-1"),
                        42.5,
                        1.5,
                        7.25);
        Alert started =
                new Alert(
                        "chatgpt-20231108-1342",
                        AlertType.OUTAGE_STARTED,
                        "chatgpt",
                        Severity.MAJOR,
                        List.of(),
                        T0,
                        T0.plusSeconds(90),
                        null,
                        null,
                        3600L,
                        1800L,
                        7200L,
                        evidence,
                        null,
                        null,
                        1);
        Alert recovered =
                new Alert(
                        "chatgpt-20231108-1342",
                        AlertType.OUTAGE_RECOVERED,
                        "chatgpt",
                        Severity.PARTIAL,
                        List.of("eu", "us"),
                        T0,
                        T0.plusSeconds(90),
                        T0.plusSeconds(5000),
                        5000L,
                        null,
                        null,
                        null,
                        new Evidence(null, null, List.of(), List.of(), 0.5, 1.5, 0.0),
                        officialStatus(StatusUpdate.Status.RESOLVED, T0.plusSeconds(5400)),
                        510L,
                        3);
        roundTrip(
                Topics.OUTAGE_ALERTS,
                AlertSerde.INSTANCE,
                Alert::service,
                List.of(started, recovered));
    }

    @Test
    void deadLettersRoundTripUnkeyed() throws Exception {
        roundTrip(
                Topics.DEAD_LETTERS,
                DeadLetterSerde.INSTANCE,
                deadLetter -> null,
                List.of(
                        DeadLetter.of(
                                "probe-results-0-17",
                                "{\"service\":",
                                "MALFORMED_JSON: unexpected end of input",
                                T0),
                        DeadLetter.of(
                                "reports.jsonl:3", "", "MISSING_FIELD: text", T0.plusSeconds(1))));
    }

    /**
     * Once {@code createTopics} returns, every partition's leader takes a record at the first
     * attempt: a producer without retries gets no NOT_LEADER_OR_FOLLOWER (the metadata cache names
     * a leader before the leader is ready, and an idempotent producer whose first batch failed so
     * can retry it forever).
     */
    @Test
    void aCreatedTopicTakesRecordsAtTheFirstAttempt() throws Exception {
        Map<String, Object> props = producerProperties();
        props.put(ProducerConfig.RETRIES_CONFIG, 0);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            for (int round = 0; round < 5; round++) {
                String topic = "fresh-" + round + "-" + UUID.randomUUID();
                broker.createTopics(4, topic);
                for (int partition = 0; partition < 4; partition++) {
                    producer.send(
                                    new ProducerRecord<>(
                                            topic,
                                            partition,
                                            "key",
                                            "value".getBytes(StandardCharsets.UTF_8)))
                            .get(30, TimeUnit.SECONDS);
                }
            }
        }
    }

    /**
     * The broker's log cleaner runs with a small offset map ({@link
     * EmbeddedKafkaBroker#CLEANER_DEDUPE_BUFFER_BYTES}, not Kafka's 128 MB on the heap) and still
     * compacts: consumer offsets and transaction state live in compacted topics.
     */
    @Test
    void compactsWithItsSmallCleanerBuffer() throws Exception {
        String nodeId =
                Integer.toString(admin.describeCluster().nodes().get().iterator().next().id());
        ConfigResource node = new ConfigResource(ConfigResource.Type.BROKER, nodeId);
        Config config = admin.describeConfigs(List.of(node)).all().get().get(node);
        assertThat(config.get("log.cleaner.dedupe.buffer.size").value())
                .isEqualTo(Long.toString(EmbeddedKafkaBroker.CLEANER_DEDUPE_BUFFER_BYTES));

        String topic = "compacted-" + UUID.randomUUID();
        admin.createTopics(
                        List.of(
                                new NewTopic(topic, 1, (short) 1)
                                        .configs(
                                                Map.of(
                                                        "cleanup.policy", "compact",
                                                        "segment.ms", "100",
                                                        "min.cleanable.dirty.ratio", "0.01"))))
                .all()
                .get();
        int keys = 5;
        int rounds = 40;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties())) {
            for (int round = 0; round < rounds; round++) {
                for (int key = 0; key < keys; key++) {
                    producer.send(
                                    new ProducerRecord<>(
                                            topic,
                                            "key-" + key,
                                            ("value-" + round).getBytes(StandardCharsets.UTF_8)))
                            .get();
                }
            }
            Await.until(
                    topic + " compacted to the newest record of key-3",
                    DEADLINE,
                    () -> {
                        // A record after segment.ms rolls the segment holding the older ones,
                        // which only then can be cleaned (the active segment never is).
                        producer.send(
                                        new ProducerRecord<>(
                                                topic,
                                                "key-0",
                                                "latest".getBytes(StandardCharsets.UTF_8)))
                                .get();
                        return drain(topic, "read_uncommitted").stream()
                                        .filter(r -> r.key().equals("key-3"))
                                        .count()
                                == 1;
                    });
        }
        assertThat(drain(topic, "read_uncommitted"))
                .filteredOn(r -> r.key().equals("key-3"))
                .extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("value-" + (rounds - 1));
    }

    @Test
    void transactionalProducerCommitsAndAborts() throws Exception {
        String topic = "transactions-" + UUID.randomUUID();
        broker.createTopics(1, topic);
        Map<String, Object> props = producerProperties();
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "itcase-" + UUID.randomUUID());
        // Flink's EXACTLY_ONCE sink uses a timeout like this; it must stay under the broker
        // maximum.
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);
        assertThat(60_000L).isLessThan(EmbeddedKafkaBroker.TRANSACTION_MAX_TIMEOUT_MS);

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            producer.initTransactions();
            sendInTransaction(producer, topic, "committed-1", "committed-2");
            producer.commitTransaction();

            sendInTransaction(producer, topic, "aborted-1", "aborted-2");
            producer.abortTransaction();

            sendInTransaction(producer, topic, "committed-3");
            producer.commitTransaction();
        }

        assertThat(drain(topic, "read_committed"))
                .extracting(ConsumerRecord::key)
                .containsExactly("committed-1", "committed-2", "committed-3");
        // The aborted records really are in the log; only the isolation level hides them.
        assertThat(drain(topic, "read_uncommitted"))
                .extracting(ConsumerRecord::key)
                .containsExactly(
                        "committed-1", "committed-2", "aborted-1", "aborted-2", "committed-3");
    }

    @Test
    void closeIsCleanAndIdempotentAndDeletesItsTemporaryDirectory() {
        EmbeddedKafkaBroker other = EmbeddedKafkaBroker.startDefault();
        Path dataDir = other.dataDir();
        assertThat(dataDir).isDirectory();
        assertThat(other.port()).isNotEqualTo(broker.port());

        other.close();
        other.close();

        assertThat(dataDir).doesNotExist();
        assertThatThrownBy(other::bootstrapServers).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(other::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void startingOnATakenPortFailsFast() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            EmbeddedKafkaBroker blocked =
                    EmbeddedKafkaBroker.builder().port(taken.getLocalPort()).build();

            assertThatThrownBy(blocked::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(
                            "127.0.0.1:" + taken.getLocalPort() + " is already in use");
            assertThatThrownBy(blocked::bootstrapServers).isInstanceOf(IllegalStateException.class);
            blocked.close();
        }
    }

    @Test
    void brokerExitCallsThrowInsteadOfEndingTheTestJvm() {
        assertThatThrownBy(() -> Exit.exit(3, "fatal fault"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("status 3");
        assertThatThrownBy(() -> Exit.halt(4, "fatal fault"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("status 4");
    }

    @Test
    void givenDataDirectoryKeepsTopicsAcrossRestarts(@TempDir Path dataDir) throws Exception {
        String topic = "kept-" + UUID.randomUUID();
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.builder().dataDir(dataDir).build()) {
            first.start();
            first.createTopics(1, topic);
        }
        assertThat(dataDir).isDirectory();
        assertThat(Files.list(dataDir)).isNotEmpty();

        try (EmbeddedKafkaBroker second =
                        EmbeddedKafkaBroker.builder().dataDir(dataDir).build().start();
                Admin secondAdmin = second.admin()) {
            assertThat(secondAdmin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(topic);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void stoppedBrokerRestartsAtTheSameAddressWithItsDataAndClientsReconnect() throws Exception {
        String topic = "restart-" + UUID.randomUUID();
        String group = "restart-" + UUID.randomUUID();
        try (EmbeddedKafkaBroker restarting = EmbeddedKafkaBroker.startDefault()) {
            restarting.createTopics(1, topic);
            String bootstrap = restarting.bootstrapServers();
            Path dataDir = restarting.dataDir();
            Map<String, Object> producerProps = restarting.clientProperties();
            producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
            producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            Map<String, Object> consumerProps = restarting.clientProperties();
            consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);

            try (KafkaProducer<String, String> producer =
                            new KafkaProducer<>(
                                    producerProps, new StringSerializer(), new StringSerializer());
                    KafkaConsumer<String, String> consumer =
                            new KafkaConsumer<>(
                                    consumerProps,
                                    new StringDeserializer(),
                                    new StringDeserializer())) {
                producer.send(new ProducerRecord<>(topic, "k", "before")).get(30, TimeUnit.SECONDS);
                consumer.subscribe(List.of(topic));
                assertThat(pollValues(consumer, 1)).containsExactly("before");
                consumer.commitSync(DEADLINE);

                restarting.stop();
                assertThatThrownBy(restarting::bootstrapServers).hasMessageContaining("STOPPED");
                assertThatThrownBy(restarting::stop).hasMessageContaining("STOPPED");

                restarting.restart();
                assertThat(restarting.bootstrapServers()).isEqualTo(bootstrap);
                assertThat(restarting.dataDir()).isEqualTo(dataDir);
                // The clients made before the stop reconnect by themselves.
                producer.send(new ProducerRecord<>(topic, "k", "after")).get(60, TimeUnit.SECONDS);
                assertThat(pollValues(consumer, 1)).containsExactly("after");
            }
            try (KafkaConsumer<String, String> sameGroup =
                    new KafkaConsumer<>(
                            consumerProps, new StringDeserializer(), new StringDeserializer())) {
                // The group's offset, committed before the stop, survived it.
                sameGroup.subscribe(List.of(topic));
                assertThat(pollValues(sameGroup, 1)).containsExactly("after");
            }
            assertThatThrownBy(restarting::restart).hasMessageContaining("RUNNING");
        }
    }

    private static List<String> pollValues(KafkaConsumer<String, String> consumer, int count) {
        List<String> values = new ArrayList<>();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (values.size() < count) {
            assertThat(System.nanoTime())
                    .as("%d of %d records polled", values.size(), count)
                    .isLessThan(deadline);
            consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
        }
        return values;
    }

    /**
     * Produces the events with their serde and key, reads the topic back with a fresh consumer
     * group from the earliest offset, and checks that every key got its events back, in order.
     */
    private static <T> void roundTrip(
            String topic, EventSerde<T> serde, Function<T, String> key, List<T> events)
            throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties())) {
            for (T event : events) {
                producer.send(new ProducerRecord<>(topic, key.apply(event), serde.toBytes(event)))
                        .get(30, TimeUnit.SECONDS);
            }
        }

        List<ConsumerRecord<String, byte[]>> consumed = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (consumed.size() < events.size()) {
                assertThat(System.nanoTime())
                        .as("%d of %d records back from %s", consumed.size(), events.size(), topic)
                        .isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(consumed::add);
            }
        }

        assertThat(consumed).hasSize(events.size());
        assertThat(byKey(consumed, r -> r.key(), r -> parseOk(serde, r.value())))
                .isEqualTo(byKey(events, key, Function.identity()));
    }

    private static <T> T parseOk(EventSerde<T> serde, byte[] utf8) {
        Parsed<T> parsed = serde.parse(utf8);
        if (parsed instanceof Parsed.Invalid<T> invalid) {
            throw new AssertionError(
                    "could not parse "
                            + new String(utf8, StandardCharsets.UTF_8)
                            + ": "
                            + invalid.reason());
        }
        return parsed.value();
    }

    /** Kafka keeps order only per partition, so per key, not across the topic. */
    private static <R, T> Map<String, List<T>> byKey(
            List<R> records, Function<R, String> key, Function<R, T> value) {
        Map<String, List<T>> grouped = new HashMap<>();
        for (R record : records) {
            grouped.computeIfAbsent(key.apply(record), k -> new ArrayList<>())
                    .add(value.apply(record));
        }
        return grouped;
    }

    private static StatusUpdate officialStatus(StatusUpdate.Status status, Instant at) {
        return new StatusUpdate(
                "chatgpt",
                at,
                "inc-8xk2",
                status,
                StatusUpdate.Impact.MAJOR,
                "Elevated error rates for ChatGPT",
                "https://status.openai.com/incidents/inc-8xk2");
    }

    private static void sendInTransaction(
            KafkaProducer<String, byte[]> producer, String topic, String... keys) {
        producer.beginTransaction();
        for (String key : keys) {
            producer.send(new ProducerRecord<>(topic, key, key.getBytes()));
        }
        // Without a flush, abortTransaction() drops unsent batches in the client and the broker
        // never sees them; flushing puts them in the log as a sink's pre-commit would.
        producer.flush();
    }

    /**
     * Reads a topic from the beginning until the consumer's position reaches the end offsets, which
     * for {@code read_committed} are the last stable offsets, so nothing can still be on its way.
     */
    private static List<ConsumerRecord<String, byte[]>> drain(String topic, String isolation) {
        Map<String, Object> props = consumerProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, DEADLINE).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, DEADLINE);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (!reached(consumer, end)) {
                assertThat(System.nanoTime()).as("drained %s in time", topic).isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static boolean reached(
            KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream()
                .allMatch(e -> consumer.position(e.getKey(), DEADLINE) >= e.getValue());
    }

    private static Map<String, Object> producerProperties() {
        Map<String, Object> props = broker.clientProperties();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }

    private static Map<String, Object> consumerProperties() {
        Map<String, Object> props = broker.clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "itcase-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return props;
    }

    private static Optional<InetAddress> nonLoopbackIpv4() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(EmbeddedKafkaBrokerITCase::isUp)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
    }

    private static boolean isUp(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    private static boolean canConnect(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
