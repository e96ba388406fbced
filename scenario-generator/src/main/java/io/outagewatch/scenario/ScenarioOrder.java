package io.outagewatch.scenario;

import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.SocialReport;
import io.outagewatch.events.StatusUpdate;
import java.util.Comparator;

/** The total orders that make a scenario's lists, and so its files, reproducible. */
final class ScenarioOrder {

    static final Comparator<ProbeResult> PROBES =
            Comparator.comparing(ProbeResult::timestamp)
                    .thenComparing(ProbeResult::service)
                    .thenComparing(ProbeResult::vantage);

    static final Comparator<SocialReport> REPORTS =
            Comparator.comparing(SocialReport::timestamp)
                    .thenComparing(SocialReport::author, Comparator.nullsFirst(String::compareTo))
                    .thenComparing(SocialReport::text)
                    .thenComparing(SocialReport::service, Comparator.nullsFirst(String::compareTo));

    static final Comparator<StatusUpdate> STATUS_UPDATES =
            Comparator.comparing(StatusUpdate::timestamp)
                    .thenComparing(StatusUpdate::service)
                    .thenComparing(StatusUpdate::incidentId)
                    .thenComparing(StatusUpdate::status);

    static final Comparator<ExpectedIncident> EXPECTED =
            Comparator.comparing(ExpectedIncident::start)
                    .thenComparing(ExpectedIncident::service)
                    .thenComparing(ExpectedIncident::end);

    private ScenarioOrder() {}
}
