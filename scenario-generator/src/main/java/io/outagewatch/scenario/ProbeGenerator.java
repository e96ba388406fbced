package io.outagewatch.scenario;

import io.outagewatch.events.ProbeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Every vantage probing every probed service on a fixed cadence, with events applied. */
public final class ProbeGenerator {

    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    public static final double LATENCY_SIGMA = 0.35;

    /** The internet's ordinary noise: the odd probe fails even when everything is fine. */
    public static final double BACKGROUND_FAILURE_RATE = 0.002;

    private static final ProbeFailure[] BACKGROUND_FAILURES = {
        ProbeFailure.TIMEOUT, ProbeFailure.HTTP_503
    };

    /** Real probers start a little late now and then; the jitter stays within one interval. */
    private static final long MAX_JITTER_MILLIS = 400;

    /** Shifts each service's schedule too, so that no two series line up exactly. */
    private static final long SERVICE_PHASE_STEP_MILLIS = 1_117;

    /** A gateway gives up shortly before the prober would, so its error pages arrive late. */
    private static final double GATEWAY_ERROR_MIN_TIMEOUT_SHARE = 0.8;

    private final ScenarioFrame frame;
    private final List<ScenarioEvent> events;

    private ProbeGenerator(ScenarioFrame frame, List<ScenarioEvent> events) {
        this.frame = frame;
        this.events = events;
    }

    /** In schedule order, not time order; the list is mutable so events can rewrite it. */
    static List<ProbeResult> generate(
            ScenarioFrame frame, List<ScenarioEvent> events, SplittableRandom random) {
        return new ProbeGenerator(frame, events).generate(random);
    }

    private List<ProbeResult> generate(SplittableRandom random) {
        List<ProbeResult> probes = new ArrayList<>();
        List<ServiceSpec> services = frame.services();
        List<Vantage> vantages = frame.vantages();
        for (int s = 0; s < services.size(); s++) {
            if (!services.get(s).probed()) {
                continue;
            }
            for (int v = 0; v < vantages.size(); v++) {
                SplittableRandom seriesRandom = random.split();
                long phase =
                        phaseMillis(
                                s, v, vantages.size(), frame.traffic().probeInterval().toMillis());
                for (Instant slot = firstSlot();
                        slot.isBefore(frame.until());
                        slot = slot.plus(frame.traffic().probeInterval())) {
                    Instant at = slot.plusMillis(phase + seriesRandom.nextLong(MAX_JITTER_MILLIS));
                    if (!at.isBefore(frame.from()) && at.isBefore(frame.until())) {
                        probes.add(probe(services.get(s), vantages.get(v), at, seriesRandom));
                    }
                }
            }
        }
        return probes;
    }

    /** Slots sit on the epoch-aligned interval grid, so every hour holds the same count. */
    private Instant firstSlot() {
        long interval = frame.traffic().probeInterval().toMillis();
        return Instant.ofEpochMilli(
                Math.floorDiv(frame.from().toEpochMilli(), interval) * interval);
    }

    private static long phaseMillis(int service, int vantage, int vantageCount, long interval) {
        long spread = vantage * interval / vantageCount + service * SERVICE_PHASE_STEP_MILLIS;
        return spread % (interval - MAX_JITTER_MILLIS);
    }

    private ProbeResult probe(
            ServiceSpec service, Vantage vantage, Instant at, SplittableRandom random) {
        ProbeDisturbance disturbance = ProbeDisturbance.NONE;
        for (ScenarioEvent event : events) {
            disturbance = disturbance.and(event.probeDisturbance(service.id(), vantage, at));
        }
        double latency =
                service.medianLatencyMs()
                        * StrictMath.exp(LATENCY_SIGMA * standardNormal(random))
                        * disturbance.latencyFactor();
        ProbeResult healthy =
                new ProbeResult(
                        service.id(),
                        vantage.id(),
                        vantage.region(),
                        service.target(),
                        at,
                        true,
                        roundToTenth(Math.min(latency, PROBE_TIMEOUT.toMillis())),
                        200,
                        null);
        if (random.nextDouble() < disturbance.failureProbability()) {
            List<ProbeFailure> modes = disturbance.failureModes();
            ProbeFailure mode = modes.get(random.nextInt(modes.size()));
            return mode.applyTo(healthy, nearTimeoutMillis(random));
        }
        if (latency >= PROBE_TIMEOUT.toMillis()) {
            return ProbeFailure.TIMEOUT.applyTo(healthy, latency);
        }
        if (random.nextDouble() < BACKGROUND_FAILURE_RATE) {
            ProbeFailure mode = BACKGROUND_FAILURES[random.nextInt(BACKGROUND_FAILURES.length)];
            return mode.applyTo(healthy, healthy.latencyMs());
        }
        return healthy;
    }

    /**
     * Box-Muller on {@link StrictMath}: {@code nextGaussian} and {@code Math} may differ in the
     * last bit between JVMs and CPUs, and the files must be byte-identical everywhere.
     */
    private static double standardNormal(SplittableRandom random) {
        double radius = StrictMath.sqrt(-2 * StrictMath.log(1 - random.nextDouble()));
        return radius * StrictMath.cos(2 * StrictMath.PI * random.nextDouble());
    }

    private static double nearTimeoutMillis(SplittableRandom random) {
        double share =
                GATEWAY_ERROR_MIN_TIMEOUT_SHARE
                        + (1 - GATEWAY_ERROR_MIN_TIMEOUT_SHARE) * random.nextDouble();
        return roundToTenth(share * PROBE_TIMEOUT.toMillis());
    }

    private static double roundToTenth(double millis) {
        return Math.round(millis * 10) / 10.0;
    }
}
