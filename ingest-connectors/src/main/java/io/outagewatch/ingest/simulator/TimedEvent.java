package io.outagewatch.ingest.simulator;

import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.SocialReport;
import io.outagewatch.events.StatusUpdate;
import java.time.Instant;

/** One event of a recording, ready to go to its own topic. */
sealed interface TimedEvent {

    Instant at();

    /** Orders events of the same instant: probes, then reports, then status updates. */
    int streamOrder();

    void publishTo(Publishers publishers);

    record Probe(ProbeResult probe) implements TimedEvent {
        @Override
        public Instant at() {
            return probe.timestamp();
        }

        @Override
        public int streamOrder() {
            return 0;
        }

        @Override
        public void publishTo(Publishers publishers) {
            publishers.probes().publish(probe);
        }
    }

    record Report(SocialReport report) implements TimedEvent {
        @Override
        public Instant at() {
            return report.timestamp();
        }

        @Override
        public int streamOrder() {
            return 1;
        }

        @Override
        public void publishTo(Publishers publishers) {
            publishers.reports().publish(report);
        }
    }

    record Status(StatusUpdate update) implements TimedEvent {
        @Override
        public Instant at() {
            return update.timestamp();
        }

        @Override
        public int streamOrder() {
            return 2;
        }

        @Override
        public void publishTo(Publishers publishers) {
            publishers.statusUpdates().publish(update);
        }
    }
}
