package io.outagewatch.scenario;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A service that keeps falling over and coming back: down for {@code downFor}, up for {@code
 * upFor}, starting with a down phase. A detector should report it as one incident, not many.
 *
 * @param service the flapping service
 * @param start when the first down phase began
 * @param end when the last phase ended and the service stayed up
 * @param upFor length of each recovery phase
 * @param downFor length of each failure phase
 * @param failureRate the share of probes that fail during a down phase
 * @param complaintMultiplier complaints at a surge's peak relative to the normal rate
 */
public record Flapping(
        String service,
        Instant start,
        Instant end,
        Duration upFor,
        Duration downFor,
        double failureRate,
        double complaintMultiplier)
        implements ScenarioEvent {

    public static final double DEFAULT_FAILURE_RATE = 0.95;
    public static final double DEFAULT_COMPLAINT_MULTIPLIER = 20;

    public Flapping {
        Vantage.requireId("flapping service", service);
        EventChecks.requireInterval("flapping of " + service, start, end);
        EventChecks.requirePositive("flapping up phase", upFor);
        EventChecks.requirePositive("flapping down phase", downFor);
        EventChecks.requireProbability("flapping failure rate", failureRate);
        EventChecks.requireAtLeastOne("flapping complaint multiplier", complaintMultiplier);
    }

    public static Flapping of(
            String service, Instant start, Instant end, Duration upFor, Duration downFor) {
        return new Flapping(
                service,
                start,
                end,
                upFor,
                downFor,
                DEFAULT_FAILURE_RATE,
                DEFAULT_COMPLAINT_MULTIPLIER);
    }

    public Flapping failureRate(double rate) {
        return new Flapping(service, start, end, upFor, downFor, rate, complaintMultiplier);
    }

    public Flapping complaintMultiplier(double multiplier) {
        return new Flapping(service, start, end, upFor, downFor, failureRate, multiplier);
    }

    /** The down phases, the last one cut at {@link #end()}. */
    public List<ComplaintWave> downPhases() {
        List<ComplaintWave> phases = new ArrayList<>();
        for (Instant phaseStart = start;
                phaseStart.isBefore(end);
                phaseStart = phaseStart.plus(downFor).plus(upFor)) {
            Instant phaseEnd = phaseStart.plus(downFor);
            phases.add(new ComplaintWave(phaseStart, phaseEnd.isBefore(end) ? phaseEnd : end));
        }
        return phases;
    }

    public boolean isDown(Instant at) {
        if (!EventChecks.within(at, start, end)) {
            return false;
        }
        long cycleMillis = downFor.plus(upFor).toMillis();
        long intoCycle = Duration.between(start, at).toMillis() % cycleMillis;
        return intoCycle < downFor.toMillis();
    }

    @Override
    public void checkAgainst(ScenarioFrame frame) {
        frame.service(service, this);
        frame.requireWithin(start, end, this);
    }

    @Override
    public ProbeDisturbance probeDisturbance(String probed, Vantage vantage, Instant at) {
        boolean hit = service.equals(probed) && isDown(at);
        return hit ? ProbeDisturbance.hardFailure(failureRate) : ProbeDisturbance.NONE;
    }

    /** Each down phase starts its own surge; they overlap, so the strongest one counts. */
    @Override
    public double extraComplaintFactor(String discussed, Instant at) {
        if (!service.equals(discussed)) {
            return 0;
        }
        double strongest = 0;
        for (ComplaintWave phase : downPhases()) {
            strongest = Math.max(strongest, phase.intensity(at));
        }
        return (complaintMultiplier - 1) * strongest;
    }

    @Override
    public Optional<ExpectedIncident> expectedIncident() {
        return Optional.of(
                new ExpectedIncident(
                        service, IncidentKind.FLAPPING, "MAJOR", List.of(), start, end));
    }
}
