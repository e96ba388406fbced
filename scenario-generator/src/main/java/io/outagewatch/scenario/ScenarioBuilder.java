package io.outagewatch.scenario;

import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.SocialReport;
import io.outagewatch.events.StatusUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Assembles a {@link Scenario} from services, vantages and events. The same seed and the same calls
 * always give the same scenario.
 */
public final class ScenarioBuilder {

    public static final long DEFAULT_SEED = 42;

    private final String name;
    private long seed = DEFAULT_SEED;
    private Instant from;
    private Instant until;
    private final List<ServiceSpec> services = new ArrayList<>();
    private List<Vantage> vantages = Vantage.standardSix();
    private TrafficShape traffic = TrafficShape.defaults();
    private final List<ScenarioEvent> events = new ArrayList<>();
    private final List<StatusUpdate> statusUpdates = new ArrayList<>();

    private ScenarioBuilder(String name) {
        Vantage.requireId("scenario name", name);
        this.name = name;
    }

    public static ScenarioBuilder named(String name) {
        return new ScenarioBuilder(name);
    }

    public ScenarioBuilder seed(long value) {
        this.seed = value;
        return this;
    }

    /** The first instant generated, inclusive. */
    public ScenarioBuilder from(Instant start) {
        this.from = Objects.requireNonNull(start, "from");
        return this;
    }

    /** The end of generation, exclusive. */
    public ScenarioBuilder until(Instant end) {
        this.until = Objects.requireNonNull(end, "until");
        return this;
    }

    public ScenarioBuilder service(ServiceSpec service) {
        services.add(Objects.requireNonNull(service, "service"));
        return this;
    }

    /** Replaces the default {@link Vantage#standardSix()}. */
    public ScenarioBuilder vantages(List<Vantage> probing) {
        this.vantages = List.copyOf(probing);
        return this;
    }

    /** Replaces {@link TrafficShape#defaults()}. */
    public ScenarioBuilder traffic(TrafficShape shape) {
        this.traffic = Objects.requireNonNull(shape, "traffic");
        return this;
    }

    public ScenarioBuilder outage(Outage outage) {
        return event(outage);
    }

    public ScenarioBuilder brownout(Brownout brownout) {
        return event(brownout);
    }

    public ScenarioBuilder flapping(Flapping flapping) {
        return event(flapping);
    }

    public ScenarioBuilder slowBurn(SlowBurn slowBurn) {
        return event(slowBurn);
    }

    public ScenarioBuilder brokenVantage(BrokenVantage brokenVantage) {
        return event(brokenVantage);
    }

    public ScenarioBuilder spammer(Spammer spammer) {
        return event(spammer);
    }

    public ScenarioBuilder newsBurst(NewsBurst newsBurst) {
        return event(newsBurst);
    }

    public ScenarioBuilder scatteredFailures(ScatteredFailures scatteredFailures) {
        return event(scatteredFailures);
    }

    public ScenarioBuilder event(ScenarioEvent event) {
        events.add(Objects.requireNonNull(event, "event"));
        return this;
    }

    /** An official status-page update, passed through unchanged. */
    public ScenarioBuilder statusUpdate(StatusUpdate update) {
        statusUpdates.add(Objects.requireNonNull(update, "statusUpdate"));
        return this;
    }

    /**
     * @throws IllegalArgumentException when the span is missing or an event or status update names
     *     a service, vantage or region the scenario lacks, or falls outside the span
     */
    public Scenario build() {
        ScenarioFrame frame = new ScenarioFrame(name, from, until, services, vantages, traffic);
        events.forEach(event -> event.checkAgainst(frame));
        for (StatusUpdate update : statusUpdates) {
            frame.service(update.service(), "status update " + update.incidentId());
            frame.requireWithin(
                    update.timestamp(), update.timestamp(), "status update " + update.incidentId());
        }
        // One split per stream, always in this order, so each stream depends only on the seed.
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom probeRandom = root.split();
        SplittableRandom rewriteRandom = root.split();
        SplittableRandom reportRandom = root.split();
        AuthorPool authors = new AuthorPool(root.nextLong(), AuthorPool.DEFAULT_SIZE);

        List<ProbeResult> probes = ProbeGenerator.generate(frame, events, probeRandom);
        for (ScenarioEvent event : events) {
            event.rewriteProbes(probes, rewriteRandom.split());
        }
        List<SocialReport> reports =
                ReportGenerator.generate(frame, events, new ReportFactory(authors), reportRandom);
        List<ExpectedIncident> expected =
                events.stream()
                        .map(ScenarioEvent::expectedIncident)
                        .flatMap(Optional::stream)
                        .toList();
        return new Scenario(frame, seed, probes, reports, statusUpdates, expected);
    }
}
