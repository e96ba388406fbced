package io.outagewatch.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientPropertiesTest {

    private static final String PASSWORD = "s3cret-pa55word-never-shown";
    private static final String JAAS =
            "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"alice\""
                    + " password=\""
                    + PASSWORD
                    + "\";";

    @Test
    void readsSecuritySettingsFromAPropertiesFile(@TempDir Path dir) throws Exception {
        Path file = saslFile(dir);

        KafkaClientProperties properties = KafkaClientProperties.load(file);

        assertThat(properties.asMap())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.truststore.password", PASSWORD);
    }

    @Test
    void theExplicitFileWinsOverTheEnvironmentWhichWinsOverNone(@TempDir Path dir)
            throws Exception {
        Path fromEnv = Files.writeString(dir.resolve("env.properties"), "client.rack=env\n");
        Path explicit = Files.writeString(dir.resolve("cli.properties"), "client.rack=cli\n");
        Map<String, String> env = Map.of(KafkaEnvironment.PROPERTIES_FILE, fromEnv.toString());

        assertThat(KafkaClientProperties.resolve(Optional.of(explicit.toString()), env).asMap())
                .containsEntry("client.rack", "cli");
        assertThat(KafkaClientProperties.resolve(Optional.empty(), env).asMap())
                .containsEntry("client.rack", "env");
        assertThat(KafkaClientProperties.resolve(Optional.empty(), Map.of()).asMap()).isEmpty();
    }

    @Test
    void neverShowsValuesInTextOrErrors(@TempDir Path dir) throws Exception {
        KafkaClientProperties properties = KafkaClientProperties.load(saslFile(dir));

        assertThat(properties.toString())
                .contains("sasl.jaas.config", "ssl.truststore.password")
                .doesNotContain(PASSWORD);
        assertThatThrownBy(() -> properties.mergedWith(Map.of("sasl.jaas.config", "own")))
                .hasMessageContaining("sets 'sasl.jaas.config', which OutageWatch sets itself")
                .hasMessageNotContaining(PASSWORD);
    }

    @Test
    void aMalformedFileIsRefusedWithoutQuotingIt(@TempDir Path dir) throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("bad.properties"), "sasl.jaas.config=\\u12" + PASSWORD);

        assertThatThrownBy(() -> KafkaClientProperties.load(file))
                .hasMessageContaining("cannot read Kafka properties file " + file)
                .hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(() -> KafkaClientProperties.load(dir.resolve("missing.properties")))
                .hasMessageContaining("missing.properties");
    }

    @Test
    void mergesTheClientsOwnSettingsAndRefusesAKeyBothSet(@TempDir Path dir) throws Exception {
        KafkaClientProperties properties = KafkaClientProperties.load(saslFile(dir));

        assertThat(properties.mergedWith(Map.of("bootstrap.servers", "127.0.0.1:9092")))
                .containsEntry("bootstrap.servers", "127.0.0.1:9092")
                .containsEntry("security.protocol", "SASL_SSL");
        Path withBootstrap =
                Files.writeString(
                        dir.resolve("b.properties"), "bootstrap.servers=elsewhere:9092\n");
        assertThatThrownBy(
                        () ->
                                KafkaClientProperties.load(withBootstrap)
                                        .mergedWith(Map.of("bootstrap.servers", "x:1")))
                .hasMessageContaining("'bootstrap.servers'")
                .hasMessageContaining("bootstrap servers have their own option");
    }

    private static Path saslFile(Path dir) throws Exception {
        return Files.writeString(
                dir.resolve("client.properties"),
                "# credentials for the cluster\n"
                        + "security.protocol=SASL_SSL\n"
                        + "sasl.mechanism=PLAIN\n"
                        + "sasl.jaas.config="
                        + JAAS
                        + "\n"
                        + "ssl.truststore.location=/etc/kafka/truststore.jks\n"
                        + "ssl.truststore.password="
                        + PASSWORD
                        + "\n");
    }
}
