package io.outagewatch.scenario;

import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.SocialReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** Counting helpers the scenario tests share. */
final class ScenarioFacts {

    private ScenarioFacts() {}

    static List<ProbeResult> probes(
            Scenario scenario,
            String service,
            Predicate<String> vantage,
            Instant start,
            Instant end) {
        return scenario.probes().stream()
                .filter(probe -> probe.service().equals(service))
                .filter(probe -> vantage.test(probe.vantage()))
                .filter(probe -> within(probe.timestamp(), start, end))
                .toList();
    }

    static double failureFraction(List<ProbeResult> probes) {
        if (probes.isEmpty()) {
            throw new AssertionError("no probes to judge");
        }
        return probes.stream().filter(probe -> !probe.success()).count() / (double) probes.size();
    }

    static long complaints(Scenario scenario, ServiceSpec service, Instant start, Instant end) {
        return reports(scenario, service, ReportKind.COMPLAINT, start, end);
    }

    static long reports(
            Scenario scenario, ServiceSpec service, ReportKind kind, Instant start, Instant end) {
        return scenario.reports().stream()
                .filter(report -> within(report.timestamp(), start, end))
                .filter(report -> mentions(report, service))
                .filter(report -> ReportTexts.kindOf(report.text()).orElseThrow() == kind)
                .count();
    }

    static boolean mentions(SocialReport report, ServiceSpec service) {
        String text = report.text().toLowerCase(Locale.ROOT);
        return service.mentions().stream()
                .anyMatch(mention -> text.contains(mention.toLowerCase(Locale.ROOT)));
    }

    static Instant dayBefore(Instant at) {
        return at.minus(Duration.ofDays(1));
    }

    static boolean within(Instant at, Instant start, Instant end) {
        return !at.isBefore(start) && at.isBefore(end);
    }
}
