package io.outagewatch.bench;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.Parsed;
import io.outagewatch.events.Topics;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The job's committed alerts as they become visible: read_committed, from the beginning. */
final class AlertFeed implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;

    AlertFeed(EmbeddedKafkaBroker kafka) {
        Map<String, Object> props = kafka.clientProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions =
                consumer.partitionsFor(Topics.OUTAGE_ALERTS, Duration.ofSeconds(30)).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The alerts that arrive within {@code timeout}; a record that does not parse is an error. */
    List<Alert> poll(Duration timeout) {
        List<Alert> alerts = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
            Parsed<Alert> parsed = AlertSerde.INSTANCE.parse(record.value());
            if (!(parsed instanceof Parsed.Ok<Alert> ok)) {
                throw new IllegalStateException("the job wrote an alert that does not parse");
            }
            alerts.add(ok.value());
        }
        return alerts;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
