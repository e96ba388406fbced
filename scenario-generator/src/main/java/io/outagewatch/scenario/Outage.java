package io.outagewatch.scenario;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A service fails hard, everywhere or in some regions. Probes from the affected regions mostly fail
 * and complaints surge; a regional outage draws fewer complaints because fewer people are hit.
 *
 * @param service the failing service
 * @param start when it broke
 * @param end when it recovered
 * @param regions the failing regions; empty means everywhere
 * @param failureRate the share of affected probes that fail
 * @param complaintMultiplier complaints at the surge's peak relative to the normal rate
 * @param kind what the scenario file called it; decides how the expected incident is labelled
 */
public record Outage(
        String service,
        Instant start,
        Instant end,
        List<String> regions,
        double failureRate,
        double complaintMultiplier,
        IncidentKind kind)
        implements ScenarioEvent {

    public static final double DEFAULT_FAILURE_RATE = 0.95;
    public static final double DEFAULT_COMPLAINT_MULTIPLIER = 25;

    /** Roughly the share of users a one-region outage reaches. */
    static final double REGIONAL_COMPLAINT_SHARE = 0.3;

    public Outage {
        Vantage.requireId("outage service", service);
        EventChecks.requireInterval("outage of " + service, start, end);
        regions = List.copyOf(regions);
        regions.forEach(region -> Vantage.requireId("outage region", region));
        EventChecks.requireProbability("outage failure rate", failureRate);
        EventChecks.requireAtLeastOne("outage complaint multiplier", complaintMultiplier);
        Objects.requireNonNull(kind, "kind");
    }

    public static Outage of(String service, Instant start, Instant end) {
        return new Outage(
                service,
                start,
                end,
                List.of(),
                DEFAULT_FAILURE_RATE,
                DEFAULT_COMPLAINT_MULTIPLIER,
                IncidentKind.FULL);
    }

    /** Probes keep succeeding; only the complaint surge shows it. */
    public Outage socialOnly() {
        return new Outage(
                service, start, end, regions, 0, complaintMultiplier, IncidentKind.SOCIAL_ONLY);
    }

    /** Probes fail but nobody complains, as with an internal API. */
    public Outage probeOnly() {
        return new Outage(service, start, end, regions, failureRate, 1, IncidentKind.PROBE_ONLY);
    }

    /** Only vantages in these regions see the failures; the incident becomes PARTIAL. */
    public Outage regions(String... failingRegions) {
        return new Outage(
                service,
                start,
                end,
                List.of(failingRegions),
                failureRate,
                complaintMultiplier,
                failingRegions.length == 0 ? kind : IncidentKind.REGIONAL);
    }

    public Outage failureRate(double rate) {
        return new Outage(service, start, end, regions, rate, complaintMultiplier, kind);
    }

    public Outage complaintMultiplier(double multiplier) {
        return new Outage(service, start, end, regions, failureRate, multiplier, kind);
    }

    @Override
    public void checkAgainst(ScenarioFrame frame) {
        ServiceSpec spec = frame.service(service, this);
        frame.requireWithin(start, end, this);
        if (!regions.isEmpty() && !spec.probed()) {
            throw new IllegalArgumentException(
                    this + " limits an unprobed service to regions, which nothing could observe");
        }
        for (String region : regions) {
            if (!frame.regions().contains(region)) {
                throw new IllegalArgumentException(
                        this + " names region " + region + ", which no vantage is in");
            }
        }
    }

    @Override
    public ProbeDisturbance probeDisturbance(String probed, Vantage vantage, Instant at) {
        boolean hit =
                service.equals(probed)
                        && EventChecks.within(at, start, end)
                        && (regions.isEmpty() || regions.contains(vantage.region()));
        return hit ? ProbeDisturbance.hardFailure(failureRate) : ProbeDisturbance.NONE;
    }

    @Override
    public double extraComplaintFactor(String discussed, Instant at) {
        if (!service.equals(discussed)) {
            return 0;
        }
        double share = regions.isEmpty() ? 1 : REGIONAL_COMPLAINT_SHARE;
        return (complaintMultiplier - 1) * share * new ComplaintWave(start, end).intensity(at);
    }

    @Override
    public Optional<ExpectedIncident> expectedIncident() {
        String severity = regions.isEmpty() ? "MAJOR" : "PARTIAL";
        return Optional.of(
                new ExpectedIncident(
                        service, kind, severity, regions.stream().sorted().toList(), start, end));
    }
}
