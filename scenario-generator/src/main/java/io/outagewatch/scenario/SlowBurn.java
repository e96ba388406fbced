package io.outagewatch.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A service that fails slowly: the share of probes that fail rises in a straight line from nothing
 * at {@code start} to {@code failureRate} after {@code ramp} (a leak filling up, backends dropping
 * out one by one), then stays there until {@code end}. The surviving probes answer as usual, so
 * nothing looks slow. Complaints grow with the share of users hit. The incident begins where the
 * ramp begins, not where enough probes fail to be noticed.
 *
 * @param service the failing service
 * @param start when the failure rate began to rise
 * @param end when the service recovered
 * @param ramp how long the failure rate takes to reach {@code failureRate}
 * @param failureRate the share of probes that fail once the ramp is over
 * @param complaintMultiplier complaints at the surge's peak relative to the normal rate, once the
 *     ramp is over
 */
public record SlowBurn(
        String service,
        Instant start,
        Instant end,
        Duration ramp,
        double failureRate,
        double complaintMultiplier)
        implements ScenarioEvent {

    public static final Duration DEFAULT_RAMP = Duration.ofMinutes(20);
    public static final double DEFAULT_FAILURE_RATE = Outage.DEFAULT_FAILURE_RATE;
    public static final double DEFAULT_COMPLAINT_MULTIPLIER = Outage.DEFAULT_COMPLAINT_MULTIPLIER;

    public SlowBurn {
        Vantage.requireId("slow-burn service", service);
        EventChecks.requireInterval("slow-burn of " + service, start, end);
        EventChecks.requirePositive("slow-burn ramp", ramp);
        if (start.plus(ramp).isAfter(end)) {
            throw new IllegalArgumentException(
                    "slow-burn of "
                            + service
                            + " ramps for "
                            + ramp
                            + " but lasts only "
                            + Duration.between(start, end));
        }
        EventChecks.requireProbability("slow-burn failure rate", failureRate);
        EventChecks.requireAtLeastOne("slow-burn complaint multiplier", complaintMultiplier);
    }

    public static SlowBurn of(String service, Instant start, Instant end) {
        return new SlowBurn(
                service,
                start,
                end,
                DEFAULT_RAMP,
                DEFAULT_FAILURE_RATE,
                DEFAULT_COMPLAINT_MULTIPLIER);
    }

    public SlowBurn ramp(Duration length) {
        return new SlowBurn(service, start, end, length, failureRate, complaintMultiplier);
    }

    public SlowBurn failureRate(double rate) {
        return new SlowBurn(service, start, end, ramp, rate, complaintMultiplier);
    }

    public SlowBurn complaintMultiplier(double multiplier) {
        return new SlowBurn(service, start, end, ramp, failureRate, multiplier);
    }

    /**
     * How far along the ramp {@code at} is: 0 at {@code start} and before, rising linearly to 1 at
     * {@code start + ramp}, and 1 from then on (also after {@code end}, for the complaints' tail).
     */
    public double rampShare(Instant at) {
        if (!at.isAfter(start)) {
            return 0;
        }
        double share = Duration.between(start, at).toMillis() / (double) ramp.toMillis();
        return Math.min(1, share);
    }

    /** The chance that a probe at {@code at} fails because of the slow burn. */
    public double failureProbability(Instant at) {
        return EventChecks.within(at, start, end) ? failureRate * rampShare(at) : 0;
    }

    @Override
    public void checkAgainst(ScenarioFrame frame) {
        frame.service(service, this);
        frame.requireWithin(start, end, this);
    }

    /**
     * While the rate rises, probes fail fast and the rest answer at their usual speed; once the
     * ramp is over the service is down like any outage.
     */
    @Override
    public ProbeDisturbance probeDisturbance(String probed, Vantage vantage, Instant at) {
        if (!service.equals(probed) || !EventChecks.within(at, start, end)) {
            return ProbeDisturbance.NONE;
        }
        if (rampShare(at) >= 1) {
            return ProbeDisturbance.hardFailure(failureRate);
        }
        return new ProbeDisturbance(
                failureProbability(at),
                1,
                List.of(ProbeFailure.HTTP_502, ProbeFailure.HTTP_503, ProbeFailure.TIMEOUT));
    }

    /** A surge like an outage's, scaled by the share of users the failures reach so far. */
    @Override
    public double extraComplaintFactor(String discussed, Instant at) {
        if (!service.equals(discussed)) {
            return 0;
        }
        return (complaintMultiplier - 1)
                * rampShare(at)
                * new ComplaintWave(start, end).intensity(at);
    }

    @Override
    public Optional<ExpectedIncident> expectedIncident() {
        return Optional.of(
                new ExpectedIncident(
                        service, IncidentKind.SLOW_BURN, "MAJOR", List.of(), start, end));
    }
}
