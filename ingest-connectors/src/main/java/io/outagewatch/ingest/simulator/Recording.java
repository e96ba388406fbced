package io.outagewatch.ingest.simulator;

import io.outagewatch.events.EventSerde;
import io.outagewatch.events.Parsed;
import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.events.SocialReport;
import io.outagewatch.events.SocialReportSerde;
import io.outagewatch.events.StatusUpdate;
import io.outagewatch.events.StatusUpdateSerde;
import io.outagewatch.scenario.Scenario;
import io.outagewatch.scenario.TimeShift;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The three streams of a scenario or of a directory written by {@code simulate --output DIR}.
 *
 * @param rejectedLines lines of the files that were not valid events, each with file, line number
 *     and reason; they were skipped
 */
record Recording(
        List<ProbeResult> probes,
        List<SocialReport> reports,
        List<StatusUpdate> statusUpdates,
        List<String> rejectedLines) {

    Recording {
        probes = List.copyOf(probes);
        reports = List.copyOf(reports);
        statusUpdates = List.copyOf(statusUpdates);
        rejectedLines = List.copyOf(rejectedLines);
    }

    static Recording of(Scenario scenario) {
        return new Recording(
                scenario.probes(), scenario.reports(), scenario.statusUpdates(), List.of());
    }

    /** Reads whichever of the three files exist; at least one must. */
    static Recording readFrom(Path dir) throws IOException {
        List<String> rejected = new ArrayList<>();
        List<ProbeResult> probes =
                read(dir.resolve(Scenario.PROBES_FILE), ProbeResultSerde.INSTANCE, rejected);
        List<SocialReport> reports =
                read(dir.resolve(Scenario.REPORTS_FILE), SocialReportSerde.INSTANCE, rejected);
        List<StatusUpdate> updates =
                read(dir.resolve(Scenario.STATUS_FILE), StatusUpdateSerde.INSTANCE, rejected);
        if (Stream.of(Scenario.PROBES_FILE, Scenario.REPORTS_FILE, Scenario.STATUS_FILE)
                .noneMatch(name -> Files.isRegularFile(dir.resolve(name)))) {
            throw new IOException(
                    dir
                            + " has none of "
                            + Scenario.PROBES_FILE
                            + ", "
                            + Scenario.REPORTS_FILE
                            + ", "
                            + Scenario.STATUS_FILE);
        }
        return new Recording(probes, reports, updates, rejected);
    }

    private static <T> List<T> read(Path file, EventSerde<T> serde, List<String> rejected)
            throws IOException {
        List<T> events = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return events;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                Parsed<T> parsed = serde.parse(line);
                if (parsed instanceof Parsed.Invalid<T> invalid) {
                    rejected.add(file.getFileName() + ":" + number + ": " + invalid.reason());
                } else {
                    events.add(parsed.value());
                }
            }
        }
        return events;
    }

    long size() {
        return (long) probes.size() + reports.size() + statusUpdates.size();
    }

    Optional<Instant> earliest() {
        return timeline().stream().findFirst().map(TimedEvent::at);
    }

    /** Moves every event by the same amount so the earliest one is at {@code start}. */
    Recording startingAt(Instant start) {
        Optional<Instant> earliest = earliest();
        if (earliest.isEmpty()) {
            return this;
        }
        Duration by = Duration.between(earliest.get(), start);
        return new Recording(
                probes.stream().map(probe -> TimeShift.probe(probe, by)).toList(),
                reports.stream().map(report -> TimeShift.report(report, by)).toList(),
                statusUpdates.stream().map(update -> TimeShift.status(update, by)).toList(),
                rejectedLines);
    }

    /** All events in time order; the sort is stable, so each file's order is kept for ties. */
    List<TimedEvent> timeline() {
        List<TimedEvent> events = new ArrayList<>((int) Math.min(Integer.MAX_VALUE, size()));
        probes.forEach(probe -> events.add(new TimedEvent.Probe(probe)));
        reports.forEach(report -> events.add(new TimedEvent.Report(report)));
        statusUpdates.forEach(update -> events.add(new TimedEvent.Status(update)));
        events.sort(Comparator.comparing(TimedEvent::at).thenComparingInt(TimedEvent::streamOrder));
        return events;
    }
}
