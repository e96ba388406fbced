package io.outagewatch.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.detection.replay.ReplayArguments;
import io.outagewatch.detection.replay.ReplayMain;
import io.outagewatch.events.Timestamps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.OperatorIDPair;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A savepoint finds each operator's state by the operator id, which Flink hashes from the
 * operator's {@code uid}. These tests build the live and the replay job without running them and
 * check that every operator has a uid, that the uids are unique, and that the live job's uids are
 * the ones earlier versions wrote savepoints under.
 */
class OperatorUidsTest {

    /**
     * The live job's uids as released. Savepoints of a deployed job hold state under these; one
     * that disappears from the job leaves that state behind.
     */
    static final Set<String> LIVE_UIDS =
            Set.of(
                    "source-probe-results",
                    "source-social-reports",
                    "source-status-updates",
                    "route-probe-results",
                    "route-social-reports",
                    "route-status-updates",
                    "probe-fields",
                    "vantage-minutes",
                    "complaints",
                    "outage-detector",
                    "related-incidents",
                    "sink-outage-alerts",
                    "sink-dead-letters",
                    "sink-vantage-health",
                    "sink-service-signals",
                    "Sink Committer: sink-outage-alerts",
                    "Sink Committer: sink-dead-letters",
                    "Sink Committer: sink-vantage-health",
                    "Sink Committer: sink-service-signals");

    private static final Path OPERATIONS_DOC = Path.of("../docs/operations.md");

    @Test
    void everyLiveOperatorHasAUniqueUid() {
        StreamGraph graph = liveGraph();

        assertThat(withoutUid(graph)).as("live job operators without a uid").isEmpty();
        assertThat(uids(graph)).as("live job uids").doesNotHaveDuplicates();
    }

    @Test
    void liveUidsAreTheReleasedOnesSoSavepointsRestore() {
        Set<String> uids = new TreeSet<>(uids(liveGraph()));
        Set<String> gone = new TreeSet<>(LIVE_UIDS);
        gone.removeAll(uids);
        Set<String> added = new TreeSet<>(uids);
        added.removeAll(LIVE_UIDS);

        assertThat(gone)
                .as(
                        "uids no longer in the live job: savepoints of the previous version would"
                                + " no longer restore their state (docs/operations.md, Savepoints"
                                + " and upgrades). Keep the old uid, or write a migration note and"
                                + " update LIVE_UIDS")
                .isEmpty();
        assertThat(added)
                .as(
                        "new uids in the live job: add them to LIVE_UIDS and to the uid table in"
                                + " docs/operations.md, then keep them")
                .isEmpty();
    }

    @Test
    void liveOperatorIdsComeFromTheUidsAlone() {
        JobGraph job = liveGraph().getJobGraph();
        Set<OperatorID> operatorIds = new HashSet<>();
        for (JobVertex vertex : job.getVertices()) {
            for (OperatorIDPair pair : vertex.getOperatorIDs()) {
                operatorIds.add(pair.getGeneratedOperatorID());
            }
        }
        Set<OperatorID> fromUids =
                LIVE_UIDS.stream()
                        .map(uid -> OperatorIdentifier.forUid(uid).getOperatorId())
                        .collect(Collectors.toSet());

        assertThat(operatorIds).isEqualTo(fromUids);
    }

    @Test
    void liveJobHasAFixedMaxParallelism() {
        JobGraph job = liveGraph().getJobGraph();

        assertThat(job.getVertices())
                .extracting(JobVertex::getMaxParallelism)
                .containsOnly(DetectionOptions.MAX_PARALLELISM.defaultValue());
    }

    @Test
    void everyLiveUidIsInTheOperationsDoc() throws IOException {
        String doc = Files.readString(OPERATIONS_DOC);

        assertThat(LIVE_UIDS).allSatisfy(uid -> assertThat(doc).contains("`" + uid + "`"));
    }

    @Test
    void everyReplayOperatorHasAUniqueUid(@TempDir Path dir) throws IOException {
        StreamGraph graph = replayGraph(dir);

        assertThat(withoutUid(graph)).as("replay job operators without a uid").isEmpty();
        assertThat(uids(graph)).as("replay job uids").doesNotHaveDuplicates();
        // The replay runs the live job's pipeline: its operators keep the same uids there.
        assertThat(uids(graph)).contains("vantage-minutes", "complaints", "outage-detector");
    }

    private static StreamGraph liveGraph() {
        Configuration config = new Configuration();
        // Building the graph does not connect; nothing listens here.
        config.set(DetectionOptions.KAFKA_BOOTSTRAP_SERVERS, "127.0.0.1:9");
        // Nor asks which inputs are empty: that would wait its timeout for the broker each time.
        config.set(DetectionOptions.INPUT_CHECK_TIMEOUT, Duration.ZERO);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        DetectionJob.build(env, config);
        return env.getStreamGraph();
    }

    private static StreamGraph replayGraph(Path dir) throws IOException {
        Path probes = Files.writeString(dir.resolve("probes.jsonl"), "");
        ReplayArguments arguments =
                new ReplayArguments(
                        Optional.of(probes),
                        Optional.empty(),
                        Optional.empty(),
                        dir.resolve("catalog.json"),
                        dir.resolve("alerts.jsonl"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ReplayMain.build(
                env,
                arguments,
                DetectionSettings.from(
                        new Configuration(),
                        EventTimeWatermarks.Emission.PER_RECORD,
                        Timestamps.EARLIEST),
                dir,
                new HashMap<>(),
                "uids-test-counts-nothing");
        return env.getStreamGraph();
    }

    private static List<String> withoutUid(StreamGraph graph) {
        return graph.getStreamNodes().stream()
                .filter(node -> node.getTransformationUID() == null)
                .map(StreamNode::getOperatorName)
                .sorted()
                .toList();
    }

    private static List<String> uids(StreamGraph graph) {
        List<String> uids = new ArrayList<>();
        for (StreamNode node : graph.getStreamNodes()) {
            if (node.getTransformationUID() != null) {
                uids.add(node.getTransformationUID());
            }
        }
        return uids;
    }
}
