package io.outagewatch.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCheckpointsTest {

    @TempDir Path parent;

    @Test
    void withoutADirectoryANewOneIsMadeUnderTheParent() {
        Configuration config = new Configuration();
        config.set(DetectionOptions.KAFKA_GROUP_ID, "kept");

        Configuration result = LocalCheckpoints.withDirectory(config, parent);

        Path directory =
                Path.of(URI.create(result.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)));
        assertThat(directory).isDirectory().hasParent(parent);
        assertThat(result.get(DetectionOptions.KAFKA_GROUP_ID)).isEqualTo("kept");
        assertThat(config.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isFalse();
    }

    @Test
    void aConfiguredDirectoryIsKept() {
        Configuration config = new Configuration();
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, "s3://bucket/checkpoints");

        assertThat(LocalCheckpoints.withDirectory(config, parent)).isSameAs(config);
        assertThat(parent).isEmptyDirectory();
    }
}
