package io.outagewatch.status;

import static io.outagewatch.status.TestRecords.ONSET;
import static io.outagewatch.status.TestRecords.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.MinuteSignalsSerde;
import io.outagewatch.events.MinuteVerdict;
import io.outagewatch.events.Topics;
import io.outagewatch.kafka.Await;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reader on a real broker: from the window's start by write time, committed records only, bad
 * records skipped. One partition per topic, so a record written last is read last.
 */
class KafkaWindowReaderITCase {

    private static final Duration WINDOW = Duration.ofHours(1);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Instant WRITTEN_BEFORE_THE_WINDOW =
            Instant.now().minus(Duration.ofHours(3));

    private static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafkaBroker.startDefault();
        kafka.createTopics(1, KafkaWindowReader.TOPICS.toArray(String[]::new));
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void readsCommittedRecordsWrittenWithinTheWindowAndSkipsBadOnes() throws Exception {
        Instant old = ONSET;
        Instant recent = ONSET.plus(Duration.ofMinutes(1));
        Instant aborted = ONSET.plus(Duration.ofMinutes(2));
        Instant last = ONSET.plus(Duration.ofMinutes(3));
        try (KafkaProducer<String, byte[]> producer = producer(Map.of())) {
            producer.send(
                    new ProducerRecord<>(
                            Topics.SERVICE_SIGNALS,
                            null,
                            WRITTEN_BEFORE_THE_WINDOW.toEpochMilli(),
                            SERVICE,
                            signals(old)));
            producer.send(new ProducerRecord<>(Topics.SERVICE_SIGNALS, SERVICE, signals(recent)));
            producer.send(
                    new ProducerRecord<>(
                            Topics.OUTAGE_ALERTS,
                            SERVICE,
                            "not json".getBytes(StandardCharsets.UTF_8)));
        }
        try (KafkaProducer<String, byte[]> transactional =
                producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "status-page-test"))) {
            transactional.initTransactions();
            transactional.beginTransaction();
            transactional.send(
                    new ProducerRecord<>(Topics.SERVICE_SIGNALS, SERVICE, signals(aborted)));
            transactional.flush();
            transactional.abortTransaction();
            transactional.beginTransaction();
            transactional.send(
                    new ProducerRecord<>(Topics.SERVICE_SIGNALS, SERVICE, signals(last)));
            transactional.commitTransaction();
        }
        StatusBoard board = new StatusBoard(TestRecords.catalog(), Duration.ofDays(7));

        try (KafkaWindowReader reader =
                KafkaWindowReader.start(
                        kafka.clientProperties(), board, Instant.now().minus(WINDOW))) {
            Await.until(
                    "the last committed minute and the bad alert",
                    WAIT,
                    () ->
                            board.service(SERVICE).orElseThrow().minutes().stream()
                                            .anyMatch(m -> m.minuteStart().equals(last))
                                    && reader.recordsSkipped() == 1);

            assertThat(board.service(SERVICE).orElseThrow().minutes())
                    .extracting(m -> m.minuteStart())
                    .containsExactly(recent, last);
            assertThat(reader.recordsRead()).isEqualTo(2);
        }
    }

    @Test
    void anUnreachableBrokerIsRetriedWhileThePageServes() throws Exception {
        StatusBoard board = new StatusBoard(TestRecords.catalog(), WINDOW);
        Map<String, Object> nobodyListens =
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + freePort());

        try (KafkaWindowReader reader =
                KafkaWindowReader.start(nobodyListens, board, Instant.now().minus(WINDOW))) {
            Await.until("two timeouts, each retried", WAIT, () -> reader.brokerTimeouts() >= 2);

            assertThat(reader.isReading()).isTrue();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static byte[] signals(Instant minute) {
        return MinuteSignalsSerde.INSTANCE.toBytes(TestRecords.minute(minute, 1, MinuteVerdict.OK));
    }

    private static KafkaProducer<String, byte[]> producer(Map<String, Object> extra) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putAll(extra);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }
}
