package io.outagewatch.scenario;

import io.outagewatch.events.ProbeResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Isolated probe failures of a healthy service, at random vantages and times: the ordinary noise of
 * the internet turned up. No incident.
 *
 * @param service the probed service
 * @param start the first instant a failure may fall on
 * @param end the end of that span, exclusive
 * @param count how many successful probes turn into failures
 */
public record ScatteredFailures(String service, Instant start, Instant end, int count)
        implements ScenarioEvent {

    private static final ProbeFailure[] MODES = {ProbeFailure.TIMEOUT, ProbeFailure.HTTP_503};

    public ScatteredFailures {
        Vantage.requireId("scattered failures service", service);
        EventChecks.requireInterval("scattered failures of " + service, start, end);
        EventChecks.requirePositive("scattered failure count", count);
    }

    public static ScatteredFailures of(String service, Instant start, Instant end, int count) {
        return new ScatteredFailures(service, start, end, count);
    }

    @Override
    public void checkAgainst(ScenarioFrame frame) {
        if (!frame.service(service, this).probed()) {
            throw new IllegalArgumentException(this + " needs a probed service");
        }
        frame.requireWithin(start, end, this);
    }

    /** Picks {@code count} distinct successful probes in the span by a partial shuffle. */
    @Override
    public void rewriteProbes(List<ProbeResult> probes, SplittableRandom random) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            ProbeResult probe = probes.get(i);
            if (probe.service().equals(service)
                    && probe.success()
                    && EventChecks.within(probe.timestamp(), start, end)) {
                candidates.add(i);
            }
        }
        if (candidates.size() < count) {
            throw new IllegalArgumentException(
                    this + " asks for more failures than there are probes in its span");
        }
        for (int picked = 0; picked < count; picked++) {
            int swap = picked + random.nextInt(candidates.size() - picked);
            int index = candidates.set(swap, candidates.get(picked));
            candidates.set(picked, index);
            ProbeResult probe = probes.get(index);
            ProbeFailure mode = MODES[random.nextInt(MODES.length)];
            probes.set(index, mode.applyTo(probe, probe.latencyMs()));
        }
    }
}
