package io.outagewatch.detection.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.DetectionOptions;
import io.outagewatch.events.KafkaClientProperties;
import io.outagewatch.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaConnectionsTest {

    @Test
    void aZeroInputCheckTimeoutAsksNoBroker() {
        Configuration config = new Configuration();
        // An admin client refuses this address when it is created: only a check that is never
        // made gets past it.
        config.set(DetectionOptions.KAFKA_BOOTSTRAP_SERVERS, "no port here");

        assertThat(
                        KafkaConnections.inputsWithNothingToRead(
                                config,
                                KafkaClientProperties.none(),
                                List.of(Topics.STATUS_UPDATES),
                                Duration.ZERO))
                .isEmpty();
    }

    @Test
    void sinksBatchFullerUnlessThePropertiesFileSaysOtherwise(@TempDir Path dir)
            throws IOException {
        Properties defaults = KafkaConnections.sinkProducerProperties(KafkaClientProperties.none());
        assertThat(defaults)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "100")
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, "262144");

        Path file =
                Files.writeString(
                        dir.resolve("kafka.properties"), "linger.ms=5\nsecurity.protocol=SSL\n");
        Properties fromFile =
                KafkaConnections.sinkProducerProperties(KafkaClientProperties.load(file));

        assertThat(fromFile)
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "5")
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, "262144")
                .containsEntry("security.protocol", "SSL");
    }
}
