package io.outagewatch.demo;

import java.net.URI;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A Flink cluster inside this JVM with its web UI on a free loopback port, so the demo's job can be
 * watched in a browser while it runs.
 */
final class LocalFlinkCluster implements AutoCloseable {

    private final MiniCluster cluster;

    private LocalFlinkCluster(MiniCluster cluster) {
        this.cluster = cluster;
    }

    static LocalFlinkCluster start(int slots) throws Exception {
        Configuration config = new Configuration();
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

    URI webUi() throws Exception {
        return cluster.getRestAddress().get();
    }

    JobID submit(StreamExecutionEnvironment env) throws Exception {
        JobGraph job = env.getStreamGraph().getJobGraph();
        return cluster.submitJob(job).get().getJobID();
    }

    void cancel(JobID job) throws Exception {
        cluster.cancelJob(job).get();
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
