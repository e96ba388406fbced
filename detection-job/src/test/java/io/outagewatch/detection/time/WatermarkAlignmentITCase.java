package io.outagewatch.detection.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.kafka.EmbeddedKafkaBroker;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Flink 2.2.1's split-level watermark alignment, with flink-connector-kafka 5.0.0-2.2 and {@link
 * BulkWatermarks}, on a real broker: one reader owns two partitions, partition 1 holding only a
 * vantage whose clock runs 50 minutes fast. Records arrive in rounds, as in the live job, each
 * written once the reader has read partition 0's previous round. Without alignment partition 1 is
 * read as it arrives and runs 50 minutes ahead the whole time; with it, it is paused (its Kafka
 * consumer stops fetching it) until partition 0's watermark comes within the allowed drift.
 *
 * <p>The source is unbounded, as the live job's: with a bounded one, a pause can reach a partition
 * that has just been read to its end and fail the job (FLINK-39728, fixed after 5.0.0-2.2).
 */
class WatermarkAlignmentITCase {

    private static final long START = ProbeStream.START.toEpochMilli();
    private static final Duration SKEW = Duration.ofMinutes(50);
    private static final Duration MAX_DRIFT = Duration.ofMinutes(1);

    /** Each partition: 100 minutes of a vantage probing ten times a second, in 60 rounds. */
    private static final int ROUNDS = 60;

    private static final int RECORDS_PER_ROUND = 1_000;
    private static final long SPACING = Duration.ofMillis(100).toMillis();
    private static final Duration ROUND = Duration.ofMillis(RECORDS_PER_ROUND * SPACING);

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(1)
                            .build());

    private static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafkaBroker.startDefault();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void withAlignmentThePartitionAheadWaitsForTheOther() throws Exception {
        WatermarkAlignment alignment =
                new WatermarkAlignment("aligned", MAX_DRIFT, Duration.ofMillis(100));

        List<RoundEnd> rounds = readRoundByRound("aligned", Optional.of(alignment));

        // Alignment pauses partition 1 (its consumer stops fetching it): round after round its
        // newest record read stays where it was while partition 0 goes on. It is resumed once
        // partition 0 has come within the allowed drift; the reader then takes in its whole
        // backlog before the next pause lands (pauses follow watermarks in wall-clock time), so
        // the lead at any one round is a sawtooth and says little on its own.
        System.out.println("aligned: " + rounds);
        assertThat(roundsWithPartitionOnePaused(rounds)).isGreaterThan(ROUNDS / 2);
        assertThat(smallestLead(rounds)).isLessThanOrEqualTo(MAX_DRIFT.plus(ROUND));
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void withoutAlignmentThePartitionAheadIsReadAsItArrives() throws Exception {
        List<RoundEnd> rounds = readRoundByRound("unaligned", Optional.empty());

        System.out.println("unaligned: " + rounds);
        assertThat(roundsWithPartitionOnePaused(rounds)).isLessThan(ROUNDS / 10);
        assertThat(smallestLead(rounds)).isGreaterThan(SKEW.minusMinutes(10));
    }

    /** The smallest lead of partition 1 at the end of a round, once any of it was read. */
    private static Duration smallestLead(List<RoundEnd> rounds) {
        return rounds.stream()
                .filter(RoundEnd::partitionOneRead)
                .map(RoundEnd::lead)
                .min(Duration::compareTo)
                .orElseThrow();
    }

    /** Rounds after the first in which no newer record of partition 1 was read. */
    private static long roundsWithPartitionOnePaused(List<RoundEnd> rounds) {
        long paused = 0;
        for (int i = 1; i < rounds.size(); i++) {
            if (rounds.get(i).newestOfPartitionOne() == rounds.get(i - 1).newestOfPartitionOne()) {
                paused++;
            }
        }
        return paused;
    }

    /**
     * Where reading stood when partition 0's last record of a round was read: that record's event
     * time, and the newest event time read from partition 1 so far.
     */
    private record RoundEnd(long lastOfPartitionZero, long newestOfPartitionOne) {

        boolean partitionOneRead() {
            return newestOfPartitionOne != Long.MIN_VALUE;
        }

        Duration lead() {
            return Duration.ofMillis(newestOfPartitionOne - lastOfPartitionZero);
        }

        @Override
        public String toString() {
            return partitionOneRead() ? lead().toString() : "none read";
        }
    }

    /** Feeds both partitions round by round to one reader; where reading stood after each. */
    private static List<RoundEnd> readRoundByRound(
            String topic, Optional<WatermarkAlignment> alignment) throws Exception {
        kafka.createTopics(2, topic);
        KafkaSource<Tuple2<Integer, Long>> source =
                KafkaSource.<Tuple2<Integer, Long>>builder()
                        .setBootstrapServers(kafka.bootstrapServers())
                        .setTopics(topic)
                        .setGroupId(topic)
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setDeserializer(new PartitionAndEventTime())
                        .build();
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        long newestOfPartitionOne = Long.MIN_VALUE;
        long lastOfPartitionZero = Long.MIN_VALUE;
        List<RoundEnd> rounds = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = producer();
                CloseableIterator<Tuple2<Integer, Long>> read =
                        env.fromSource(
                                        source,
                                        BulkWatermarks.forKafkaPartitions(
                                                Duration.ofSeconds(30),
                                                Duration.ofMinutes(1),
                                                StreamFront.DEFAULT_WINDOW,
                                                (record, kafkaTimestamp) -> record.f1,
                                                record -> true,
                                                alignment,
                                                false),
                                        topic)
                                .executeAndCollect(topic)) {
            for (int round = 0; round < ROUNDS; round++) {
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                for (int i = round * RECORDS_PER_ROUND; i < (round + 1) * RECORDS_PER_ROUND; i++) {
                    long eventTime = START + i * SPACING;
                    sent.add(producer.send(new ProducerRecord<>(topic, 0, null, bytes(eventTime))));
                    long skewed = eventTime + SKEW.toMillis();
                    sent.add(producer.send(new ProducerRecord<>(topic, 1, null, bytes(skewed))));
                    lastOfPartitionZero = eventTime;
                }
                for (Future<RecordMetadata> written : sent) {
                    written.get();
                }
                Tuple2<Integer, Long> record;
                do {
                    record = read.next();
                    if (record.f0 == 1) {
                        newestOfPartitionOne = Math.max(newestOfPartitionOne, record.f1);
                    }
                } while (record.f0 != 0 || record.f1 != lastOfPartitionZero);
                rounds.add(new RoundEnd(lastOfPartitionZero, newestOfPartitionOne));
            }
        }
        return rounds;
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> props = new HashMap<>(kafka.clientProperties());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static byte[] bytes(long eventTime) {
        return ByteBuffer.allocate(Long.BYTES).putLong(eventTime).array();
    }

    /** A record's partition and the event time in its value. */
    private static final class PartitionAndEventTime
            implements KafkaRecordDeserializationSchema<Tuple2<Integer, Long>> {

        @Override
        public void deserialize(
                ConsumerRecord<byte[], byte[]> record, Collector<Tuple2<Integer, Long>> out) {
            out.collect(Tuple2.of(record.partition(), ByteBuffer.wrap(record.value()).getLong()));
        }

        @Override
        public TypeInformation<Tuple2<Integer, Long>> getProducedType() {
            return Types.TUPLE(Types.INT, Types.LONG);
        }
    }
}
