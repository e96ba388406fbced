package io.outagewatch.sink.pipeline;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.Topics;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** {@code outage-alerts} on the embedded broker, as the sink's ITCases fill and watch it. */
public final class AlertTopic {

    /** The key the unreadable records are written under. */
    static final String UNREADABLE_KEY = "chatgpt";

    private AlertTopic() {}

    /**
     * Writes the alerts keyed by service, then the unreadable values, in one transaction, as the
     * detection job's exactly-once sink would.
     *
     * @return the records written
     */
    public static int publishInOneTransaction(
            EmbeddedKafkaBroker broker,
            String transactionalId,
            List<Alert> alerts,
            List<byte[]> unreadable) {
        Map<String, Object> config = broker.clientProperties();
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (Alert alert : alerts) {
                producer.send(
                        new ProducerRecord<>(
                                Topics.OUTAGE_ALERTS,
                                alert.service(),
                                AlertSerde.INSTANCE.toBytes(alert)));
            }
            for (byte[] value : unreadable) {
                producer.send(new ProducerRecord<>(Topics.OUTAGE_ALERTS, UNREADABLE_KEY, value));
            }
            producer.commitTransaction();
        }
        return alerts.size() + unreadable.size();
    }

    /**
     * The offsets a consumer group has committed, summed over partitions: the records it is done
     * with, since a transaction's commit marker takes an offset too and a committed offset points
     * one past the data.
     */
    public static long committedOffsets(Admin admin, String group)
            throws InterruptedException, ExecutionException {
        return admin
                .listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get()
                .values()
                .stream()
                .filter(Objects::nonNull)
                .mapToLong(OffsetAndMetadata::offset)
                .sum();
    }
}
