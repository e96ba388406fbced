package io.outagewatch.detection;

import io.outagewatch.detection.ingest.EdgeParser;
import io.outagewatch.detection.ingest.Parsers;
import io.outagewatch.detection.kafka.KafkaConnections;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.DeadLetterSerde;
import io.outagewatch.events.KafkaClientProperties;
import io.outagewatch.events.MinuteSignals;
import io.outagewatch.events.MinuteSignalsSerde;
import io.outagewatch.events.Timestamps;
import io.outagewatch.events.Topics;
import io.outagewatch.events.VantageHealth;
import io.outagewatch.events.VantageHealthSerde;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.types.Either;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/outagewatch detect} and the main class of the job jar: Kafka topics in, alerts, dead
 * letters, vantage health and service signals out, exactly once.
 */
public final class DetectionJob {

    static final String USAGE =
            "usage: bin/outagewatch detect [--config FILE]   (or: flink run <job jar> [--config"
                    + " FILE])\n\nRuns the detection job live: reads probe-results, social-reports"
                    + " and status-updates, writes outage-alerts, dead-letters, vantage-health"
                    + " and service-signals.";

    /**
     * Inputs whose partitions start idle when the topic has nothing to read at start. Only status
     * updates: they feed no window (the detector keeps each until the watermark passes it, and
     * applies one that comes late at the next minute), so an idle partition loses none of them.
     * Probes and reports feed windows: a burst written right after the start to an empty topic, one
     * partition fetched before another, would find the watermark already moved by the first and
     * lose records of the second as late; they keep the idleness's grace.
     */
    static final List<String> IDLE_WHEN_EMPTY_AT_START = List.of(Topics.STATUS_UPDATES);

    private static final Logger LOG = LoggerFactory.getLogger(DetectionJob.class);

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
        if (env instanceof LocalStreamEnvironment) {
            env =
                    StreamExecutionEnvironment.createLocalEnvironment(
                            LocalCheckpoints.withDirectory(
                                    config, Path.of(System.getProperty("java.io.tmpdir"))));
        }
        build(env, config);
        env.execute("outagewatch-detection");
    }

    /** Wires the Kafka sources and exactly-once sinks around the detection pipeline. */
    public static void build(StreamExecutionEnvironment env, Configuration config) {
        build(env, config, UnaryOperator.identity());
    }

    /**
     * As {@link #build(StreamExecutionEnvironment, Configuration)}, with {@code
     * betweenSourcesAndPipeline} applied to the raw inputs: fault-injection tests put their
     * operators there, so the job they break is the real one.
     */
    static void build(
            StreamExecutionEnvironment env,
            Configuration config,
            UnaryOperator<OutageDetectionPipeline.Inputs> betweenSourcesAndPipeline) {
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
                        config,
                        EventTimeWatermarks.Emission.PER_PARTITION_AT_SOURCE,
                        Timestamps.EARLIEST);
        Parsers parsers = settings.parsers();
        Set<String> nothingToRead =
                KafkaConnections.inputsWithNothingToRead(
                        config,
                        kafka,
                        IDLE_WHEN_EMPTY_AT_START,
                        config.get(DetectionOptions.INPUT_CHECK_TIMEOUT));
        if (!nothingToRead.isEmpty()) {
            LOG.info(
                    "nothing to read in {} at start: their partitions hold no watermark until"
                            + " they deliver a record",
                    nothingToRead);
        }
        OutageDetectionPipeline.Outputs outputs =
                OutageDetectionPipeline.buildPipeline(
                        betweenSourcesAndPipeline.apply(
                                new OutageDetectionPipeline.Inputs(
                                        source(
                                                env,
                                                config,
                                                kafka,
                                                settings,
                                                nothingToRead,
                                                Topics.PROBE_RESULTS,
                                                parsers.probes()),
                                        source(
                                                env,
                                                config,
                                                kafka,
                                                settings,
                                                nothingToRead,
                                                Topics.SOCIAL_REPORTS,
                                                parsers.reports()),
                                        source(
                                                env,
                                                config,
                                                kafka,
                                                settings,
                                                nothingToRead,
                                                Topics.STATUS_UPDATES,
                                                parsers.statusUpdates()))),
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
        outputs.serviceSignals()
                .sinkTo(
                        KafkaConnections.exactlyOnceSink(
                                config,
                                kafka,
                                Topics.SERVICE_SIGNALS,
                                MinuteSignalsSerde.INSTANCE,
                                MinuteSignals::service))
                .uid("sink-" + Topics.SERVICE_SIGNALS)
                .name("Kafka " + Topics.SERVICE_SIGNALS);
    }

    /**
     * One topic's records, parsed, with event time and a watermark per partition; idle partitions
     * from the start if the topic is in {@code nothingToRead}.
     */
    private static <T> DataStream<Either<DeadLetter, T>> source(
            StreamExecutionEnvironment env,
            Configuration config,
            KafkaClientProperties kafka,
            DetectionSettings settings,
            Set<String> nothingToRead,
            String topic,
            EdgeParser<T> parser) {
        return env.fromSource(
                        KafkaConnections.source(config, kafka, topic, parser),
                        EventTimeWatermarks.forKafkaSources(
                                settings,
                                "outagewatch-" + topic,
                                parser,
                                nothingToRead.contains(topic)),
                        "Kafka " + topic)
                .uid("source-" + topic);
    }
}
