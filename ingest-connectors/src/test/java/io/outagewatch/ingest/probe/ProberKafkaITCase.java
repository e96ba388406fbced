package io.outagewatch.ingest.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.Parsed;
import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.events.Topics;
import io.outagewatch.ingest.probe.ProbeTestServer.Mode;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The prober publishing into a real Kafka broker, read back as a downstream consumer would. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProberKafkaITCase {

    private static final int PARTITIONS = 2;
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final HostResolver LOOPBACK_ONLY =
            host -> new InetAddress[] {InetAddress.getByName(host)};

    private static final Pattern STOPPED =
            Pattern.compile("probe: stopped; (\\d+) result\\(s\\) published, (\\d+) failed");

    private static EmbeddedKafkaBroker broker;
    private ProbeTestServer server;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.startDefault();
        broker.createOutageWatchTopics(PARTITIONS);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @BeforeEach
    void startServer() throws Exception {
        server = new ProbeTestServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void publishesValidResultsKeyedByService(@TempDir Path dir) throws Exception {
        server.respondWith(Mode.UNAVAILABLE);
        String vantage = "itcase-" + UUID.randomUUID().toString().substring(0, 8);
        Path config =
                Files.writeString(
                        dir.resolve("probes.yaml"),
                        String.join(
                                "\n",
                                "vantage: " + vantage,
                                "allowPrivateTargets: true",
                                "kafka:",
                                "  bootstrapServers: " + broker.bootstrapServers(),
                                "defaults:",
                                "  interval: 100ms",
                                "  timeout: 2s",
                                "targets:",
                                "  - service: chatgpt",
                                "    url: " + server.url("/chatgpt"),
                                "  - service: github",
                                "    url: " + server.url("/github"),
                                "    expectedStatus: [503]",
                                ""));

        assertThat(run("--config", config.toString(), "--count", "3")).isZero();

        List<ConsumerRecord<String, byte[]>> records = readBack(vantage, 6);
        assertThat(records).hasSize(6);
        for (ConsumerRecord<String, byte[]> record : records) {
            ProbeResult result = parse(record.value());
            assertThat(record.key()).isEqualTo(result.service());
            assertThat(result.statusCode()).isEqualTo(503);
            assertThat(result.success()).isEqualTo(result.service().equals("github"));
        }
        assertThat(records)
                .extracting(ConsumerRecord::key)
                .containsOnly("chatgpt", "github")
                .filteredOn("github"::equals)
                .hasSize(3);
    }

    @Test
    void quickModePublishesToKafkaByDefault() throws Exception {
        String vantage = "itcase-" + UUID.randomUUID().toString().substring(0, 8);

        int status =
                run(
                        "--target",
                        server.url("/").toString(),
                        "--service",
                        "slack",
                        "--vantage",
                        vantage,
                        "--interval",
                        "100ms",
                        "--count",
                        "2",
                        "--bootstrap-servers",
                        broker.bootstrapServers(),
                        "--allow-private-targets");

        assertThat(status).isZero();
        assertThat(readBack(vantage, 2))
                .allSatisfy(
                        record -> {
                            assertThat(record.key()).isEqualTo("slack");
                            assertThat(parse(record.value()).success()).isTrue();
                        });
    }

    @Test
    void sigtermStopsTheProberAndFlushesEveryResult(@TempDir Path dir) throws Exception {
        Path stderr = dir.resolve("stderr.txt");
        String vantage = "itcase-" + UUID.randomUUID().toString().substring(0, 8);
        Process prober =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                ProberMain.class.getName(),
                                "--target",
                                server.url("/").toString(),
                                "--service",
                                "slack",
                                "--vantage",
                                vantage,
                                "--interval",
                                "100ms",
                                "--bootstrap-servers",
                                broker.bootstrapServers(),
                                "--allow-private-targets")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(stderr.toFile())
                        .start();
        try {
            readBack(vantage, 2);

            prober.toHandle().destroy(); // SIGTERM

            assertThat(prober.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } finally {
            prober.destroyForcibly();
        }
        String log = Files.readString(stderr);
        Matcher stopped = STOPPED.matcher(log);
        assertThat(stopped.find()).as(log).isTrue();
        assertThat(stopped.group(2)).isEqualTo("0");
        int published = Integer.parseInt(stopped.group(1));
        assertThat(published).isGreaterThanOrEqualTo(2);
        assertThat(readBack(vantage, published)).hasSize(published);
    }

    private static int run(String... args) {
        ProberMain.Environment environment =
                new ProberMain.Environment(
                        Map.of(), LOOPBACK_ONLY, Clock.systemUTC(), new SplittableRandom(5));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream stdout = new PrintStream(new ByteArrayOutputStream(), true);
                PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int status = ProberMain.run(args, stdout, stderr, environment);
            System.err.print(err.toString(StandardCharsets.UTF_8));
            return status;
        }
    }

    /** Reads the topic from the start until {@code expected} records of this vantage arrived. */
    private static List<ConsumerRecord<String, byte[]>> readBack(String vantage, int expected) {
        Map<String, Object> props = broker.clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "itcase-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        List<ConsumerRecord<String, byte[]>> mine = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.PROBE_RESULTS));
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (mine.size() < expected) {
                assertThat(System.nanoTime())
                        .as("%d of %d records of %s back", mine.size(), expected, vantage)
                        .isLessThan(deadline);
                for (ConsumerRecord<String, byte[]> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    if (parse(record.value()).vantage().equals(vantage)) {
                        mine.add(record);
                    }
                }
            }
        }
        return mine;
    }

    private static ProbeResult parse(byte[] value) {
        Parsed<ProbeResult> parsed = ProbeResultSerde.INSTANCE.parse(value);
        if (parsed instanceof Parsed.Invalid<ProbeResult> invalid) {
            throw new AssertionError("not a valid probe result: " + invalid.reason());
        }
        return parsed.value();
    }
}
