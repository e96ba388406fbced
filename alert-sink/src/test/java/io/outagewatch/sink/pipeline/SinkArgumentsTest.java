package io.outagewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.events.KafkaEnvironment;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkArgumentsTest {

    @Test
    void theBrokersComeFromTheFlagElseTheEnvironmentLikeEveryOtherProcess() throws Exception {
        Map<String, String> env = Map.of(KafkaEnvironment.BOOTSTRAP_SERVERS, "kafka:9092");

        assertThat(SinkArguments.parse(new String[] {"--console"}).toConfig(env).bootstrapServers())
                .contains("kafka:9092");
        assertThat(
                        SinkArguments.parse(
                                        new String[] {"--console", "--bootstrap-servers", "b:1"})
                                .toConfig(env)
                                .bootstrapServers())
                .contains("b:1");
    }

    @Test
    void withoutBrokersOnlyAFileCanBeDelivered() throws Exception {
        SinkArguments arguments = SinkArguments.parse(new String[] {"--console"});

        assertThatThrownBy(() -> arguments.toConfig(Map.of()))
                .isInstanceOf(SinkConfigException.class)
                .hasMessageContaining(KafkaEnvironment.BOOTSTRAP_SERVERS);
    }
}
