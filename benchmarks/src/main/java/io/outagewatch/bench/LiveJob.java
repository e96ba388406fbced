package io.outagewatch.bench;

import io.outagewatch.detection.DetectionJob;
import io.outagewatch.detection.DetectionOptions;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import io.outagewatch.scenario.Scenarios;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The live job ({@link DetectionJob}) on the embedded broker, and the Kafka chores around it. */
final class LiveJob {

    private LiveJob() {}

    /**
     * The job's default configuration pointed at the broker and the scenario catalog, with a
     * consumer group and transactional ids of its own, and checkpoints in a directory as a
     * deployment has them (docker-compose.yml): without one, Flink keeps checkpoints in the job
     * manager's memory, which refuses state over 5 MB, and a loaded job fails every checkpoint.
     */
    static Configuration config(EmbeddedKafkaBroker kafka, Path workDir, String runId)
            throws IOException {
        Path catalog = workDir.resolve("catalog.json");
        Files.writeString(catalog, Scenarios.catalogJson());
        Configuration config = new Configuration();
        config.set(DetectionOptions.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        config.set(DetectionOptions.CATALOG, catalog.toString());
        config.set(DetectionOptions.KAFKA_GROUP_ID, "bench-" + runId);
        config.set(DetectionOptions.KAFKA_TRANSACTIONAL_ID_PREFIX, "bench-" + runId);
        Path checkpoints = workDir.resolve("checkpoints-" + runId);
        Files.createDirectories(checkpoints);
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        return config;
    }

    /** The live job's topology on an environment of the given parallelism. */
    static StreamExecutionEnvironment environment(Configuration config, int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        DetectionJob.build(env, config);
        return env;
    }

    static KafkaProducer<byte[], byte[]> producer(EmbeddedKafkaBroker kafka) {
        Map<String, Object> props = kafka.clientProperties();
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Writes the lines to a topic, unkeyed, adding each to {@code progress} as it is handed over,
     * and waits until the broker has them all.
     *
     * @throws IllegalStateException if the broker refused a line: a run missing lines would wait
     *     for them until its timeout
     */
    static void produce(
            EmbeddedKafkaBroker kafka, String topic, PhaseProgress progress, PackedLines... lines) {
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        Callback failures =
                (metadata, failure) -> {
                    if (failure != null) {
                        firstFailure.compareAndSet(null, failure);
                    }
                };
        try (KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
            for (PackedLines part : lines) {
                for (int i = 0; i < part.size(); i++) {
                    producer.send(new ProducerRecord<>(topic, part.payload(i)), failures);
                    progress.add(1);
                }
            }
            producer.flush();
        }
        if (firstFailure.get() != null) {
            throw new IllegalStateException(
                    "the broker did not take every line of " + topic, firstFailure.get());
        }
    }

    /** The offsets the job's consumer group has committed, summed over the given topics. */
    static long committedOffsets(Admin admin, String group, Collection<String> topics)
            throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(30, TimeUnit.SECONDS);
        long sum = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : offsets.entrySet()) {
            if (entry.getValue() != null && topics.contains(entry.getKey().topic())) {
                sum += entry.getValue().offset();
            }
        }
        return sum;
    }
}
