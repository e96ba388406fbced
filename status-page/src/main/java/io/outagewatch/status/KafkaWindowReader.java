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
import org.apache.kafka.common.errors.TimeoutException;
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
    static final Duration OFFSET_LOOKUP_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final StatusBoard board;
    private final Instant from;
    private final Thread thread;
    private final AtomicLong recordsRead = new AtomicLong();
    private final AtomicLong recordsSkipped = new AtomicLong();
    private final AtomicLong brokerTimeouts = new AtomicLong();
    private volatile boolean running = true;

    private KafkaWindowReader(
            Map<String, Object> clientProperties, StatusBoard board, Instant from) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Only if a partition's records were deleted between the lookup and the read.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
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

    /** Metadata requests the broker did not answer in time; each is retried. */
    public long brokerTimeouts() {
        return brokerTimeouts.get();
    }

    /** Whether the reading thread is still at work. */
    public boolean isReading() {
        return thread.isAlive();
    }

    private void run() {
        Set<String> missing = new LinkedHashSet<>(TOPICS);
        List<TopicPartition> assigned = new ArrayList<>();
        long nextTopicLookup = System.nanoTime();
        try {
            while (running) {
                try {
                    if (!missing.isEmpty() && System.nanoTime() - nextTopicLookup >= 0) {
                        nextTopicLookup = System.nanoTime() + TOPIC_RETRY.toNanos();
                        assignFound(missing, assigned);
                    }
                    if (assigned.isEmpty()) {
                        // Nothing to poll yet; wait on the consumer's metadata, not in a spin.
                        consumer.listTopics(POLL);
                        continue;
                    }
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                        accept(record);
                    }
                } catch (TimeoutException e) {
                    // The broker does not answer (yet): the page serves what it has meanwhile.
                    brokerTimeouts.incrementAndGet();
                    nextTopicLookup = System.nanoTime();
                }
            }
        } catch (WakeupException e) {
            // close() asked the thread to stop.
        } finally {
            consumer.close(CLOSE_TIMEOUT);
        }
    }

    /**
     * Assigns the partitions of the topics that exist now, each from the window's start. Nothing
     * changes unless every lookup answered, so a timeout is simply retried.
     */
    private void assignFound(Set<String> missing, List<TopicPartition> assigned) {
        Map<TopicPartition, Long> found = new HashMap<>();
        Set<String> foundTopics = new HashSet<>();
        for (String topic : missing) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, POLL);
            if (partitions == null || partitions.isEmpty()) {
                continue;
            }
            foundTopics.add(topic);
            for (PartitionInfo info : partitions) {
                found.put(new TopicPartition(topic, info.partition()), from.toEpochMilli());
            }
        }
        if (found.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndTimestamp> offsets =
                consumer.offsetsForTimes(found, OFFSET_LOOKUP_TIMEOUT);
        List<TopicPartition> all = new ArrayList<>(assigned);
        all.addAll(found.keySet());
        consumer.assign(all);
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
        assigned.addAll(found.keySet());
        missing.removeAll(foundTopics);
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
