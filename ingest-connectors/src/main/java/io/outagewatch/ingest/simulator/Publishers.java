package io.outagewatch.ingest.simulator;

import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.events.SocialReport;
import io.outagewatch.events.SocialReportSerde;
import io.outagewatch.events.StatusUpdate;
import io.outagewatch.events.StatusUpdateSerde;
import io.outagewatch.events.Topics;
import io.outagewatch.ingest.publish.EventPublisher;
import io.outagewatch.ingest.publish.JsonLinesPublisher;
import io.outagewatch.ingest.publish.KafkaEventPublisher;
import io.outagewatch.ingest.publish.KafkaPublishing;
import java.io.PrintStream;

/** Where the three streams of a recording go. */
record Publishers(
        EventPublisher<ProbeResult> probes,
        EventPublisher<SocialReport> reports,
        EventPublisher<StatusUpdate> statusUpdates)
        implements AutoCloseable {

    /** Each stream to its topic, keyed by service as the detection job expects. */
    static Publishers kafka(KafkaPublishing publishing) {
        return new Publishers(
                KafkaEventPublisher.open(
                        publishing,
                        Topics.PROBE_RESULTS,
                        ProbeResultSerde.INSTANCE,
                        ProbeResult::service),
                KafkaEventPublisher.open(
                        publishing,
                        Topics.SOCIAL_REPORTS,
                        SocialReportSerde.INSTANCE,
                        SocialReport::service),
                KafkaEventPublisher.open(
                        publishing,
                        Topics.STATUS_UPDATES,
                        StatusUpdateSerde.INSTANCE,
                        StatusUpdate::service));
    }

    /** All three streams interleaved in time order, one wire JSON per line. */
    static Publishers jsonLines(PrintStream out) {
        return new Publishers(
                new JsonLinesPublisher<>(out, ProbeResultSerde.INSTANCE),
                new JsonLinesPublisher<>(out, SocialReportSerde.INSTANCE),
                new JsonLinesPublisher<>(out, StatusUpdateSerde.INSTANCE));
    }

    long failedDeliveries() {
        return probes.failedDeliveries()
                + reports.failedDeliveries()
                + statusUpdates.failedDeliveries();
    }

    @Override
    public void close() {
        probes.close();
        reports.close();
        statusUpdates.close();
    }
}
