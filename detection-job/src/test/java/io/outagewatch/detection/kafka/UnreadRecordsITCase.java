package io.outagewatch.detection.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.kafka.EmbeddedKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which topics have nothing to read for a group, asked of a real broker. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class UnreadRecordsITCase {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String GROUP = "unread-records-it";

    private static EmbeddedKafkaBroker kafka;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafkaBroker.startDefault();
        kafka.createTopics(2, "empty", "unread", "all-read", "half-read", "one-partition-unread");
        admin = kafka.admin();
        write("unread", 0, 3);
        write("all-read", 0, 2);
        write("all-read", 1, 1);
        write("half-read", 0, 4);
        write("one-partition-unread", 1, 1);
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        kafka.close();
    }

    @Test
    void aTopicIsUnreadWhileAPartitionHasRecordsAfterTheGroupsOffset() throws Exception {
        commit("all-read", 0, 2);
        commit("all-read", 1, 1);
        commit("half-read", 0, 2);

        assertThat(
                        UnreadRecords.noneToRead(
                                admin,
                                GROUP,
                                List.of(
                                        "empty",
                                        "unread",
                                        "all-read",
                                        "half-read",
                                        "one-partition-unread"),
                                TIMEOUT))
                .containsExactlyInAnyOrder("empty", "all-read");
    }

    @Test
    void aNewGroupReadsFromTheEarliestOffset() {
        assertThat(
                        UnreadRecords.noneToRead(
                                admin, "a-new-group", List.of("empty", "all-read"), TIMEOUT))
                .containsExactly("empty");
    }

    @Test
    void noAnswerMeansEveryTopicMayHaveRecords() {
        assertThat(
                        UnreadRecords.noneToRead(
                                admin, GROUP, List.of("empty", "no-such-topic"), TIMEOUT))
                .isEmpty();
        Map<String, Object> nowhere = new HashMap<>();
        // Nothing listens on the discard port.
        nowhere.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        Admin unreachable = Admin.create(nowhere);
        try {
            long started = System.nanoTime();
            assertThat(
                            UnreadRecords.noneToRead(
                                    unreachable, GROUP, List.of("empty"), Duration.ofSeconds(2)))
                    .isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isLessThan(Duration.ofSeconds(10));
        } finally {
            unreachable.close(Duration.ZERO);
        }
    }

    private static void write(String topic, int partition, int records) {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                producer.send(
                        new ProducerRecord<>(
                                topic,
                                partition,
                                null,
                                ("r" + i).getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private static void commit(String topic, int partition, long offset) throws Exception {
        admin.alterConsumerGroupOffsets(
                        GROUP,
                        Map.of(new TopicPartition(topic, partition), new OffsetAndMetadata(offset)))
                .all()
                .get(30, TimeUnit.SECONDS);
    }
}
