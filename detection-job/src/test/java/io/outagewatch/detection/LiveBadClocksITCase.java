package io.outagewatch.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.Alert;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.events.Topics;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import io.outagewatch.scenario.Scenario;
import io.outagewatch.scenario.Scenarios;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The live job against broken clocks, on the real broker with one partition per topic and with
 * several: probes dated 2099 and a day ahead mixed into the stream, and one vantage whose clock
 * runs 50 minutes fast for the whole run (its Kafka timestamps are the producer's, so the
 * write-time bound does not catch it). GitHub's regional outage must be found with the onset,
 * detection and recovery of a replay of the clean scenario, and no record may be lost as late.
 */
class LiveBadClocksITCase {

    private static final Duration DEADLINE = Duration.ofMinutes(4);

    /** The baselines need the evening before the outage, not the whole first day. */
    private static final Duration SKIPPED = Duration.ofHours(16);

    private static final Duration IDLENESS = Duration.ofSeconds(10);

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir Path work;

    @ParameterizedTest(name = "{0} partition(s)")
    @ValueSource(ints = {1, 3})
    void badClocksMoveNoOnsetAndLoseNoRecord(int partitions) throws Exception {
        Scenario scenario = regionalOutage();
        List<Alert> expected = LiveJobSupport.replayAlerts(scenario, work.resolve("replay"));
        assertThat(SkewedClocks.incidents(expected)).hasSize(1);

        String skewed = SkewedClocks.aVantageOutside("eu", scenario.probes());
        List<LiveJobSupport.Input> inputs = new ArrayList<>();
        List<LiveJobSupport.Input> probes = LiveJobSupport.probes(scenario);
        for (int i = 0; i < probes.size(); i++) {
            ProbeResult probe = scenario.probes().get(i);
            if (probe.vantage().equals(skewed)) {
                inputs.add(probeAt(probe, probe.timestamp().plus(Duration.ofMinutes(50))));
            } else {
                inputs.add(probes.get(i));
            }
            if (i == 10 || i == probes.size() / 2) {
                inputs.add(probeAt(probe, Instant.parse("2099-01-01T00:00:00Z")));
                inputs.add(probeAt(probe, probe.timestamp().plus(Duration.ofDays(1))));
            }
        }
        inputs.addAll(LiveJobSupport.reports(scenario));
        inputs.addAll(LiveJobSupport.statusUpdates(scenario));

        try (EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.startDefault()) {
            kafka.createOutageWatchTopics(partitions);
            LiveJobSupport.produce(kafka, inputs);
            // Idleness well above a loaded machine's pauses: a partition that delivers nothing
            // for that long while it still has records counts as idle, and its next ones could
            // be late (docs/event-time.md, "What is not handled"). Empty partitions wait it out.
            Configuration config =
                    LiveJobSupport.liveConfig(
                            kafka, work.resolve("replay"), Duration.ofSeconds(1), IDLENESS);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            DetectionJob.build(env, config);
            JobClient job = env.executeAsync("bad-clocks-it");
            try {
                List<Alert> alerts = LiveJobSupport.readAlerts(kafka, expected.size(), DEADLINE);
                List<DeadLetter> deadLetters = LiveJobSupport.readDeadLetters(kafka);

                assertThat(SkewedClocks.incidents(alerts))
                        .isEqualTo(SkewedClocks.incidents(expected));
                assertThat(deadLetters)
                        .extracting(DeadLetter::reason)
                        .noneMatch(reason -> reason.startsWith("late"));
                // The 2099 probes are far ahead of their Kafka timestamps; the day-ahead ones are
                // not (the broker's clock is in 2026) and wait, held, for a day that never comes.
                assertThat(deadLetters)
                        .extracting(DeadLetter::reason)
                        .hasSize(2)
                        .allMatch(reason -> reason.startsWith("ahead_of_write_time"));
                assertThat(deadLetters)
                        .extracting(DeadLetter::origin)
                        .allMatch(origin -> origin.startsWith(Topics.PROBE_RESULTS + "-"));
            } finally {
                job.cancel().get();
            }
        }
    }

    private static Scenario regionalOutage() {
        return LiveJobSupport.withoutItsFirst(Scenarios.named("regional-outage"), SKIPPED);
    }

    /** A vantage outside the failing region, so the outage keeps all its evidence. */
    private static LiveJobSupport.Input probeAt(ProbeResult probe, Instant timestamp) {
        ProbeResult moved = SkewedClocks.stampedAt(probe, timestamp);
        return new LiveJobSupport.Input(
                Topics.PROBE_RESULTS,
                moved.service(),
                ProbeResultSerde.INSTANCE.toBytes(moved),
                timestamp);
    }
}
