package io.outagewatch.detection.functions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.JobID;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.clusterframework.types.ResourceID;
import org.apache.flink.runtime.executiongraph.ExecutionAttemptID;
import org.apache.flink.runtime.metrics.groups.TaskManagerMetricGroup;
import org.apache.flink.runtime.metrics.util.TestingMetricRegistry;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;

/**
 * A harness environment whose metric registry remembers every metric registered, with its name and
 * its key/value labels, so a test can check what an operator reports.
 */
public final class CapturedMetrics {

    /**
     * @param identifier the logical scope and the name, dot-separated, e.g. {@code
     *     taskmanager.job.task.operator.outagewatch.topic.recordsIn}
     */
    private record Registered(String identifier, Map<String, String> variables, Metric metric) {}

    private final List<Registered> registered = new ArrayList<>();
    private final MockEnvironment environment;

    public CapturedMetrics() {
        TestingMetricRegistry registry =
                TestingMetricRegistry.builder()
                        .setRegisterConsumer(
                                (metric, name, group) ->
                                        registered.add(
                                                new Registered(
                                                        group.getLogicalScope(s -> s, '.')
                                                                + "."
                                                                + name,
                                                        new HashMap<>(group.getAllVariables()),
                                                        metric)))
                        .build();
        environment =
                new MockEnvironmentBuilder()
                        .setMetricGroup(
                                TaskManagerMetricGroup.createTaskManagerMetricGroup(
                                                registry, "localhost", ResourceID.generate())
                                        .addJob(new JobID(), "test-job")
                                        .addTask(ExecutionAttemptID.randomId(), "test-task"))
                        .build();
    }

    public MockEnvironment environment() {
        return environment;
    }

    /**
     * The count of the counter whose identifier ends with {@code scopedName} (such as {@code
     * outagewatch.reason.deadLetters}) and whose label {@code label} is {@code value}.
     */
    public Optional<Long> counter(String scopedName, String label, String value) {
        return registered.stream()
                .filter(r -> r.identifier().endsWith("." + scopedName))
                .filter(r -> value.equals(r.variables().get("<" + label + ">")))
                .map(r -> ((Counter) r.metric()).getCount())
                .findFirst();
    }
}
