package io.outagewatch.bench;

import io.outagewatch.detection.DetectionOptions;
import io.outagewatch.detection.LocalFlinkCluster;
import io.outagewatch.events.Topics;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.admin.Admin;

/**
 * Kafka to job to Kafka: the lines are written to the embedded broker first, then the live job
 * (exactly-once sinks, parallelism 1, one partition per topic) reads them. The run is timed from
 * the job's first committed consumer offsets (they move only when a checkpoint has completed and
 * its output transactions are committed) to the completion of a checkpoint triggered as soon as the
 * sources have read the last line: its barrier follows that line through every operator, so by then
 * every line has been processed and what it produced is committed. Triggered, not the next periodic
 * one: waiting for that would end each run with up to an interval of nothing to do, a different
 * share of each run. The job is submitted once the JIT has gone quiet after the broker's start and
 * the writing of the lines ({@link CompilerQuiet}), as in process.
 *
 * <p>The end is not the commit of the last offsets: the Kafka source commits them from its fetch
 * thread, which, once a partition has nothing more to read, waits in a consumer poll of 10 s (the
 * connector's fixed {@code POLL_TIMEOUT}) before it runs the commit. Timed that way, a bounded run
 * ends with up to 10 s in which the job has nothing to do.
 */
final class KafkaEndToEnd {

    /**
     * Shorter than the job's default (10 s) so that commit steps are small against the run; the
     * rate includes the cost of committing this often.
     */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);

    /**
     * Shorter than the job's default (1 min), as it was while the empty status-updates topic held
     * the watermark for the idleness. It no longer does (it has nothing to read when the job
     * starts, so its partition starts idle), and the probe and report partitions have records
     * throughout the timed part of a run; kept so runs compare with the earlier ones.
     */
    static final Duration IDLENESS = Duration.ofSeconds(5);

    static final Duration POLL = Duration.ofMillis(50);
    static final Duration TIMEOUT = Duration.ofMinutes(20);

    private KafkaEndToEnd() {}

    /**
     * One run on a new broker, with the job on {@code flink}: a cluster started with {@link
     * LiveGauges#CONFIG} and no other job running.
     */
    static double eventsPerSecond(
            LocalFlinkCluster flink,
            SyntheticTraffic.Lines lines,
            Path workDir,
            PhaseProgress progress)
            throws Exception {
        List<String> inputs = List.of(Topics.PROBE_RESULTS, Topics.SOCIAL_REPORTS);
        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.startDefault();
                Admin admin = kafka.admin()) {
            kafka.createTopics(1, Topics.ALL.toArray(String[]::new));
            progress.step("producing", lines.events(), "records");
            LiveJob.produce(kafka, Topics.PROBE_RESULTS, progress, lines.probes());
            LiveJob.produce(kafka, Topics.SOCIAL_REPORTS, progress, lines.reports());
            Configuration config = LiveJob.config(kafka, workDir, "e2e");
            config.set(DetectionOptions.CHECKPOINT_INTERVAL, CHECKPOINT_INTERVAL);
            config.set(DetectionOptions.IDLENESS, IDLENESS);
            String group = config.get(DetectionOptions.KAFKA_GROUP_ID);
            long total = lines.events();
            // The broker's start and the writing of the lines leave the JIT busy for a while.
            CompilerQuiet.await(
                    InProcessPipeline.COMPILER_QUIET, InProcessPipeline.COMPILER_QUIET_AT_MOST);
            long submitted = System.nanoTime();
            JobID job = flink.submit(LiveJob.environment(config, 1));
            progress.step("job running", total, "input records committed");
            long deadline = submitted + TIMEOUT.toNanos();
            long firstCommitted = -1;
            long firstNanos = 0;
            while (true) {
                long committed = LiveJob.committedOffsets(admin, group, inputs);
                progress.set(Math.max(committed, 0));
                long now = System.nanoTime();
                if (firstCommitted < 0 && committed > 0) {
                    firstCommitted = committed;
                    firstNanos = now;
                }
                if (firstCommitted >= 0 && LiveGauges.recordsRead() >= total) {
                    // Waits for any checkpoint in flight, then for this one.
                    flink.checkpoint(job);
                    now = System.nanoTime();
                    progress.set(total);
                    flink.cancel(job);
                    // A run so short that one commit took everything is timed from submission.
                    return firstCommitted < total
                            ? (total - firstCommitted) * 1e9 / (now - firstNanos)
                            : total * 1e9 / (now - submitted);
                }
                if (now > deadline) {
                    throw new IllegalStateException(
                            "the job read "
                                    + LiveGauges.recordsRead()
                                    + " and committed "
                                    + committed
                                    + " of "
                                    + total
                                    + " input records within "
                                    + TIMEOUT);
                }
                LockSupport.parkNanos(POLL.toNanos());
            }
        }
    }
}
