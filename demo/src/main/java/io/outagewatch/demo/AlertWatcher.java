package io.outagewatch.demo;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.Parsed;
import io.outagewatch.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the committed alerts from the start of {@link Topics#OUTAGE_ALERTS} so the demo knows when
 * the story is over and can tell it.
 */
final class AlertWatcher implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Alert> alerts = new ArrayList<>();
    private volatile int count;

    AlertWatcher(Map<String, Object> clientProperties) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions =
                consumer.partitionsFor(Topics.OUTAGE_ALERTS).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * Reads until {@code done} holds for the alerts so far, or the deadline passes.
     *
     * @return whether {@code done} held
     */
    boolean awaitUntil(Predicate<List<Alert>> done, long deadlineNanos) {
        while (!done.test(alerts)) {
            if (System.nanoTime() > deadlineNanos) {
                return false;
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                Parsed<Alert> parsed = AlertSerde.INSTANCE.parse(record.value());
                if (parsed.isOk()) {
                    alerts.add(parsed.value());
                    count = alerts.size();
                }
            }
        }
        return true;
    }

    List<Alert> alerts() {
        return List.copyOf(alerts);
    }

    /** How many alerts it has read so far; safe to ask from any thread. */
    int count() {
        return count;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
