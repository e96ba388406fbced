package io.outagewatch.detection;

import java.net.URI;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * A Flink cluster inside this JVM, its REST endpoint and web UI on a free loopback port, for the
 * programs that run the live job in-process: the demo, so its job can be watched in a browser, and
 * the benchmarks, which trigger checkpoints through it and run their in-process jobs on one
 * cluster.
 */
public final class LocalFlinkCluster implements AutoCloseable {

    private final MiniCluster cluster;

    private LocalFlinkCluster(MiniCluster cluster) {
        this.cluster = cluster;
    }

    /** One TaskManager with {@code slots} slots. */
    public static LocalFlinkCluster start(int slots) throws Exception {
        return start(slots, new Configuration());
    }

    /**
     * One TaskManager with {@code slots} slots and the given cluster settings (a metric reporter,
     * say); the REST endpoint stays on a free loopback port.
     */
    public static LocalFlinkCluster start(int slots, Configuration settings) throws Exception {
        Configuration config = new Configuration(settings);
        config.set(RestOptions.ADDRESS, "127.0.0.1");
        config.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        config.set(RestOptions.BIND_PORT, "0");
        MiniCluster cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(config)
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(slots)
                                .build());
        cluster.start();
        return new LocalFlinkCluster(cluster);
    }

    public URI webUi() throws Exception {
        return cluster.getRestAddress().get();
    }

    /** Runs the job built in {@code env} to its end (a bounded job), under {@code name}. */
    public void runToEnd(StreamExecutionEnvironment env, String name) throws Exception {
        StreamGraph job = env.getStreamGraph();
        job.setJobName(name);
        cluster.executeJobBlocking(job.getJobGraph());
    }

    public JobID submit(StreamExecutionEnvironment env) throws Exception {
        return cluster.submitJob(env.getStreamGraph().getJobGraph()).get().getJobID();
    }

    /** Takes a checkpoint now and returns where it was written. */
    public String checkpoint(JobID job) throws Exception {
        return cluster.triggerCheckpoint(job).get();
    }

    /** Cancels the job and returns once it has ended, its tasks and their metrics gone. */
    public void cancel(JobID job) throws Exception {
        cluster.cancelJob(job).get();
        cluster.requestJobResult(job).get();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
