package io.outagewatch.bench;

import io.outagewatch.detection.DetectionOptions;
import io.outagewatch.detection.LocalFlinkCluster;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.Topics;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;

/**
 * State per (service, region) pair: the live job (HashMap state backend, parallelism 1) reads a few
 * minutes of probes of K pairs from the embedded broker, then an outage of pair 0 whose
 * OUTAGE_STARTED shows that every earlier minute of every pair has been decided. Then a checkpoint
 * is taken; its bytes on disk, and the heap the running job holds beyond what the JVM held before
 * it started (after a full GC each time), are divided by K.
 */
final class KeyStateSweep {

    static final int VANTAGES = 3;

    /** Ordinary minutes of every pair before the outage of pair 0. */
    static final int MINUTES = 3;

    /** Long enough to confirm it, and for the watermark to pass the confirming minute. */
    static final Duration OUTAGE_LENGTH = Duration.ofMinutes(4);

    static final Duration OUTAGE_PROBE_EVERY = Duration.ofSeconds(10);
    static final Instant START = ThroughputBench.START;
    static final Duration IDLENESS = Duration.ofSeconds(5);
    static final Duration TIMEOUT = Duration.ofMinutes(15);

    /** A checkpoint is removed only after this many newer ones, so it can be measured on disk. */
    static final int RETAINED_CHECKPOINTS = 3;

    /** One sweep point. */
    record Point(int keys, long events, long stateBytes, long heapBytes) {
        double stateBytesPerKey() {
            return (double) stateBytes / keys;
        }

        double heapBytesPerKey() {
            return (double) heapBytes / keys;
        }
    }

    private KeyStateSweep() {}

    static Point measure(int keys, Path workDir, PhaseProgress progress) throws Exception {
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.startDefault();
                LocalFlinkCluster flink = LocalFlinkCluster.start(1);
                AlertFeed alerts = prepare(kafka)) {
            long events = produce(kafka, keys, progress);
            Configuration config = LiveJob.config(kafka, workDir, "state-" + keys);
            config.set(DetectionOptions.IDLENESS, IDLENESS);
            config.set(StateBackendOptions.STATE_BACKEND, "hashmap");
            config.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, RETAINED_CHECKPOINTS);
            long heapBefore = usedHeapAfterGc();
            JobID job = flink.submit(LiveJob.environment(config, 1));
            progress.step("job running until every minute is decided");
            awaitOutageOfPairZero(alerts);
            progress.step("checkpoint");
            Path checkpoint = Path.of(URI.create(flink.checkpoint(job)));
            long stateBytes = bytesUnder(checkpoint);
            long heapBytes = usedHeapAfterGc() - heapBefore;
            flink.cancel(job);
            return new Point(keys, events, stateBytes, heapBytes);
        }
    }

    private static AlertFeed prepare(EmbeddedKafkaBroker kafka) {
        kafka.createTopics(1, Topics.ALL.toArray(String[]::new));
        return new AlertFeed(kafka);
    }

    /** Writes the probes; they are garbage before the job starts. */
    private static long produce(EmbeddedKafkaBroker kafka, int keys, PhaseProgress progress) {
        SyntheticTraffic traffic = new SyntheticTraffic(VANTAGES, keys);
        SyntheticTraffic.Lines ordinary =
                traffic.generate(keys, (long) keys * VANTAGES * MINUTES, 0, START);
        PackedLines outage =
                traffic.outage(
                        0,
                        START.plus(Duration.ofMinutes(MINUTES)),
                        OUTAGE_LENGTH,
                        OUTAGE_PROBE_EVERY);
        progress.step("producing", ordinary.events() + outage.size(), "probes");
        LiveJob.produce(kafka, Topics.PROBE_RESULTS, progress, ordinary.probes(), outage);
        return ordinary.events() + outage.size();
    }

    private static void awaitOutageOfPairZero(AlertFeed alerts) {
        String service = SyntheticTraffic.service(0);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Alert alert : alerts.poll(Duration.ofMillis(200))) {
                if (alert.type() == AlertType.OUTAGE_STARTED && alert.service().equals(service)) {
                    return;
                }
            }
        }
        throw new IllegalStateException("no OUTAGE_STARTED for " + service + " within " + TIMEOUT);
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long bytesUnder(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(
                            file -> {
                                try {
                                    return Files.size(file);
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            })
                    .sum();
        }
    }
}
