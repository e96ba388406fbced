package io.outagewatch.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectionOptionsTest {

    private static final Path DETECTION_DOC = Path.of("../docs/detection.md");
    private static final Path CONFIGURATION_DOC = Path.of("../docs/configuration.md");

    @Test
    void keysAreUniqueAndDescribed() {
        assertThat(DetectionOptions.all()).hasSizeGreaterThan(10);
        assertThat(DetectionOptions.all()).extracting(ConfigOption::key).doesNotHaveDuplicates();
        assertThat(DetectionOptions.all())
                .allSatisfy(o -> assertThat(o.description().toString()).isNotBlank());
    }

    @Test
    void everyKeyIsDocumentedWithItsDefault() throws IOException {
        for (Path page : List.of(DETECTION_DOC, CONFIGURATION_DOC)) {
            String doc = Files.readString(page);
            for (ConfigOption<?> option : DetectionOptions.all()) {
                assertThat(doc)
                        .as(page + " " + option.key())
                        .contains("| `" + option.key() + "` |");
            }
        }
    }

    @Test
    void transactionTimeoutStaysBelowTheBrokersDefaultMaximum() {
        Duration brokerDefaultMax = Duration.ofMinutes(15);
        assertThat(DetectionOptions.KAFKA_TRANSACTION_TIMEOUT.defaultValue())
                .isLessThan(brokerDefaultMax);
    }

    @Test
    void configFileFlattensNestedKeysAndOverridesDefaults(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("detect.yaml");
        Files.writeString(
                file,
                "outagewatch:\n  incident:\n    merge-gap: 5 min\n"
                        + "outagewatch.watermark.out-of-orderness: 10 s\n");

        Configuration config = ConfigFiles.load(file);

        assertThat(config.get(DetectionOptions.MERGE_GAP)).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.get(DetectionOptions.OUT_OF_ORDERNESS)).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.get(DetectionOptions.UPDATE_EVERY)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void unknownOwnKeyFailsNamingTheKey() {
        assertThatThrownBy(
                        () ->
                                ConfigFiles.fromMap(
                                        Map.of("outagewatch.incident.mergegap", "5 min"), "test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown setting 'outagewatch.incident.mergegap'");
    }

    @Test
    void badValueFailsNamingTheKey() {
        assertThatThrownBy(
                        () ->
                                ConfigFiles.fromMap(
                                        Map.of("outagewatch.incident.merge-gap", "soon"), "test"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outagewatch.incident.merge-gap");
    }
}
