package io.outagewatch.scenario;

import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.SocialReport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Something that happens on top of a scenario's normal background. Each hook has a neutral default,
 * so an event overrides only the ways it shows up.
 */
public sealed interface ScenarioEvent
        permits Outage,
                Brownout,
                Flapping,
                SlowBurn,
                BrokenVantage,
                Spammer,
                NewsBurst,
                ScatteredFailures {

    /**
     * @throws IllegalArgumentException when the event names something the scenario lacks
     */
    void checkAgainst(ScenarioFrame frame);

    /** How this event changes a probe of {@code service} from {@code vantage} at {@code at}. */
    default ProbeDisturbance probeDisturbance(String service, Vantage vantage, Instant at) {
        return ProbeDisturbance.NONE;
    }

    /**
     * Extra complaints about {@code service} at {@code at}, as a multiple of the normal rate: 0
     * adds none, 24 makes the total 25 times normal.
     */
    default double extraComplaintFactor(String service, Instant at) {
        return 0;
    }

    /** Posts the event adds beyond the rate-driven background. */
    default List<SocialReport> extraReports(
            ScenarioFrame frame, ReportFactory reports, SplittableRandom random) {
        return List.of();
    }

    /** Replaces some of the already generated probes; the list stays the same size. */
    default void rewriteProbes(List<ProbeResult> probes, SplittableRandom random) {}

    /** The incident a correct detector reports for this event, if it is one. */
    default Optional<ExpectedIncident> expectedIncident() {
        return Optional.empty();
    }
}
