package io.outagewatch.detection;

import io.outagewatch.detection.assess.DurationEstimates;
import io.outagewatch.detection.assess.MinuteAssessor;
import io.outagewatch.detection.incident.IncidentPolicy;
import io.outagewatch.detection.ingest.Parsers;
import io.outagewatch.detection.kafka.WriteTimeBound;
import io.outagewatch.detection.probes.ClockAheadRule;
import io.outagewatch.detection.probes.VantageIsolation;
import io.outagewatch.detection.replay.ReplayOrder;
import io.outagewatch.detection.time.StreamFront;
import io.outagewatch.events.ServiceCatalog;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;

/**
 * The typed settings the pipeline is built from, read once from a Flink {@link Configuration} of
 * {@link DetectionOptions}.
 */
public record DetectionSettings(
        ServiceCatalog catalog,
        Duration outOfOrderness,
        Duration idleness,
        WriteTimeBound writeTimeBound,
        EventTimeWatermarks.Emission watermarkEmission,
        VantageIsolation vantageIsolation,
        MinuteAssessor assessor,
        IncidentPolicy incidentPolicy,
        Instant deadLetterTimeWhenUnknown,
        int frontWindow,
        Duration alignmentMaxDrift,
        ReplayOrder replayOrder,
        Duration clockAheadReport)
        implements Serializable {

    public DetectionSettings {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(outOfOrderness, "outOfOrderness");
        Objects.requireNonNull(idleness, "idleness");
        Objects.requireNonNull(writeTimeBound, "writeTimeBound");
        Objects.requireNonNull(watermarkEmission, "watermarkEmission");
        Objects.requireNonNull(vantageIsolation, "vantageIsolation");
        Objects.requireNonNull(assessor, "assessor");
        Objects.requireNonNull(incidentPolicy, "incidentPolicy");
        Objects.requireNonNull(deadLetterTimeWhenUnknown, "deadLetterTimeWhenUnknown");
        Objects.requireNonNull(replayOrder, "replayOrder");
        Objects.requireNonNull(clockAheadReport, "clockAheadReport");
        StreamFront.checkSettings(frontWindow, outOfOrderness);
    }

    /** Split-level watermark alignment of the Kafka sources, when configured. */
    public Optional<Duration> alignment() {
        return Optional.ofNullable(alignmentMaxDrift);
    }

    /** When a vantage's clock counts as running ahead, judged against these watermarks. */
    public ClockAheadRule clockAheadRule() {
        return new ClockAheadRule(outOfOrderness, clockAheadReport);
    }

    /** The duration model, naming this catalog's services in what its estimates rest on. */
    public DurationEstimates durationEstimates() {
        return DurationEstimates.bundled(catalog);
    }

    /** The same settings about the services of another catalog. */
    public DetectionSettings withCatalog(ServiceCatalog otherCatalog) {
        return new DetectionSettings(
                otherCatalog,
                outOfOrderness,
                idleness,
                writeTimeBound,
                watermarkEmission,
                vantageIsolation,
                assessor,
                incidentPolicy,
                deadLetterTimeWhenUnknown,
                frontWindow,
                alignmentMaxDrift,
                replayOrder,
                clockAheadReport);
    }

    /** The inputs' parsers, judging write times by {@link #writeTimeBound}. */
    public Parsers parsers() {
        return Parsers.of(writeTimeBound, deadLetterTimeWhenUnknown);
    }

    /**
     * @param emission per-record watermarks for deterministic replay, periodic for live streams
     * @param deadLetterTimeWhenUnknown timestamp of dead letters whose record has none
     */
    public static DetectionSettings from(
            Configuration config,
            EventTimeWatermarks.Emission emission,
            Instant deadLetterTimeWhenUnknown) {
        ServiceCatalog catalog =
                config.getOptional(DetectionOptions.CATALOG)
                        .map(path -> ServiceCatalog.load(Path.of(path)))
                        .orElseGet(ServiceCatalog::defaultCatalog);
        VantageIsolation isolation =
                new VantageIsolation(
                        config.get(DetectionOptions.BROKEN_VANTAGE_MIN_SERVICES),
                        config.get(DetectionOptions.BROKEN_VANTAGE_FRACTION),
                        VantageIsolation.DEFAULT_FAILING_PROBE_FRACTION);
        IncidentPolicy policy =
                new IncidentPolicy(
                        config.get(DetectionOptions.CONFIRM_MINUTES_ONE_SIGNAL),
                        config.get(DetectionOptions.CONFIRM_MINUTES_REPORTS_AGAINST_HEALTHY_PROBES),
                        config.get(DetectionOptions.CONFIRM_MINUTES_DEGRADED),
                        config.get(DetectionOptions.MERGE_GAP),
                        config.get(DetectionOptions.UPDATE_EVERY),
                        config.get(DetectionOptions.REPORT_AFTERGLOW),
                        config.get(DetectionOptions.ESTIMATE_CHANGE),
                        config.get(DetectionOptions.ONSET_RISE),
                        config.get(DetectionOptions.ONSET_LOOKBACK));
        return new DetectionSettings(
                catalog,
                config.get(DetectionOptions.OUT_OF_ORDERNESS),
                config.get(DetectionOptions.IDLENESS),
                new WriteTimeBound(config.get(DetectionOptions.MAX_AHEAD_OF_WRITE_TIME)),
                emission,
                isolation,
                MinuteAssessor.from(config),
                policy,
                deadLetterTimeWhenUnknown,
                config.get(DetectionOptions.FRONT_WINDOW),
                config.getOptional(DetectionOptions.ALIGNMENT_MAX_DRIFT).orElse(null),
                ReplayOrder.from(config),
                config.get(DetectionOptions.CLOCK_AHEAD_REPORT));
    }
}
