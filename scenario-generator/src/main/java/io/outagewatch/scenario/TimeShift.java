package io.outagewatch.scenario;

import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.SocialReport;
import io.outagewatch.events.StatusUpdate;
import java.time.Duration;

/** Moves recorded events in time, unchanged otherwise, so a past incident can be replayed now. */
public final class TimeShift {

    private TimeShift() {}

    public static ProbeResult probe(ProbeResult probe, Duration by) {
        return new ProbeResult(
                probe.service(),
                probe.vantage(),
                probe.region(),
                probe.target(),
                probe.timestamp().plus(by),
                probe.success(),
                probe.latencyMs(),
                probe.statusCode(),
                probe.error());
    }

    public static SocialReport report(SocialReport report, Duration by) {
        return new SocialReport(
                report.timestamp().plus(by),
                report.text(),
                report.source(),
                report.author(),
                report.lang(),
                report.service(),
                report.region());
    }

    public static StatusUpdate status(StatusUpdate update, Duration by) {
        return new StatusUpdate(
                update.service(),
                update.timestamp().plus(by),
                update.incidentId(),
                update.status(),
                update.impact(),
                update.title(),
                update.url());
    }

    public static ExpectedIncident incident(ExpectedIncident incident, Duration by) {
        return new ExpectedIncident(
                incident.service(),
                incident.kind(),
                incident.severity(),
                incident.regions(),
                incident.start().plus(by),
                incident.end().plus(by));
    }

    public static ScenarioFrame frame(ScenarioFrame frame, Duration by) {
        return new ScenarioFrame(
                frame.name(),
                frame.from().plus(by),
                frame.until().plus(by),
                frame.services(),
                frame.vantages(),
                frame.traffic());
    }
}
