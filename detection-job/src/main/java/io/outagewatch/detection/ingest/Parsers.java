package io.outagewatch.detection.ingest;

import io.outagewatch.detection.kafka.WriteTimeBound;
import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.events.SocialReport;
import io.outagewatch.events.SocialReportSerde;
import io.outagewatch.events.StatusUpdate;
import io.outagewatch.events.StatusUpdateSerde;
import java.io.Serializable;
import java.time.Instant;

/** The parser of each input, built once from the settings they share. */
public record Parsers(
        EdgeParser<ProbeResult> probes,
        EdgeParser<SocialReport> reports,
        EdgeParser<StatusUpdate> statusUpdates)
        implements Serializable {

    /**
     * @param writeTimeBound how far an event time may be ahead of its Kafka timestamp
     * @param deadLetterTimeWhenUnknown the timestamp of a dead letter whose record has none
     */
    public static Parsers of(WriteTimeBound writeTimeBound, Instant deadLetterTimeWhenUnknown) {
        return new Parsers(
                new EdgeParser<>(
                        ProbeResult.class,
                        ProbeResultSerde.INSTANCE,
                        ProbeResult::timestamp,
                        writeTimeBound,
                        deadLetterTimeWhenUnknown),
                new EdgeParser<>(
                        SocialReport.class,
                        SocialReportSerde.INSTANCE,
                        SocialReport::timestamp,
                        writeTimeBound,
                        deadLetterTimeWhenUnknown),
                new EdgeParser<>(
                        StatusUpdate.class,
                        StatusUpdateSerde.INSTANCE,
                        StatusUpdate::timestamp,
                        writeTimeBound,
                        deadLetterTimeWhenUnknown));
    }
}
