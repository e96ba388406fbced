package io.outagewatch.sink.pipeline;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.KafkaClientProperties;
import io.outagewatch.events.Maintenance;
import io.outagewatch.events.MaintenanceSerde;
import io.outagewatch.events.Parsed;
import io.outagewatch.events.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka side of the sink: a consumer-group member on {@link Topics#OUTAGE_ALERTS} that reads
 * committed records only, hands each to the {@link DeliveryPipeline} in offset order, and commits
 * the record's offset once the pipeline is done with it. Records of one partition (and so alerts of
 * one service, and of one incident) are processed strictly one after another.
 *
 * <p>Back-pressure: the next poll happens only when every record of the previous one is done, so
 * while a receiver is down the sink holds at most {@link #MAX_POLL_RECORDS} alerts (plus the Kafka
 * client's bounded prefetch) and the rest waits in Kafka. {@link SinkMetrics#pending()} shows how
 * many are held.
 *
 * <p>Unreadable records become dead letters carrying the parse reason; the consumer then moves on.
 * {@link #stop()} ends the loop after the current record; an interrupt ends it at once, like a
 * crash, without committing the record in progress.
 *
 * <p>Not thread-safe except for {@link #stop()}: {@link #run()} owns the Kafka consumer.
 */
public final class AlertConsumer {

    public static final String DEFAULT_GROUP_ID = "outagewatch-sink";
    public static final Duration POLL_TIMEOUT = Duration.ofSeconds(1);

    /**
     * Small batches: each record may take long to deliver, and everything polled but not yet done
     * is read again after a crash.
     */
    public static final int MAX_POLL_RECORDS = 20;

    /** Room above the retry give-up time before the group considers the sink dead. */
    public static final Duration POLL_INTERVAL_MARGIN = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(AlertConsumer.class);

    private final Consumer<String, byte[]> consumer;
    private final DeliveryPipeline pipeline;
    private final DeadLetterPublisher deadLetters;
    private final Clock clock;
    private final Map<TopicPartition, OffsetAndMetadata> processed = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private java.util.function.Consumer<Maintenance> maintenances;

    public AlertConsumer(
            Consumer<String, byte[]> consumer,
            DeliveryPipeline pipeline,
            DeadLetterPublisher deadLetters,
            Clock clock) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Also reads {@link Topics#MAINTENANCES}, handing each announced maintenance to the listener
     * (which stores it as a silence); call before {@link #run()}.
     *
     * @return this consumer
     */
    public AlertConsumer readingMaintenances(java.util.function.Consumer<Maintenance> listener) {
        this.maintenances = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** The topics this consumer subscribes to. */
    public List<String> topics() {
        return maintenances == null
                ? List.of(Topics.OUTAGE_ALERTS)
                : List.of(Topics.OUTAGE_ALERTS, Topics.MAINTENANCES);
    }

    /**
     * {@link #consumerProperties(String, String, RetryPolicy, KafkaClientProperties)} with none.
     */
    public static Map<String, Object> consumerProperties(
            String bootstrapServers, String groupId, RetryPolicy retry) {
        return consumerProperties(bootstrapServers, groupId, retry, KafkaClientProperties.none());
    }

    /**
     * The consumer settings the sink's guarantees rest on: {@code read_committed}, no auto commit,
     * earliest offset for a new group, and a poll interval longer than the longest retry; plus the
     * extra settings (TLS, SASL) of the Kafka properties file.
     *
     * @throws IllegalArgumentException when the file sets one of the sink's own settings
     */
    public static Map<String, Object> consumerProperties(
            String bootstrapServers,
            String groupId,
            RetryPolicy retry,
            KafkaClientProperties extra) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS);
        long pollInterval = retry.giveUpAfter().plus(POLL_INTERVAL_MARGIN).toMillis();
        config.put(
                ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                (int) Math.min(Integer.MAX_VALUE, pollInterval));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return extra.mergedWith(config);
    }

    /** A Kafka consumer with {@link #consumerProperties} and the sink's deserializers. */
    public static KafkaConsumer<String, byte[]> kafkaConsumer(Map<String, Object> properties) {
        return new KafkaConsumer<>(
                properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Subscribes and processes records until {@link #stop()}; closes the consumer on the way out.
     *
     * @throws InterruptedException when the thread was interrupted: the record in progress is not
     *     committed
     * @throws IOException when the delivery log cannot be written
     */
    public void run() throws InterruptedException, IOException {
        try {
            consumer.subscribe(topics(), new CommitOnRevoke());
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL_TIMEOUT);
                long pending = records.count();
                pipeline.metrics().pending(pending);
                pipeline.resendOpenIncidents();
                pipeline.releaseEnded();
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (!running) {
                        break;
                    }
                    handle(record);
                    pipeline.metrics().pending(--pending);
                    TopicPartition partition =
                            new TopicPartition(record.topic(), record.partition());
                    OffsetAndMetadata next = new OffsetAndMetadata(record.offset() + 1);
                    processed.put(partition, next);
                    commit(Map.of(partition, next));
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (InterruptException e) {
            throw new InterruptedException("interrupted in the Kafka client");
        } finally {
            closeConsumer();
        }
    }

    /** Ends {@link #run()} after the record in progress; callable from any thread. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    private void handle(ConsumerRecord<String, byte[]> record)
            throws IOException, InterruptedException {
        String origin = record.topic() + "-" + record.partition() + "-" + record.offset();
        if (record.topic().equals(Topics.MAINTENANCES)) {
            maintenance(record, origin);
            return;
        }
        Parsed<Alert> parsed =
                record.value() == null
                        ? Parsed.invalid("missing_value", "the record has no value (tombstone)")
                        : AlertSerde.INSTANCE.parse(record.value());
        if (parsed instanceof Parsed.Invalid<Alert> invalid) {
            String raw =
                    record.value() == null
                            ? null
                            : new String(record.value(), StandardCharsets.UTF_8);
            LOG.warn("{}: unreadable alert: {}", origin, invalid.reason());
            deadLetters.publish(DeadLetter.of(origin, raw, invalid.reason(), clock.instant()));
            pipeline.metrics().alertInvalid();
            return;
        }
        AlertReport report = pipeline.process(parsed.value(), origin);
        LOG.info("{}: {}", origin, report);
    }

    private void maintenance(ConsumerRecord<String, byte[]> record, String origin) {
        Parsed<Maintenance> parsed =
                record.value() == null
                        ? Parsed.invalid("missing_value", "the record has no value (tombstone)")
                        : MaintenanceSerde.INSTANCE.parse(record.value());
        if (parsed instanceof Parsed.Invalid<Maintenance> invalid) {
            String raw =
                    record.value() == null
                            ? null
                            : new String(record.value(), StandardCharsets.UTF_8);
            LOG.warn("{}: unreadable maintenance: {}", origin, invalid.reason());
            deadLetters.publish(DeadLetter.of(origin, raw, invalid.reason(), clock.instant()));
            return;
        }
        Maintenance maintenance = parsed.value();
        maintenances.accept(maintenance);
        LOG.info(
                "{}: {} announces maintenance {} from {} to {} ({})",
                origin,
                maintenance.service(),
                maintenance.maintenanceId(),
                maintenance.startsAt(),
                maintenance.endsAt(),
                maintenance.status().wireName());
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            consumer.commitSync(offsets);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The partition moved while we delivered. Whoever reads it next skips what the
            // delivery log already holds.
            LOG.warn("commit of {} failed: {}", offsets, e.toString());
        }
    }

    private void closeConsumer() {
        // A pending interrupt would make close() fail before leaving the group.
        boolean interrupted = Thread.interrupted();
        try {
            consumer.close();
        } catch (RuntimeException e) {
            LOG.warn("closing the consumer failed: {}", e.toString());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Commits what was processed before a partition is taken away; nothing is pending after. */
    private final class CommitOnRevoke implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = processed.remove(partition);
                if (offset != null) {
                    offsets.put(partition, offset);
                }
            }
            if (!offsets.isEmpty()) {
                commit(offsets);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            LOG.info("assigned {}", partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Another member may own them already; committing now could move its offsets back.
            partitions.forEach(processed::remove);
        }
    }
}
