package io.outagewatch.detection.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.DetectionOptions;
import io.outagewatch.events.KafkaClientProperties;
import io.outagewatch.events.Topics;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

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
}
