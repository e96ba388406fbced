package io.outagewatch.detection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where {@code bin/outagewatch detect} keeps checkpoints when it runs the job on its own in-process
 * cluster and the configuration names no {@code execution.checkpointing.dir}. Flink's fallback is
 * the JobManager's memory, which refuses a checkpoint over 5 MB: on a busy stream every checkpoint
 * then fails and the exactly-once sinks never commit an alert (seen under the latency benchmark's
 * load). A cluster deployment sets its own directory, which every process must reach.
 */
final class LocalCheckpoints {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCheckpoints.class);

    private LocalCheckpoints() {}

    /**
     * {@code config} itself when it names a checkpoint directory; otherwise a copy naming a new
     * directory under {@code parent}.
     */
    static Configuration withDirectory(Configuration config, Path parent) {
        if (config.contains(CheckpointingOptions.CHECKPOINTS_DIRECTORY)) {
            return config;
        }
        Path directory;
        try {
            Files.createDirectories(parent);
            directory = Files.createTempDirectory(parent, "outagewatch-checkpoints-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a checkpoint directory in " + parent, e);
        }
        LOG.info(
                "no execution.checkpointing.dir configured: checkpoints go to {} (set it to keep"
                        + " them elsewhere)",
                directory);
        Configuration withDirectory = new Configuration(config);
        withDirectory.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory.toUri().toString());
        return withDirectory;
    }
}
