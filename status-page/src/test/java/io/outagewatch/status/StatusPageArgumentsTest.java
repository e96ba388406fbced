package io.outagewatch.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.events.KafkaEnvironment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusPageArgumentsTest {

    @Test
    void defaults() throws Exception {
        StatusPageArguments arguments = StatusPageArguments.parse(new String[0], Map.of());

        assertThat(arguments.bind()).isEqualTo("127.0.0.1");
        assertThat(arguments.port()).isEqualTo(8090);
        assertThat(arguments.window()).isEqualTo(Duration.ofHours(48));
        assertThat(arguments.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(arguments.historyDb()).isEqualTo("jdbc:sqlite:outagewatch-data/history.db");
        assertThat(arguments.catalog()).isEmpty();
    }

    @Test
    void flagsAndTheEnvironmentOverrideTheDefaults() throws Exception {
        StatusPageArguments fromEnv =
                StatusPageArguments.parse(
                        new String[0], Map.of(KafkaEnvironment.BOOTSTRAP_SERVERS, "kafka:9092"));
        StatusPageArguments fromFlags =
                StatusPageArguments.parse(
                        new String[] {
                            "--port",
                            "0",
                            "--window",
                            "6h",
                            "--bootstrap-servers",
                            "127.0.0.1:19092",
                            "--db",
                            "jdbc:sqlite:/tmp/h.db"
                        },
                        Map.of(KafkaEnvironment.BOOTSTRAP_SERVERS, "kafka:9092"));

        assertThat(fromEnv.bootstrapServers()).isEqualTo("kafka:9092");
        assertThat(fromFlags.port()).isZero();
        assertThat(fromFlags.window()).isEqualTo(Duration.ofHours(6));
        assertThat(fromFlags.bootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(fromFlags.historyDb()).isEqualTo("jdbc:sqlite:/tmp/h.db");
    }

    @Test
    void badValuesAreNamed() {
        assertThatThrownBy(() -> parse("--port", "70000"))
                .hasMessageContaining("--port must be 0 to 65535");
        assertThatThrownBy(() -> parse("--port", "x"))
                .hasMessageContaining("--port must be a number");
        assertThatThrownBy(() -> parse("--window", "400h")).hasMessageContaining("at most 336h");
        assertThatThrownBy(() -> parse("--window", "soon")).hasMessageContaining("--window");
        assertThatThrownBy(() -> parse("--catalog", "/no/such/file"))
                .hasMessageContaining("cannot read --catalog");
        assertThatThrownBy(() -> parse("--colour"))
                .hasMessageContaining("missing value after --colour");
        assertThatThrownBy(() -> parse("--colour", "red"))
                .hasMessageContaining("unknown option --colour");
    }

    private static StatusPageArguments parse(String... args) throws Exception {
        return StatusPageArguments.parse(args, Map.of());
    }
}
