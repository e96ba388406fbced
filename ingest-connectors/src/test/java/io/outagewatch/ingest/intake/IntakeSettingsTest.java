package io.outagewatch.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.ingest.cli.CommandLine;
import io.outagewatch.ingest.cli.CommandLine.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class IntakeSettingsTest {

    private static final String ENV_TOKEN = "env-0123456789abcdef";
    private static final Map<String, String> ENV = Map.of(IntakeSettings.TOKEN_ENV, ENV_TOKEN);

    @Test
    void defaultsListenOnLoopbackAndPublishToKafka() {
        IntakeSettings settings = settings(ENV);

        assertThat(settings.host()).isEqualTo("127.0.0.1");
        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(settings.maxItems()).isEqualTo(1000);
        assertThat(settings.ratePerSecond()).isEqualTo(10);
        assertThat(settings.burst()).isEqualTo(20);
        assertThat(settings.output()).isEqualTo(IntakeSettings.Output.KAFKA);
        assertThat(settings.bootstrapServers()).isEmpty();
        assertThat(settings.defaultSource()).isEqualTo("webhook");
        assertThat(settings.auth().clients()).containsExactly(BearerAuth.DEFAULT_CLIENT);
        assertThat(settings.auth().authenticate("Bearer " + ENV_TOKEN)).isPresent();
    }

    @Test
    void everyOptionIsReadAndNamedOnce() {
        IntakeSettings settings =
                settings(
                        ENV,
                        "--host=0.0.0.0",
                        "--port",
                        "0",
                        "--max-body-bytes",
                        "2048",
                        "--max-items",
                        "5",
                        "--rate",
                        "2.5",
                        "--burst",
                        "3",
                        "--output",
                        "kafka",
                        "--bootstrap-servers",
                        "127.0.0.1:19092",
                        "--default-source",
                        "zapier");

        assertThat(settings)
                .isEqualTo(
                        new IntakeSettings(
                                "0.0.0.0",
                                0,
                                settings.auth(),
                                2048,
                                5,
                                2.5,
                                3,
                                IntakeSettings.Output.KAFKA,
                                Optional.of("127.0.0.1:19092"),
                                "zapier"));
        assertThat(IntakeOption.names()).hasSize(IntakeOption.values().length);
        assertThat(Arrays.stream(IntakeOption.values()))
                .allSatisfy(
                        option ->
                                assertThat(IntakeMain.USAGE.replaceAll("\\s+", " "))
                                        .contains("--" + option.optionName() + " ")
                                        .contains("(default: " + option.defaultText() + ")"));
    }

    @Test
    void aTokenFileTakesPrecedenceOverTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("tokens"), "ci ci-0123456789abcdef\n");

        IntakeSettings settings = settings(ENV, "--token-file", file.toString());

        assertThat(settings.auth().clients()).containsExactly("ci");
        assertThat(settings.auth().authenticate("Bearer " + ENV_TOKEN)).isEmpty();
    }

    @Test
    void refusesToStartWithoutAToken() {
        assertThatThrownBy(() -> settings(Map.of()))
                .isInstanceOf(UsageException.class)
                .hasMessage(
                        "no token: give --token-file FILE or set OUTAGEWATCH_INTAKE_TOKEN;"
                                + " refusing to start");
        assertThatThrownBy(() -> settings(Map.of(IntakeSettings.TOKEN_ENV, " ")))
                .hasMessageContaining("no token");
        assertThatThrownBy(() -> settings(Map.of(IntakeSettings.TOKEN_ENV, "short")))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("shorter than 16 characters");
    }

    @Test
    void badValuesNameTheirOption() {
        assertThat(usageError("--port", "70000"))
                .isEqualTo("--port must be between 0 and 65535, got 70000");
        assertThat(usageError("--port", "99999999999"))
                .isEqualTo("--port is out of range: 99999999999");
        assertThat(usageError("--rate", "0")).isEqualTo("--rate must be positive, got 0.0");
        assertThat(usageError("--rate", "fast")).isEqualTo("--rate must be a number, got 'fast'");
        assertThat(usageError("--burst", "0")).isEqualTo("--burst must be at least 1, got 0");
        assertThat(usageError("--max-items", "0")).startsWith("--max-items must be between 1 and");
        assertThat(usageError("--max-body-bytes", "0"))
                .startsWith("--max-body-bytes must be between 1 and");
        assertThat(usageError("--output", "file"))
                .isEqualTo("--output must be one of kafka, stdout, got 'file'");
        assertThat(usageError("--output", "stdout", "--bootstrap-servers", "h:1"))
                .isEqualTo("--bootstrap-servers needs --output kafka");
        assertThat(usageError("--host", " ")).isEqualTo("--host is blank");
    }

    private static String usageError(String... args) {
        try {
            settings(ENV, args);
        } catch (UsageException e) {
            return e.getMessage();
        }
        throw new AssertionError("no usage error for " + Arrays.toString(args));
    }

    private static IntakeSettings settings(Map<String, String> env, String... args) {
        return IntakeSettings.from(
                CommandLine.parse(args, IntakeOption.names(), Set.of("help")), env);
    }
}
