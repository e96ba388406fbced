package io.outagewatch.scenario;

import java.time.Instant;

/**
 * One vantage loses its own network, so every service it probes looks down from there while the
 * services are fine. No incident: the detector should blame the vantage.
 *
 * @param vantage the broken vantage's id
 * @param start when it broke
 * @param end when it was fixed
 */
public record BrokenVantage(String vantage, Instant start, Instant end) implements ScenarioEvent {

    public BrokenVantage {
        Vantage.requireId("broken vantage", vantage);
        EventChecks.requireInterval("broken vantage " + vantage, start, end);
    }

    public static BrokenVantage of(String vantage, Instant start, Instant end) {
        return new BrokenVantage(vantage, start, end);
    }

    @Override
    public void checkAgainst(ScenarioFrame frame) {
        frame.vantage(vantage, this);
        frame.requireWithin(start, end, this);
    }

    @Override
    public ProbeDisturbance probeDisturbance(String service, Vantage probing, Instant at) {
        boolean hit = vantage.equals(probing.id()) && EventChecks.within(at, start, end);
        return hit ? ProbeDisturbance.unreachable() : ProbeDisturbance.NONE;
    }
}
