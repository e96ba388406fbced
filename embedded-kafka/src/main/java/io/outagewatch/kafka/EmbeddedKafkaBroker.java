package io.outagewatch.kafka;

import io.outagewatch.events.Topics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;

/**
 * A single-node Kafka 4.x broker (KRaft, combined broker and controller) running inside this JVM,
 * listening on 127.0.0.1 only.
 *
 * <p>It is a real broker, not a mock: transactions, consumer groups and {@code read_committed}
 * behave as in production, so the Flink job's exactly-once path can be exercised without Docker.
 *
 * <p>{@code transaction.max.timeout.ms} is deliberately left at Kafka's default ({@value
 * #TRANSACTION_MAX_TIMEOUT_MS} ms) to match a stock broker: a transactional producer, such as
 * Flink's {@code KafkaSink} with {@code EXACTLY_ONCE}, must set {@code transaction.timeout.ms}
 * below it or {@code initTransactions()} fails with {@code InvalidTxnTimeoutException}.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.startDefault()) {
 *     kafka.createOutageWatchTopics(2);
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    /** The only address the broker binds to and advertises. */
    public static final String HOST = "127.0.0.1";

    /** Kafka's default {@code transaction.max.timeout.ms}, which this broker keeps. */
    public static final long TRANSACTION_MAX_TIMEOUT_MS = 900_000L;

    /** How long {@link #start()} and {@link #createTopics} wait for the broker to catch up. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    /** Memory for the log cleaner's offset map: 8 MiB, about 300,000 distinct keys a pass. */
    public static final long CLEANER_DEDUPE_BUFFER_BYTES = 8L * 1024 * 1024;

    // Ports are found by binding port 0 and releasing it, so another process can grab one before
    // the broker binds it; a few fresh attempts make that race practically harmless.
    private static final int START_ATTEMPTS = 3;
    private static final int NODE_ID = 1;

    private enum State {
        NEW,
        RUNNING,
        STOPPED,
        CLOSED
    }

    private final Map<String, String> brokerOverrides;
    private final SaslPlainUser saslUser;
    private final int requestedPort;
    private final Path givenDataDir;
    private final boolean guardExit;

    private State state = State.NEW;
    private Path dataDir;
    private KafkaRaftServer server;
    private Admin controlAdmin;
    private int port = -1;
    private int controllerPort = -1;
    private boolean exitGuardHeld;

    private EmbeddedKafkaBroker(Builder builder) {
        this.brokerOverrides = Map.copyOf(builder.brokerOverrides);
        this.saslUser = builder.saslUser;
        this.requestedPort = builder.port;
        this.givenDataDir = builder.dataDir;
        this.guardExit = builder.guardExit;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a broker on free ports with a temporary data directory. */
    public static EmbeddedKafkaBroker startDefault() {
        return builder().build().start();
    }

    /**
     * Formats the storage, starts the broker and waits until it serves metadata requests.
     *
     * @return this broker, for chaining
     * @throws IllegalStateException if it was started or closed before, or did not become ready
     *     within {@link #READY_TIMEOUT}
     */
    public synchronized EmbeddedKafkaBroker start() {
        if (state != State.NEW) {
            throw new IllegalStateException("broker can be started once; it is " + state);
        }
        try {
            dataDir =
                    givenDataDir != null
                            ? Files.createDirectories(givenDataDir)
                            : Files.createTempDirectory("outagewatch-kafka-");
            if (guardExit) {
                ExitGuard.acquire();
                exitGuardHeld = true;
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    startOnce();
                    state = State.RUNNING;
                    return this;
                } catch (RuntimeException e) {
                    try {
                        stopServer();
                    } catch (RuntimeException stopFailure) {
                        e.addSuppressed(stopFailure);
                        throw e;
                    }
                    if (attempt >= START_ATTEMPTS || !causedByBindFailure(e)) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            releaseAfterFailedStart(e);
            throw new UncheckedIOException("cannot prepare the Kafka data directory", e);
        } catch (RuntimeException | Error e) {
            releaseAfterFailedStart(e);
            throw e;
        }
    }

    /** {@code 127.0.0.1:PORT}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + requirePort();
    }

    /** The port clients connect to. */
    public int port() {
        return requirePort();
    }

    /** Where the running broker keeps its logs and configuration. */
    public synchronized Path dataDir() {
        if (state != State.RUNNING) {
            throw new IllegalStateException("broker is not running; it is " + state);
        }
        return dataDir;
    }

    /**
     * Client settings needed to reach this broker: a new, mutable map each call, so a caller can
     * add its own producer or consumer settings to it. With {@link Builder#saslPlain} they include
     * the SASL settings of that user.
     */
    public Map<String, Object> clientProperties() {
        Map<String, Object> props = new HashMap<>(saslClientProperties());
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return props;
    }

    /**
     * The security settings a client needs besides the bootstrap servers: empty for a plaintext
     * broker, {@code security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config} of the
     * {@link Builder#saslPlain} user otherwise.
     */
    public Map<String, String> saslClientProperties() {
        return saslUser == null ? Map.of() : saslUser.clientProperties();
    }

    /**
     * Reads a topic from the beginning of every partition until {@code count} records have arrived,
     * in partition order, with read_committed isolation.
     *
     * @throws IllegalStateException when fewer arrived before the deadline, saying how many
     */
    public List<ConsumerRecord<String, byte[]>> readRecords(
            String topic, int count, Duration timeout) {
        Map<String, Object> props = clientProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, timeout).stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition()))
                            .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (records.size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            records.size()
                                    + " of "
                                    + count
                                    + " records of "
                                    + topic
                                    + " arrived within "
                                    + timeout);
                }
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    /** A new admin client for this broker. The caller owns it and must close it. */
    public Admin admin() {
        return Admin.create(clientProperties());
    }

    /**
     * Creates the topics with replication factor 1 and waits until every partition has a leader. A
     * topic that already exists is left as it is, even if it has another partition count.
     */
    public void createTopics(int partitions, String... names) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
        }
        Set<String> topics = new LinkedHashSet<>(List.of(names));
        if (topics.isEmpty()) {
            return;
        }
        Admin admin = requireAdmin();
        long deadline = deadlineAfter(READY_TIMEOUT);
        List<NewTopic> newTopics = new ArrayList<>();
        for (String topic : topics) {
            newTopics.add(new NewTopic(topic, partitions, (short) 1));
        }
        for (Map.Entry<String, KafkaFuture<Void>> created :
                admin.createTopics(newTopics).values().entrySet()) {
            try {
                created.getValue().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException(
                            "cannot create topic " + created.getKey(), e.getCause());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException(
                        "topic " + created.getKey() + " not created within " + READY_TIMEOUT, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topics", e);
            }
        }
        awaitLeaders(admin, topics, deadline);
    }

    /** Creates every OutageWatch topic ({@link Topics#ALL}). */
    public void createOutageWatchTopics(int partitions) {
        createTopics(partitions, Topics.ALL.toArray(String[]::new));
    }

    /**
     * Shuts the broker down cleanly, keeping its data directory and ports: {@link #restart()} then
     * brings the same broker back, with its topics, committed offsets and transactions, at the same
     * address, so clients reconnect on their own. Meanwhile clients see a broker that is down.
     *
     * @throws IllegalStateException if it is not running
     */
    public synchronized void stop() {
        if (state != State.RUNNING) {
            throw new IllegalStateException("only a running broker can stop; it is " + state);
        }
        int stoppedPort = port;
        stopServer();
        port = stoppedPort;
        state = State.STOPPED;
    }

    /**
     * Starts a {@link #stop() stopped} broker again on the same ports and data directory, waiting
     * until it serves metadata requests. A port still held by the old sockets is retried until
     * {@link #READY_TIMEOUT}.
     *
     * @return this broker, for chaining
     * @throws IllegalStateException if it is not stopped, or did not become ready in time
     */
    public synchronized EmbeddedKafkaBroker restart() {
        if (state != State.STOPPED) {
            throw new IllegalStateException("only a stopped broker can restart; it is " + state);
        }
        int brokerPort = port;
        int previousControllerPort = controllerPort;
        long deadline = deadlineAfter(READY_TIMEOUT);
        Backoff backoff = new Backoff();
        while (true) {
            try {
                startOn(brokerPort, previousControllerPort);
                state = State.RUNNING;
                return this;
            } catch (RuntimeException e) {
                try {
                    stopServer();
                } catch (RuntimeException stopFailure) {
                    e.addSuppressed(stopFailure);
                }
                if (!causedByBindFailure(e) || remainingMillis(deadline) <= 0) {
                    releaseAfterFailedStart(e);
                    throw e;
                }
                backoff.pause(deadline);
            }
        }
    }

    /**
     * Stops the broker, waits for its shutdown and deletes the data directory unless it was given
     * to the builder. Calling it again does nothing.
     */
    @Override
    public synchronized void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        try {
            stopServer();
        } finally {
            if (givenDataDir == null && dataDir != null) {
                deleteRecursively(dataDir);
            }
            if (exitGuardHeld) {
                exitGuardHeld = false;
                ExitGuard.release();
            }
        }
    }

    private void startOnce() {
        if (requestedPort != 0) {
            // Fail fast with a clear message; retrying cannot help when the fixed port is taken.
            requirePortFree(requestedPort);
        }
        int brokerPort = requestedPort != 0 ? requestedPort : freePort(-1);
        if (givenDataDir == null) {
            // A failed attempt can leave a half-written metadata log behind; start from scratch.
            deleteRecursively(dataDir.resolve("kafka-logs"));
        }
        startOn(brokerPort, freePort(brokerPort));
    }

    private void startOn(int brokerPort, int controllerPort) {
        Path logDir = dataDir.resolve("kafka-logs");
        Properties config = brokerConfig(brokerPort, controllerPort, logDir);
        Path configFile = dataDir.resolve("server.properties");
        writeConfig(config, configFile);
        format(configFile, clusterIdOf(logDir));

        server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
        server.startup();
        port = brokerPort;
        this.controllerPort = controllerPort;
        Map<String, Object> adminConfig = new HashMap<>(saslClientProperties());
        adminConfig.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, HOST + ":" + brokerPort);
        controlAdmin = Admin.create(adminConfig);
        awaitClusterNode(controlAdmin, deadlineAfter(READY_TIMEOUT));
    }

    private Properties brokerConfig(int brokerPort, int controllerPort, Path logDir) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(NODE_ID));
        // Static voters, so `format` needs neither --standalone nor a controller directory id.
        config.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        String clientListener = saslUser == null ? "PLAINTEXT" : SaslPlainUser.PROTOCOL;
        config.put(
                "listeners",
                clientListener
                        + "://"
                        + HOST
                        + ":"
                        + brokerPort
                        + ",CONTROLLER://"
                        + HOST
                        + ":"
                        + controllerPort);
        config.put("advertised.listeners", clientListener + "://" + HOST + ":" + brokerPort);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", clientListener);
        config.put(
                "listener.security.protocol.map",
                clientListener + ":" + clientListener + ",CONTROLLER:PLAINTEXT");
        if (saslUser != null) {
            config.putAll(saslUser.brokerProperties());
        }
        config.put("log.dirs", logDir.toAbsolutePath().toString());
        config.put("num.partitions", "1");
        // A single node cannot satisfy Kafka's default replication factor of 3 for internal topics.
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        // Tests start consumers one at a time; the default 3 s delay would only slow every join.
        config.put("group.initial.rebalance.delay.ms", "0");
        // Topics come from createTopics only, so a typo in a topic name fails instead of silently
        // creating a new topic.
        config.put("auto.create.topics.enable", "false");
        // Retention is enforced from the start and every second instead of after 30 s and every
        // 5 min, so a test sees records written with old timestamps vanish as a production broker
        // would delete them, not only when the test happens to run long enough.
        config.put("log.initial.task.delay.ms", "0");
        config.put("log.retention.check.interval.ms", "1000");
        // The log cleaner's offset map is allocated on the heap when the broker starts: 128 MB by
        // default, an eighth of the 1 GB the benchmarks give broker and job together, which the
        // collector then marks with the rest. A single node's compacted topics (consumer offsets,
        // transaction state) need a few MB; cleaning again after 1 s instead of 15 s shows a
        // compacted topic compacted within a test.
        config.put("log.cleaner.dedupe.buffer.size", Long.toString(CLEANER_DEDUPE_BUFFER_BYTES));
        config.put("log.cleaner.backoff.ms", "1000");
        config.putAll(brokerOverrides);
        Properties props = new Properties();
        props.putAll(config);
        return props;
    }

    private static void writeConfig(Properties config, Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            config.store(out, "written by " + EmbeddedKafkaBroker.class.getName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The id a given data directory was formatted with, else a new one. */
    private static String clusterIdOf(Path logDir) {
        Path metaProperties = logDir.resolve("meta.properties");
        if (Files.isRegularFile(metaProperties)) {
            Properties meta = new Properties();
            try (Reader in = Files.newBufferedReader(metaProperties, StandardCharsets.UTF_8)) {
                meta.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + metaProperties, e);
            }
            String existing = meta.getProperty("cluster.id");
            if (existing != null && !existing.isBlank()) {
                return existing;
            }
        }
        return Uuid.randomUuid().toString();
    }

    private static void format(Path configFile, String clusterId) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int rc;
        // execute() rather than main(): main() calls Exit.exit, and it would print to stdout, which
        // EmbeddedKafkaMain reserves for the bootstrap line.
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            rc =
                    StorageTool.execute(
                            new String[] {
                                "format",
                                "--cluster-id",
                                clusterId,
                                "--config",
                                configFile.toString(),
                                // A data directory given to the builder may hold a cluster
                                // already; with its own id, format leaves it as it is.
                                "--ignore-formatted"
                            },
                            out);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "kafka-storage format failed: " + output.toString(StandardCharsets.UTF_8), e);
        }
        if (rc != 0) {
            throw new IllegalStateException(
                    "kafka-storage format exited with "
                            + rc
                            + ": "
                            + output.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitClusterNode(Admin admin, long deadline) {
        Throwable lastError = null;
        Backoff backoff = new Backoff();
        while (remainingMillis(deadline) > 0) {
            int timeout = (int) Math.min(remainingMillis(deadline), 5_000);
            try {
                Collection<Node> nodes =
                        admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeout))
                                .nodes()
                                .get();
                if (!nodes.isEmpty()) {
                    return;
                }
            } catch (ExecutionException e) {
                lastError = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the broker", e);
            }
            backoff.pause(deadline);
        }
        throw new IllegalStateException(
                "Kafka broker on " + HOST + ":" + port + " not ready within " + READY_TIMEOUT,
                lastError);
    }

    private static void awaitLeaders(Admin admin, Set<String> topics, long deadline) {
        Throwable lastError = null;
        Backoff backoff = new Backoff();
        while (remainingMillis(deadline) > 0) {
            int timeout = (int) Math.min(remainingMillis(deadline), 5_000);
            try {
                Map<String, TopicDescription> described =
                        admin.describeTopics(topics, new DescribeTopicsOptions().timeoutMs(timeout))
                                .allTopicNames()
                                .get();
                if (described.values().stream().allMatch(EmbeddedKafkaBroker::hasLeaders)) {
                    // The metadata cache names a leader before the leader has made the partition
                    // its own: a produce in between fails with NOT_LEADER_OR_FOLLOWER, and an
                    // idempotent producer whose first batch failed so while its second was
                    // appended retries the first forever (OutOfOrderSequenceException). Asking
                    // each leader for its log end answers only once it is ready.
                    Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
                    for (TopicDescription topic : described.values()) {
                        for (TopicPartitionInfo partition : topic.partitions()) {
                            ends.put(
                                    new TopicPartition(topic.name(), partition.partition()),
                                    OffsetSpec.latest());
                        }
                    }
                    admin.listOffsets(ends, new ListOffsetsOptions().timeoutMs(timeout))
                            .all()
                            .get();
                    return;
                }
            } catch (ExecutionException e) {
                // The broker's metadata cache can lag the controller that created the topic, and
                // its replica manager the metadata cache.
                lastError = e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for topics", e);
            }
            backoff.pause(deadline);
        }
        throw new IllegalStateException(
                "topics " + topics + " have no leaders within " + READY_TIMEOUT, lastError);
    }

    private static boolean hasLeaders(TopicDescription topic) {
        return !topic.partitions().isEmpty()
                && topic.partitions().stream()
                        .map(TopicPartitionInfo::leader)
                        .allMatch(leader -> leader != null && !leader.isEmpty());
    }

    private void stopServer() {
        Admin admin = controlAdmin;
        controlAdmin = null;
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
        KafkaRaftServer running = server;
        server = null;
        port = -1;
        if (running != null) {
            running.shutdown();
            running.awaitShutdown();
        }
    }

    private void releaseAfterFailedStart(Throwable failure) {
        state = State.CLOSED;
        try {
            stopServer();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
        if (givenDataDir == null && dataDir != null) {
            deleteRecursively(dataDir);
        }
        if (exitGuardHeld) {
            exitGuardHeld = false;
            ExitGuard.release();
        }
    }

    private synchronized int requirePort() {
        if (state != State.RUNNING) {
            throw new IllegalStateException("broker is not running; it is " + state);
        }
        return port;
    }

    private synchronized Admin requireAdmin() {
        if (state != State.RUNNING) {
            throw new IllegalStateException("broker is not running; it is " + state);
        }
        return controlAdmin;
    }

    private static boolean causedByBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException
                    || (t.getMessage() != null && t.getMessage().contains("failed to bind"))) {
                return true;
            }
        }
        return false;
    }

    private static void requirePortFree(int port) {
        try {
            new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
        } catch (IOException e) {
            throw new IllegalStateException(HOST + ":" + port + " is already in use", e);
        }
    }

    private static int freePort(int excluded) {
        for (int i = 0; i < 10; i++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int candidate = socket.getLocalPort();
                if (candidate != excluded) {
                    return candidate;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot find a free port on " + HOST, e);
            }
        }
        throw new IllegalStateException("the OS keeps handing out port " + excluded);
    }

    private static long deadlineAfter(Duration timeout) {
        return System.nanoTime() + timeout.toNanos();
    }

    private static long remainingMillis(long deadline) {
        return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(path);
                } catch (NoSuchFileException ignored) {
                    // Already gone: the broker removes some files itself while shutting down.
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    /** Short, growing pauses between polls, never past the deadline. */
    private static final class Backoff {
        private long pauseMillis = 10;

        void pause(long deadline) {
            long millis = Math.min(pauseMillis, Math.max(0, remainingMillis(deadline)));
            pauseMillis = Math.min(pauseMillis * 2, 200);
            try {
                TimeUnit.MILLISECONDS.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while polling the broker", e);
            }
        }
    }

    /**
     * Stops a fatal broker error from ending the JVM it shares with the tests: Kafka calls {@link
     * Exit#exit}/{@link Exit#halt} on fatal faults, which would otherwise kill the test run without
     * a report. Reference-counted because several brokers may share one JVM; Kafka offers no way to
     * read the previous procedures, so the defaults are restored when the last broker closes.
     */
    private static final class ExitGuard {
        private static int holders;

        static synchronized void acquire() {
            if (holders++ == 0) {
                Exit.setExitProcedure(
                        (status, message) -> {
                            throw new IllegalStateException(
                                    "embedded Kafka broker tried to exit with status "
                                            + status
                                            + ": "
                                            + message);
                        });
                Exit.setHaltProcedure(
                        (status, message) -> {
                            throw new IllegalStateException(
                                    "embedded Kafka broker tried to halt with status "
                                            + status
                                            + ": "
                                            + message);
                        });
            }
        }

        static synchronized void release() {
            if (--holders == 0) {
                Exit.resetExitProcedure();
                Exit.resetHaltProcedure();
            }
        }
    }

    /**
     * The one user of a broker whose client listener is SASL_PLAINTEXT with the PLAIN mechanism.
     * The broker also uses it for its own connections to itself (transaction markers).
     */
    private record SaslPlainUser(String username, String password) {
        static final String PROTOCOL = "SASL_PLAINTEXT";
        static final String MECHANISM = "PLAIN";
        private static final String LOGIN_MODULE =
                "org.apache.kafka.common.security.plain.PlainLoginModule";

        SaslPlainUser {
            if (!username.matches("[A-Za-z0-9._-]+") || !password.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException(
                        "SASL username and password must be letters, digits, '.', '_' or '-'");
            }
        }

        Map<String, String> clientProperties() {
            return Map.of(
                    "security.protocol",
                    PROTOCOL,
                    "sasl.mechanism",
                    MECHANISM,
                    "sasl.jaas.config",
                    LOGIN_MODULE + " required " + credentials() + ";");
        }

        Map<String, String> brokerProperties() {
            String listener = "listener.name." + PROTOCOL.toLowerCase(Locale.ROOT);
            return Map.of(
                    "sasl.enabled.mechanisms",
                    MECHANISM,
                    "sasl.mechanism.inter.broker.protocol",
                    MECHANISM,
                    listener + ".sasl.enabled.mechanisms",
                    MECHANISM,
                    listener + "." + MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                    LOGIN_MODULE
                            + " required "
                            + credentials()
                            + " user_"
                            + username
                            + "=\""
                            + password
                            + "\";");
        }

        private String credentials() {
            return "username=\"" + username + "\" password=\"" + password + "\"";
        }
    }

    /** Configures an {@link EmbeddedKafkaBroker}; {@link #build()} does not start it. */
    public static final class Builder {
        private final Map<String, String> brokerOverrides = new LinkedHashMap<>();
        private SaslPlainUser saslUser;
        private int port;
        private Path dataDir;
        private boolean guardExit = true;

        private Builder() {}

        /**
         * Sets or overrides a broker property. Overriding the listener settings breaks {@link
         * #bootstrapServers()}; lowering {@code transaction.max.timeout.ms} below a producer's
         * {@code transaction.timeout.ms} makes that producer fail.
         */
        public Builder brokerProperty(String key, String value) {
            brokerOverrides.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
            return this;
        }

        /**
         * Makes the client listener SASL_PLAINTEXT with the PLAIN mechanism and this one user, so
         * that a client without these credentials cannot connect. {@link
         * EmbeddedKafkaBroker#clientProperties()} then carries the credentials. By default the
         * listener is PLAINTEXT without authentication.
         *
         * @param username letters, digits, '.', '_' or '-'
         * @param password letters, digits, '.', '_' or '-'
         */
        public Builder saslPlain(String username, String password) {
            this.saslUser =
                    new SaslPlainUser(
                            Objects.requireNonNull(username), Objects.requireNonNull(password));
            return this;
        }

        /** The client port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Keeps logs in this directory and leaves it in place on close, so topics and offsets
         * survive a restart. By default a temporary directory is used and deleted on close.
         */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir);
            return this;
        }

        /**
         * Whether Kafka's exit and halt calls throw instead of ending the JVM (default true). A
         * process that exists only to run the broker turns it off, so that a fatal broker error
         * ends the process instead of leaving it running without a working broker.
         */
        public Builder guardExit(boolean guardExit) {
            this.guardExit = guardExit;
            return this;
        }

        public EmbeddedKafkaBroker build() {
            return new EmbeddedKafkaBroker(this);
        }
    }
}
