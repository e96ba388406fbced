package io.outagewatch.detection;

import io.outagewatch.detection.functions.LateRecordSplitter;
import io.outagewatch.detection.functions.OutageDetector;
import io.outagewatch.detection.functions.ParseFunction;
import io.outagewatch.detection.functions.ReportsToComplaints;
import io.outagewatch.detection.functions.ServiceMinuteFunction;
import io.outagewatch.detection.functions.VantageMinuteFunction;
import io.outagewatch.detection.records.RawRecord;
import io.outagewatch.detection.records.ServiceMinute;
import io.outagewatch.detection.records.ServiceSignal;
import io.outagewatch.detection.reports.ReportInterpreter;
import io.outagewatch.detection.serde.CodecTypeInfo;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.events.EventSerde;
import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.events.SocialReport;
import io.outagewatch.events.SocialReportSerde;
import io.outagewatch.events.StatusUpdate;
import io.outagewatch.events.StatusUpdateSerde;
import io.outagewatch.events.Topics;
import io.outagewatch.events.VantageHealth;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * The detection topology, the same for live and replay runs: raw records in; alerts, dead letters
 * and vantage health out. Entry points only choose the sources and sinks.
 */
public final class OutageDetectionPipeline {

    /** The three raw inputs; an absent input is an empty stream. */
    public record Inputs(
            DataStream<RawRecord> probes,
            DataStream<RawRecord> reports,
            DataStream<RawRecord> statusUpdates) {
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
            DataStream<VantageHealth> vantageHealth) {}

    private OutageDetectionPipeline() {}

    public static Outputs buildPipeline(Inputs inputs, DetectionSettings settings) {
        ParsedStream<ProbeResult> probes =
                parse(
                        inputs.probes(),
                        Topics.PROBE_RESULTS,
                        ProbeResult.class,
                        ProbeResultSerde.INSTANCE,
                        (p, ts) -> p.timestamp().toEpochMilli(),
                        settings);
        ParsedStream<SocialReport> reports =
                parse(
                        inputs.reports(),
                        Topics.SOCIAL_REPORTS,
                        SocialReport.class,
                        SocialReportSerde.INSTANCE,
                        (r, ts) -> r.timestamp().toEpochMilli(),
                        settings);
        ParsedStream<StatusUpdate> statusUpdates =
                parse(
                        inputs.statusUpdates(),
                        Topics.STATUS_UPDATES,
                        StatusUpdate.class,
                        StatusUpdateSerde.INSTANCE,
                        (u, ts) -> u.timestamp().toEpochMilli(),
                        settings);

        SingleOutputStreamOperator<ServiceSignal> probeMinutes =
                probes.valid
                        .keyBy(ProbeResult::vantage)
                        .window(TumblingEventTimeWindows.of(ServiceMinute.LENGTH))
                        .process(new VantageMinuteFunction(settings.vantageIsolation()))
                        .uid("vantage-minutes")
                        .name("Probe minutes per vantage");

        DataStream<ServiceSignal> complaints =
                reports.valid
                        .flatMap(new ReportsToComplaints(new ReportInterpreter(settings.catalog())))
                        .uid("complaints")
                        .name("Complaints from reports");

        SingleOutputStreamOperator<ServiceMinute> serviceMinutes =
                probeMinutes
                        .union(complaints)
                        .keyBy(ServiceSignal::service)
                        .window(TumblingEventTimeWindows.of(ServiceMinute.LENGTH))
                        .process(new ServiceMinuteFunction(settings.vantageIsolation()))
                        .returns(CodecTypeInfo.javaSerialized(ServiceMinute.class))
                        .uid("service-minutes")
                        .name("Service minutes");

        SingleOutputStreamOperator<Alert> alerts =
                serviceMinutes
                        .keyBy(ServiceMinute::service)
                        .connect(statusUpdates.valid.keyBy(StatusUpdate::service))
                        .process(new OutageDetector(settings.assessor(), settings.incidentPolicy()))
                        .returns(CodecTypeInfo.wire(Alert.class, AlertSerde.INSTANCE))
                        .uid("outage-detector")
                        .name("Outage detector");

        DataStream<DeadLetter> deadLetters =
                probes.deadLetters.union(reports.deadLetters, statusUpdates.deadLetters);
        DataStream<VantageHealth> vantageHealth =
                probeMinutes.getSideOutput(PipelineTags.VANTAGE_HEALTH);
        return new Outputs(alerts, deadLetters, vantageHealth);
    }

    /** Valid records with event time and watermarks, and the dead letters of one input. */
    private record ParsedStream<T>(DataStream<T> valid, DataStream<DeadLetter> deadLetters) {}

    /**
     * Parses one input and splits off its late records. Replay assigns event time and watermarks
     * here, after parsing; live inputs come with both from their Kafka sources, per partition, and
     * the parsed records keep the event time their raw records carried.
     */
    private static <T> ParsedStream<T> parse(
            DataStream<RawRecord> raw,
            String stream,
            Class<T> type,
            EventSerde<T> serde,
            SerializableTimestampAssigner<T> eventTime,
            DetectionSettings settings) {
        SingleOutputStreamOperator<T> parsed =
                raw.process(
                                new ParseFunction<>(
                                        stream,
                                        serde,
                                        eventTime,
                                        settings.writeTimeBound(),
                                        settings.deadLetterTimeWhenUnknown()))
                        .returns(CodecTypeInfo.wire(type, serde))
                        .uid("parse-" + stream)
                        .name("Parse " + stream);
        DataStream<T> withEventTime =
                switch (settings.watermarkEmission()) {
                    case PER_PARTITION_AT_SOURCE -> parsed;
                    case PER_RECORD ->
                            parsed.assignTimestampsAndWatermarks(
                                            EventTimeWatermarks.perRecord(
                                                    settings.outOfOrderness(),
                                                    settings.idleness(),
                                                    eventTime))
                                    .uid("watermarks-" + stream)
                                    .name("Event time of " + stream);
                };
        SingleOutputStreamOperator<T> onTime =
                withEventTime
                        .process(new LateRecordSplitter<>(stream, serde))
                        .returns(CodecTypeInfo.wire(type, serde))
                        .uid("late-" + stream)
                        .name("Late " + stream);
        DataStream<DeadLetter> deadLetters =
                parsed.getSideOutput(PipelineTags.DEAD_LETTERS)
                        .union(onTime.getSideOutput(PipelineTags.DEAD_LETTERS));
        return new ParsedStream<>(onTime, deadLetters);
    }
}
