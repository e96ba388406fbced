package io.outagewatch.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.outagewatch.events.Alert;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.kafka.Await;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import io.outagewatch.scenario.Scenario;
import io.outagewatch.scenario.Scenarios;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.types.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live job, on two TaskManagers with checkpoints every second, is broken again and again while
 * it works through a scenario: operator failures at random records and TaskManagers stopped and
 * replaced. A read_committed consumer must still see exactly the alerts of an undisturbed run (the
 * deterministic replay, which {@link DetectionJobITCase} shows the undisturbed live job equals):
 * none lost, none duplicated, the same incident ids and durations.
 *
 * <p>The fault points are drawn from a printed seed; rerun one with {@code
 * -Doutagewatch.faults.seed=N}. {@code -Doutagewatch.long=true} runs the longer ChatGPT scenario
 * with more faults; by default it runs {@link LiveJobSupport#shortScenario()}.
 */
class ExactlyOnceUnderFailuresITCase {

    private static final boolean LONG = Boolean.getBoolean("outagewatch.long");
    private static final String LONG_SCENARIO = "chatgpt-2023-11-08";
    private static final int FAULTS = LONG ? 30 : 12;

    /** Every this many faults, one is a TaskManager stopped and replaced. */
    private static final int TASK_MANAGER_EVERY = 3;

    private static final int TASK_MANAGERS = 2;
    private static final int PARALLELISM = 2;

    /** Inputs the injector sits on: probes, reports and status updates. */
    private static final int INJECTED_INPUTS = 3;

    private static final Duration CHECKPOINTS = Duration.ofSeconds(1);

    /**
     * Idleness is processing time; a restart or a loaded machine must not make a partition with
     * records look idle, or the watermark would run ahead of it.
     */
    private static final Duration IDLENESS = Duration.ofSeconds(30);

    private static final Duration RESTART_DELAY = Duration.ofMillis(200);
    private static final Duration FAULT_DEADLINE = Duration.ofMinutes(2);
    private static final Duration OUTPUT_DEADLINE = Duration.ofMinutes(LONG ? 10 : 3);

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    // One slot each, so every attempt of the job spans both TaskManagers and
                    // stopping either one breaks it.
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(TASK_MANAGERS)
                            .setNumberSlotsPerTaskManager(PARALLELISM / TASK_MANAGERS)
                            .build());

    private EmbeddedKafkaBroker kafka;

    @TempDir Path work;

    @BeforeEach
    void startBroker() {
        kafka = EmbeddedKafkaBroker.startDefault();
        kafka.createOutageWatchTopics(PARALLELISM);
        FailureInjector.reset();
    }

    @AfterEach
    void stopBroker() {
        kafka.close();
    }

    @Test
    void alertsAreExactlyThoseOfAnUndisturbedRunDespiteFailures(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        long seed = Long.getLong("outagewatch.faults.seed", System.nanoTime());
        Scenario scenario = LONG ? Scenarios.named(LONG_SCENARIO) : LiveJobSupport.shortScenario();
        System.out.printf(
                "ExactlyOnceUnderFailuresITCase: scenario %s (%d probes), %d faults, seed %d%n",
                scenario.name(), scenario.probes().size(), FAULTS, seed);
        Path replay = work.resolve("replay");
        List<Alert> expected = LiveJobSupport.replayAlerts(scenario, replay);
        assertThat(expected).extracting(Alert::durationSeconds).anyMatch(d -> d != null);
        List<LiveJobSupport.Input> inputs = LiveJobSupport.allInputs(scenario);
        LiveJobSupport.produce(kafka, inputs);
        List<Fault> faults = plan(new Random(seed), inputs.size());
        System.out.println("ExactlyOnceUnderFailuresITCase: plan " + faults);

        Configuration config = LiveJobSupport.liveConfig(kafka, replay, CHECKPOINTS, IDLENESS);
        Configuration restarts = new Configuration();
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, FAULTS * 3);
        restarts.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, RESTART_DELAY);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(restarts);
        env.setParallelism(PARALLELISM);
        DetectionJob.build(env, config, withFailureInjectors());

        long started = System.nanoTime();
        JobClient job = env.executeAsync("exactly-once-under-failures");
        try {
            List<Integer> runningTaskManagers = new ArrayList<>(List.of(0, 1));
            int nextTaskManager = TASK_MANAGERS;
            for (Fault fault : faults) {
                Await.until(
                        "record " + fault.atRecord() + " reaches the injectors",
                        FAULT_DEADLINE,
                        () -> FailureInjector.RECORDS.get() >= fault.atRecord());
                int attemptsBefore = FailureInjector.OPENED.get();
                if (fault.kind() == FaultKind.TASK_MANAGER) {
                    cluster.terminateTaskManager(runningTaskManagers.remove(0))
                            .get(FAULT_DEADLINE.toSeconds(), TimeUnit.SECONDS);
                    cluster.startTaskManager();
                    runningTaskManagers.add(nextTaskManager++);
                } else {
                    FailureInjector.ARMED.set(true);
                }
                // The fault took effect when every injector of a new attempt has opened and the
                // new attempt has moved records again.
                Await.until(
                        "the job restarts after " + fault,
                        FAULT_DEADLINE,
                        () ->
                                FailureInjector.OPENED.get()
                                        >= attemptsBefore + INJECTED_INPUTS * PARALLELISM);
                long recordsAfterRestart = FailureInjector.RECORDS.get();
                Await.until(
                        "records flow again after " + fault,
                        FAULT_DEADLINE,
                        () -> FailureInjector.RECORDS.get() > recordsAfterRestart);
            }
            List<Alert> alerts = LiveJobSupport.readAlerts(kafka, expected.size(), OUTPUT_DEADLINE);
            System.out.printf(
                    "ExactlyOnceUnderFailuresITCase: %d faults, %d failures thrown, %d records"
                            + " through the injectors (%d produced), %d alerts after %d s%n",
                    faults.size(),
                    FailureInjector.THROWN.get(),
                    FailureInjector.RECORDS.get(),
                    inputs.size(),
                    alerts.size(),
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));

            List<DeadLetter> deadLetters = LiveJobSupport.readDeadLetters(kafka);

            assertThat(job.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
            assertThat(deadLetters)
                    .as("%d dead letters", deadLetters.size())
                    .extracting(DeadLetter::reason)
                    .isEmpty();
            assertThat(FailureInjector.THROWN.get())
                    .isEqualTo(faults.stream().filter(f -> f.kind() == FaultKind.TASK).count());
            assertThat(alerts).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(alerts)
                    .extracting(Alert::incidentId, Alert::type, Alert::version)
                    .doesNotHaveDuplicates();
            assertThat(alerts)
                    .extracting(Alert::incidentId, Alert::durationSeconds)
                    .containsExactlyInAnyOrderElementsOf(
                            expected.stream()
                                    .map(a -> tuple(a.incidentId(), a.durationSeconds()))
                                    .toList());
        } finally {
            job.cancel().get();
        }
    }

    /**
     * Faults at random record counts, each gap between half and all of an even share, so the last
     * one comes before the scenario's end; a restart reads the records since the last checkpoint
     * again, which only moves the faults earlier in the scenario.
     */
    private static List<Fault> plan(Random random, int records) {
        List<FaultKind> kinds = new ArrayList<>();
        for (int i = 0; i < FAULTS; i++) {
            kinds.add(i % TASK_MANAGER_EVERY == 0 ? FaultKind.TASK_MANAGER : FaultKind.TASK);
        }
        Collections.shuffle(kinds, random);
        long meanGap = records / (FAULTS + 1);
        List<Fault> faults = new ArrayList<>();
        long at = 0;
        for (FaultKind kind : kinds) {
            at += meanGap / 2 + (long) (random.nextDouble() * meanGap / 2);
            faults.add(new Fault(kind, at));
        }
        return faults;
    }

    private static UnaryOperator<OutageDetectionPipeline.Inputs> withFailureInjectors() {
        return inputs ->
                new OutageDetectionPipeline.Inputs(
                        inject(inputs.probes(), "probes"),
                        inject(inputs.reports(), "reports"),
                        inject(inputs.statusUpdates(), "status"));
    }

    private static <T> DataStream<Either<DeadLetter, T>> inject(
            DataStream<Either<DeadLetter, T>> input, String name) {
        return input.map(new FailureInjector<T>())
                .returns(input.getType())
                .uid("failure-injector-" + name)
                .name("Failure injector " + name);
    }

    private enum FaultKind {
        TASK,
        TASK_MANAGER
    }

    /** One planned fault: its kind and the injectors' record count it waits for. */
    private record Fault(FaultKind kind, long atRecord) {}

    /**
     * Passes parsed records on, counting them, and throws once when the test arms it; the counters
     * are static because the MiniCluster runs the job in the test's JVM.
     */
    static final class FailureInjector<T>
            extends RichMapFunction<Either<DeadLetter, T>, Either<DeadLetter, T>> {
        private static final long serialVersionUID = 1L;

        static final AtomicLong RECORDS = new AtomicLong();
        static final AtomicBoolean ARMED = new AtomicBoolean();
        static final AtomicInteger OPENED = new AtomicInteger();
        static final AtomicInteger THROWN = new AtomicInteger();

        static void reset() {
            RECORDS.set(0);
            ARMED.set(false);
            OPENED.set(0);
            THROWN.set(0);
        }

        @Override
        public void open(OpenContext openContext) {
            OPENED.incrementAndGet();
        }

        @Override
        public Either<DeadLetter, T> map(Either<DeadLetter, T> record) {
            RECORDS.incrementAndGet();
            if (ARMED.compareAndSet(true, false)) {
                THROWN.incrementAndGet();
                throw new IllegalStateException("injected failure at record " + RECORDS.get());
            }
            return record;
        }
    }
}
