package io.outagewatch.sink.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class SecretsTest {
    private static final String VALUE = "s3cr3t-value-0123";

    private final Secrets secrets =
            new Secrets(Map.of("PD_KEY", "  " + VALUE + "\n", "BLANK", "  ")::get);

    @Test
    void readsTheEnvironmentTrimmed() {
        assertThat(secrets.fromEnv("PD_KEY")).isEqualTo(VALUE);
        assertThat(secrets.read("PD_KEY", null)).isEqualTo(VALUE);
        assertThatThrownBy(() -> secrets.fromEnv("MISSING"))
                .hasMessage("environment variable MISSING is not set");
        assertThatThrownBy(() -> secrets.fromEnv("BLANK"))
                .hasMessage("environment variable BLANK is blank");
    }

    @Test
    void readsAFileTrimmedWhenOneIsGiven(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("key");
        Files.writeString(file, VALUE + "\n");
        assertThat(secrets.fromFile(file)).isEqualTo(VALUE);
        assertThat(secrets.read("MISSING", file)).isEqualTo(VALUE);

        Path empty = dir.resolve("empty");
        Files.writeString(empty, "\n \n");
        assertThatThrownBy(() -> secrets.fromFile(empty)).hasMessageContaining("is empty");
        assertThatThrownBy(() -> secrets.fromFile(dir.resolve("nope")))
                .hasMessageContaining("cannot read secret file");

        Path big = dir.resolve("big");
        Files.write(
                big, (VALUE + "x".repeat(Secrets.MAX_FILE_BYTES)).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> secrets.fromFile(big))
                .hasMessageContaining("larger than")
                .hasMessageNotContaining(VALUE);

        Path binary = dir.resolve("binary");
        Files.write(binary, new byte[] {'z', 'q', '9', (byte) 0xff, 'r'});
        assertThatThrownBy(() -> secrets.fromFile(binary))
                .hasMessageContaining("not UTF-8")
                .hasMessageNotContaining("zq9");
    }
}
