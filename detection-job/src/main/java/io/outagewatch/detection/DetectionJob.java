package io.outagewatch.detection;

import io.outagewatch.detection.kafka.KafkaConnections;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.DeadLetterSerde;
import io.outagewatch.events.KafkaClientProperties;
import io.outagewatch.events.Timestamps;
import io.outagewatch.events.Topics;
import io.outagewatch.events.VantageHealth;
import io.outagewatch.events.VantageHealthSerde;
import java.nio.file.Path;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code bin/outagewatch detect} and the main class of the job jar: Kafka topics in, alerts, dead
 * letters and vantage health out, exactly once.
 */
public final class DetectionJob {

    static final String USAGE =
            "usage: bin/outagewatch detect [--config FILE]   (or: flink run <job jar> [--config"
                    + " FILE])\n\nRuns the detection job live: reads probe-results, social-reports"
                    + " and status-updates, writes outage-alerts, dead-letters and vantage-health.";

    private DetectionJob() {}

    public static void main(String[] args) throws Exception {
        Configuration config;
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(USAGE);
            return;
        } else if (args.length == 2 && args[0].equals("--config")) {
            config = ConfigFiles.load(Path.of(args[1]));
        } else if (args.length == 0) {
            config = new Configuration();
        } else {
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        build(env, config);
        env.execute("outagewatch-detection");
    }

    /** Wires the Kafka sources and exactly-once sinks around the detection pipeline. */
    public static void build(StreamExecutionEnvironment env, Configuration config) {
        env.enableCheckpointing(
                config.get(DetectionOptions.CHECKPOINT_INTERVAL).toMillis(),
                CheckpointingMode.EXACTLY_ONCE);
        if (env.getConfig().getMaxParallelism() <= 0) {
            // Neither the job's nor the cluster's configuration sets it: use the job's default
            // instead of one Flink would derive from this deployment's parallelism.
            env.setMaxParallelism(config.get(DetectionOptions.MAX_PARALLELISM));
        }
        KafkaClientProperties kafka = KafkaConnections.clientProperties(config, System.getenv());
        DetectionSettings settings =
                DetectionSettings.from(
                        config, EventTimeWatermarks.Emission.PERIODIC, Timestamps.EARLIEST);
        OutageDetectionPipeline.Outputs outputs =
                OutageDetectionPipeline.buildPipeline(
                        new OutageDetectionPipeline.Inputs(
                                env.fromSource(
                                                KafkaConnections.source(
                                                        config, kafka, Topics.PROBE_RESULTS),
                                                WatermarkStrategy.noWatermarks(),
                                                "Kafka " + Topics.PROBE_RESULTS)
                                        .uid("source-" + Topics.PROBE_RESULTS),
                                env.fromSource(
                                                KafkaConnections.source(
                                                        config, kafka, Topics.SOCIAL_REPORTS),
                                                WatermarkStrategy.noWatermarks(),
                                                "Kafka " + Topics.SOCIAL_REPORTS)
                                        .uid("source-" + Topics.SOCIAL_REPORTS),
                                env.fromSource(
                                                KafkaConnections.source(
                                                        config, kafka, Topics.STATUS_UPDATES),
                                                WatermarkStrategy.noWatermarks(),
                                                "Kafka " + Topics.STATUS_UPDATES)
                                        .uid("source-" + Topics.STATUS_UPDATES)),
                        settings);
        outputs.alerts()
                .sinkTo(
                        KafkaConnections.exactlyOnceSink(
                                config,
                                kafka,
                                Topics.OUTAGE_ALERTS,
                                AlertSerde.INSTANCE,
                                Alert::service))
                .uid("sink-" + Topics.OUTAGE_ALERTS)
                .name("Kafka " + Topics.OUTAGE_ALERTS);
        outputs.deadLetters()
                .sinkTo(
                        KafkaConnections.exactlyOnceSink(
                                config,
                                kafka,
                                Topics.DEAD_LETTERS,
                                DeadLetterSerde.INSTANCE,
                                d -> null))
                .uid("sink-" + Topics.DEAD_LETTERS)
                .name("Kafka " + Topics.DEAD_LETTERS);
        outputs.vantageHealth()
                .sinkTo(
                        KafkaConnections.exactlyOnceSink(
                                config,
                                kafka,
                                Topics.VANTAGE_HEALTH,
                                VantageHealthSerde.INSTANCE,
                                VantageHealth::vantage))
                .uid("sink-" + Topics.VANTAGE_HEALTH)
                .name("Kafka " + Topics.VANTAGE_HEALTH);
    }
}
