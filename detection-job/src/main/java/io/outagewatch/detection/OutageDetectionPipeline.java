package io.outagewatch.detection;

import io.outagewatch.detection.functions.OutageDetector;
import io.outagewatch.detection.functions.OutageDetectorOperator;
import io.outagewatch.detection.functions.ProbeFields;
import io.outagewatch.detection.functions.RelatedIncidents;
import io.outagewatch.detection.functions.ReportsToComplaints;
import io.outagewatch.detection.functions.VantageMinuteFunction;
import io.outagewatch.detection.incident.IncidentLinker;
import io.outagewatch.detection.ingest.EdgeParser;
import io.outagewatch.detection.ingest.IngestRouter;
import io.outagewatch.detection.records.Probe;
import io.outagewatch.detection.records.ServiceMinute;
import io.outagewatch.detection.records.ServiceSignal;
import io.outagewatch.detection.reports.ReportInterpreter;
import io.outagewatch.detection.windows.VantageMinuteAggregate;
import io.outagewatch.events.Alert;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.MinuteSignals;
import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.SocialReport;
import io.outagewatch.events.StatusUpdate;
import io.outagewatch.events.Topics;
import io.outagewatch.events.VantageHealth;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.types.Either;

/**
 * The detection topology, the same for live and replay runs: parsed inputs in (each record parsed
 * once where it entered, valid or a dead letter); alerts, dead letters, vantage health and service
 * signals out. Entry points only choose the sources and sinks.
 *
 * <p>Probes are shuffled once, by vantage, to the vantage minutes; probe minutes and complaints
 * once, by service, to the detector, which tallies each service's minute as signals arrive. The
 * vantage window folds probes in as they arrive too.
 */
public final class OutageDetectionPipeline {

    /** The three parsed inputs; an absent input is an empty stream. */
    public record Inputs(
            DataStream<Either<DeadLetter, ProbeResult>> probes,
            DataStream<Either<DeadLetter, SocialReport>> reports,
            DataStream<Either<DeadLetter, StatusUpdate>> statusUpdates) {
        public Inputs {
            Objects.requireNonNull(probes, "probes");
            Objects.requireNonNull(reports, "reports");
            Objects.requireNonNull(statusUpdates, "statusUpdates");
        }
    }

    /** What the pipeline produces. */
    public record Outputs(
            DataStream<Alert> alerts,
            DataStream<DeadLetter> deadLetters,
            DataStream<VantageHealth> vantageHealth,
            DataStream<MinuteSignals> serviceSignals) {}

    private OutageDetectionPipeline() {}

    public static Outputs buildPipeline(Inputs inputs, DetectionSettings settings) {
        ownSerializersOnly(inputs.probes().getExecutionEnvironment());
        Routed<ProbeResult> probes =
                route(inputs.probes(), Topics.PROBE_RESULTS, settings.parsers().probes(), settings);
        Routed<SocialReport> reports =
                route(
                        inputs.reports(),
                        Topics.SOCIAL_REPORTS,
                        settings.parsers().reports(),
                        settings);
        Routed<StatusUpdate> statusUpdates =
                route(
                        inputs.statusUpdates(),
                        Topics.STATUS_UPDATES,
                        settings.parsers().statusUpdates(),
                        settings);

        SingleOutputStreamOperator<ServiceSignal> probeMinutes =
                probes.valid
                        .process(new ProbeFields())
                        .uid("probe-fields")
                        .name("Probe fields")
                        .keyBy(Probe::vantage)
                        .window(TumblingEventTimeWindows.of(ServiceMinute.LENGTH))
                        .aggregate(
                                new VantageMinuteAggregate(),
                                new VantageMinuteFunction(
                                        settings.vantageIsolation(), settings.clockAheadRule()))
                        .uid("vantage-minutes")
                        .name("Probe minutes per vantage");

        DataStream<ServiceSignal> complaints =
                reports.valid
                        .flatMap(new ReportsToComplaints(new ReportInterpreter(settings.catalog())))
                        .uid("complaints")
                        .name("Complaints from reports");

        // Probe minutes and complaints go to the detector of their service, which tallies each
        // minute as they arrive and decides it when the watermark passes.
        SingleOutputStreamOperator<Alert> alerts =
                probeMinutes
                        .union(complaints)
                        .keyBy(ServiceSignal::service)
                        .connect(statusUpdates.valid.keyBy(StatusUpdate::service))
                        .transform(
                                "Outage detector",
                                TypeInformation.of(Alert.class),
                                new OutageDetectorOperator(
                                        new OutageDetector(
                                                settings.assessor(),
                                                settings.incidentPolicy(),
                                                settings.durationEstimates())))
                        .uid("outage-detector");

        // All alerts meet in one place, so each can name the other services failing with it.
        DataStream<Alert> linkedAlerts =
                alerts.keyBy(RelatedIncidents::key, Types.STRING)
                        .process(new RelatedIncidents(IncidentLinker.DEFAULT_CAPACITY))
                        .returns(TypeInformation.of(Alert.class))
                        .uid("related-incidents")
                        .name("Related incidents");

        DataStream<DeadLetter> deadLetters =
                probes.deadLetters.union(reports.deadLetters, statusUpdates.deadLetters);
        DataStream<VantageHealth> vantageHealth =
                probeMinutes.getSideOutput(PipelineTags.VANTAGE_HEALTH);
        return new Outputs(
                linkedAlerts,
                deadLetters,
                vantageHealth,
                alerts.getSideOutput(PipelineTags.SERVICE_SIGNALS));
    }

    /**
     * Everything in flight and in state must have a serializer Flink knows; a type that would fall
     * back to a generic serializer fails the job when it is built instead of slowing it down
     * silently.
     */
    static void ownSerializersOnly(StreamExecutionEnvironment env) {
        Configuration noGenericTypes = new Configuration();
        noGenericTypes.set(PipelineOptions.GENERIC_TYPES, false);
        noGenericTypes.set(PipelineOptions.OBJECT_REUSE, true);
        env.configure(noGenericTypes);
    }

    /** The valid records of one input, with event time and watermarks, and its dead letters. */
    private record Routed<T>(DataStream<T> valid, DataStream<DeadLetter> deadLetters) {}

    /**
     * Splits one input right after its source: valid records on, dead letters and late records off.
     * Replay assigns event time and watermarks here; live inputs come with both from their Kafka
     * sources, per partition.
     */
    private static <T> Routed<T> route(
            DataStream<Either<DeadLetter, T>> input,
            String stream,
            EdgeParser<T> parser,
            DetectionSettings settings) {
        DataStream<Either<DeadLetter, T>> withEventTime =
                switch (settings.watermarkEmission()) {
                    case PER_PARTITION_AT_SOURCE -> input;
                    case PER_RECORD ->
                            input.assignTimestampsAndWatermarks(
                                            EventTimeWatermarks.perRecord(
                                                    settings.outOfOrderness(),
                                                    settings.idleness(),
                                                    parser))
                                    .uid("watermarks-" + stream)
                                    .name("Event time of " + stream);
                };
        SingleOutputStreamOperator<T> valid =
                withEventTime
                        .process(new IngestRouter<>(stream, parser))
                        .returns(parser.type())
                        .uid("route-" + stream)
                        .name("Route " + stream);
        return new Routed<>(valid, valid.getSideOutput(PipelineTags.DEAD_LETTERS));
    }
}
