package io.outagewatch.scenario;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A service answers, but slowly, and some probes time out; nothing fails hard. People notice the
 * slowness less than an outage, so complaints rise only a little.
 *
 * @param service the slow service
 * @param start when it slowed down
 * @param end when it recovered
 * @param latencyFactor how many times slower a successful probe answers
 * @param timeoutRate the share of probes that time out
 * @param complaintMultiplier complaints at the peak relative to the normal rate
 */
public record Brownout(
        String service,
        Instant start,
        Instant end,
        double latencyFactor,
        double timeoutRate,
        double complaintMultiplier)
        implements ScenarioEvent {

    public static final double DEFAULT_LATENCY_FACTOR = 8;
    public static final double DEFAULT_TIMEOUT_RATE = 0.10;
    public static final double DEFAULT_COMPLAINT_MULTIPLIER = 4;

    public Brownout {
        Vantage.requireId("brownout service", service);
        EventChecks.requireInterval("brownout of " + service, start, end);
        EventChecks.requireAtLeastOne("brownout latency factor", latencyFactor);
        EventChecks.requireProbability("brownout timeout rate", timeoutRate);
        EventChecks.requireAtLeastOne("brownout complaint multiplier", complaintMultiplier);
    }

    public static Brownout of(String service, Instant start, Instant end) {
        return new Brownout(
                service,
                start,
                end,
                DEFAULT_LATENCY_FACTOR,
                DEFAULT_TIMEOUT_RATE,
                DEFAULT_COMPLAINT_MULTIPLIER);
    }

    public Brownout latencyFactor(double factor) {
        return new Brownout(service, start, end, factor, timeoutRate, complaintMultiplier);
    }

    public Brownout timeoutRate(double rate) {
        return new Brownout(service, start, end, latencyFactor, rate, complaintMultiplier);
    }

    public Brownout complaintMultiplier(double multiplier) {
        return new Brownout(service, start, end, latencyFactor, timeoutRate, multiplier);
    }

    @Override
    public void checkAgainst(ScenarioFrame frame) {
        frame.service(service, this);
        frame.requireWithin(start, end, this);
    }

    @Override
    public ProbeDisturbance probeDisturbance(String probed, Vantage vantage, Instant at) {
        boolean hit = service.equals(probed) && EventChecks.within(at, start, end);
        return hit ? ProbeDisturbance.slowdown(latencyFactor, timeoutRate) : ProbeDisturbance.NONE;
    }

    @Override
    public double extraComplaintFactor(String discussed, Instant at) {
        if (!service.equals(discussed)) {
            return 0;
        }
        return (complaintMultiplier - 1) * new ComplaintWave(start, end).intensity(at);
    }

    @Override
    public Optional<ExpectedIncident> expectedIncident() {
        return Optional.of(
                new ExpectedIncident(
                        service, IncidentKind.BROWNOUT, "DEGRADED", List.of(), start, end));
    }
}
