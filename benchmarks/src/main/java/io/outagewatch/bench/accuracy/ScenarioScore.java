package io.outagewatch.bench.accuracy;

import io.outagewatch.events.Alert;
import io.outagewatch.scenario.DetectedIncident;
import io.outagewatch.scenario.ExpectedIncident;
import io.outagewatch.scenario.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a detector's alerts for one scenario compare with the scenario's expected incidents.
 *
 * @param matches one entry per expected incident, with the detected incident it matched, if any
 * @param falseAlarms detected incidents that match no expected one
 * @param days how many days of input the scenario spans, for false alarms per day
 */
public record ScenarioScore(
        String scenario, List<Match> matches, List<DetectedIncident> falseAlarms, double days) {

    /** An expected incident may be matched by a detected one that starts this long before it. */
    static final Duration EARLY_TOLERANCE = Duration.ofMinutes(10);

    /** An expected incident and what was detected for it. */
    public record Match(ExpectedIncident expected, Optional<DetectedIncident> detected) {

        public Optional<Duration> detectionDelay() {
            return detected.map(d -> Duration.between(expected.start(), d.detectedAt()));
        }

        public Optional<Duration> onsetError() {
            return detected.map(d -> Duration.between(expected.start(), d.startedAt()));
        }

        public Optional<Duration> recoveryError() {
            return detected.flatMap(DetectedIncident::recovered)
                    .map(r -> Duration.between(expected.end(), r.recoveredAt()));
        }

        public Optional<Duration> durationError() {
            Duration actual = Duration.between(expected.start(), expected.end());
            return detected.flatMap(DetectedIncident::recovered)
                    .map(r -> Duration.ofSeconds(r.durationSeconds()).minus(actual));
        }

        /** Estimated total duration at OUTAGE_STARTED minus the actual duration. */
        public Optional<Duration> estimateError() {
            Duration actual = Duration.between(expected.start(), expected.end());
            return detected.flatMap(DetectedIncident::started)
                    .map(s -> Duration.ofSeconds(s.estimatedDurationSeconds()).minus(actual));
        }
    }

    public static ScenarioScore of(Scenario scenario, List<Alert> alerts) {
        List<DetectedIncident> unmatched = new ArrayList<>(DetectedIncident.fromAlerts(alerts));
        List<Match> matches = new ArrayList<>();
        for (ExpectedIncident expected : scenario.expected()) {
            Optional<DetectedIncident> match =
                    unmatched.stream()
                            .filter(d -> d.service().equals(expected.service()))
                            .filter(d -> overlaps(d, expected))
                            .findFirst();
            match.ifPresent(unmatched::remove);
            matches.add(new Match(expected, match));
        }
        return new ScenarioScore(scenario.name(), matches, unmatched, span(scenario));
    }

    private static boolean overlaps(DetectedIncident detected, ExpectedIncident expected) {
        Instant detectedEnd = detected.recovered().map(Alert::recoveredAt).orElse(Instant.MAX);
        return detected.startedAt().isBefore(expected.end())
                && detectedEnd.isAfter(expected.start().minus(EARLY_TOLERANCE));
    }

    private static double span(Scenario scenario) {
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        for (var probe : scenario.probes()) {
            first = probe.timestamp().isBefore(first) ? probe.timestamp() : first;
            last = probe.timestamp().isAfter(last) ? probe.timestamp() : last;
        }
        for (var report : scenario.reports()) {
            first = report.timestamp().isBefore(first) ? report.timestamp() : first;
            last = report.timestamp().isAfter(last) ? report.timestamp() : last;
        }
        return first.isAfter(last) ? 0 : Duration.between(first, last).toMinutes() / (24.0 * 60);
    }

    public double falseAlarmsPerDay() {
        return days == 0 ? 0 : falseAlarms.size() / days;
    }

    public boolean allDetected() {
        return matches.stream().allMatch(m -> m.detected().isPresent());
    }
}
