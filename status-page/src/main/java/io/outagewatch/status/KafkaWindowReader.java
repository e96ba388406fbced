package io.outagewatch.status;

import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.MinuteSignalsSerde;
import io.outagewatch.events.Parsed;
import io.outagewatch.events.StatusUpdateSerde;
import io.outagewatch.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Fills the board from Kafka on a thread of its own: {@code service-signals}, {@code outage-alerts}
 * and {@code status-updates}, from the first record written within the window before the start
 * (Kafka timestamps are write times), committed transactions only. No consumer group: each start
 * rebuilds the window from the topics. A topic that does not exist yet is looked for again every
 * {@link #TOPIC_RETRY}.
 */
public final class KafkaWindowReader implements AutoCloseable {

    public static final List<String> TOPICS =
            List.of(Topics.SERVICE_SIGNALS, Topics.OUTAGE_ALERTS, Topics.STATUS_UPDATES);

    static final Duration POLL = Duration.ofMillis(500);
    static final Duration TOPIC_RETRY = Duration.ofSeconds(10);
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaConsumer<String, byte[]> consumer;
    private final StatusBoard board;
    private final Instant from;
    private final Thread thread;
    private final AtomicLong recordsRead = new AtomicLong();
    private final AtomicLong recordsSkipped = new AtomicLong();
    private volatile boolean running = true;

    private KafkaWindowReader(
            Map<String, Object> clientProperties, StatusBoard board, Instant from) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "outagewatch-status-page");
        this.consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.board = board;
        this.from = from;
        this.thread = new Thread(this::run, "status-page-kafka");
        this.thread.setDaemon(true);
    }

    /**
     * Starts reading.
     *
     * @param clientProperties Kafka client settings, bootstrap servers included
     * @param from read each partition from its first record written at or after this instant
     */
    public static KafkaWindowReader start(
            Map<String, Object> clientProperties, StatusBoard board, Instant from) {
        KafkaWindowReader reader = new KafkaWindowReader(clientProperties, board, from);
        reader.thread.start();
        return reader;
    }

    /** Records read and put on the board (or ignored as outside the catalog). */
    public long recordsRead() {
        return recordsRead.get();
    }

    /** Records that did not parse; skipped. */
    public long recordsSkipped() {
        return recordsSkipped.get();
    }

    private void run() {
        Set<String> missing = new LinkedHashSet<>(TOPICS);
        List<TopicPartition> assigned = new ArrayList<>();
        long nextTopicLookup = System.nanoTime();
        try {
            while (running) {
                if (!missing.isEmpty() && System.nanoTime() - nextTopicLookup >= 0) {
                    assignFound(missing, assigned);
                    nextTopicLookup = System.nanoTime() + TOPIC_RETRY.toNanos();
                }
                if (assigned.isEmpty()) {
                    // Nothing to poll yet; wait on the consumer's metadata instead of spinning.
                    consumer.listTopics(POLL);
                    continue;
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    accept(record);
                }
            }
        } catch (WakeupException e) {
            // close() asked the thread to stop.
        } finally {
            consumer.close(CLOSE_TIMEOUT);
        }
    }

    private void assignFound(Set<String> missing, List<TopicPartition> assigned) {
        Map<TopicPartition, Long> found = new HashMap<>();
        for (String topic : new ArrayList<>(missing)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, POLL);
            if (partitions == null || partitions.isEmpty()) {
                continue;
            }
            missing.remove(topic);
            for (PartitionInfo info : partitions) {
                found.put(new TopicPartition(topic, info.partition()), from.toEpochMilli());
            }
        }
        if (found.isEmpty()) {
            return;
        }
        assigned.addAll(found.keySet());
        consumer.assign(assigned);
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(found);
        Set<TopicPartition> nothingSince = new HashSet<>();
        for (TopicPartition partition : found.keySet()) {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset == null) {
                nothingSince.add(partition);
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
        consumer.seekToEnd(nothingSince);
    }

    private void accept(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            recordsSkipped.incrementAndGet();
            return;
        }
        boolean parsed =
                switch (record.topic()) {
                    case Topics.SERVICE_SIGNALS ->
                            put(MinuteSignalsSerde.INSTANCE.parse(record.value()), board::add);
                    case Topics.OUTAGE_ALERTS ->
                            put(AlertSerde.INSTANCE.parse(record.value()), board::add);
                    case Topics.STATUS_UPDATES ->
                            put(StatusUpdateSerde.INSTANCE.parse(record.value()), board::add);
                    default -> false;
                };
        (parsed ? recordsRead : recordsSkipped).incrementAndGet();
    }

    private static <T> boolean put(Parsed<T> parsed, Consumer<T> add) {
        if (!parsed.isOk()) {
            return false;
        }
        add.accept(parsed.value());
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(CLOSE_TIMEOUT.plus(POLL).toMillis());
    }
}
