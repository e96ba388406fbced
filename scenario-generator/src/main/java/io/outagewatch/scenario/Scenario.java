package io.outagewatch.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outagewatch.events.EventSerde;
import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.events.SocialReport;
import io.outagewatch.events.SocialReportSerde;
import io.outagewatch.events.StatusUpdate;
import io.outagewatch.events.StatusUpdateSerde;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A generated input for the detector and the incidents it should find; every list is in time order.
 *
 * @param frame the span, services, vantages and traffic it was generated for
 * @param seed the seed it was generated with
 */
public record Scenario(
        ScenarioFrame frame,
        long seed,
        List<ProbeResult> probes,
        List<SocialReport> reports,
        List<StatusUpdate> statusUpdates,
        List<ExpectedIncident> expected) {

    public static final String PROBES_FILE = "probes.jsonl";
    public static final String REPORTS_FILE = "reports.jsonl";
    public static final String STATUS_FILE = "status.jsonl";
    public static final String TRUTH_FILE = "truth.json";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Scenario {
        Objects.requireNonNull(frame, "frame");
        probes = sorted(probes, ScenarioOrder.PROBES);
        reports = sorted(reports, ScenarioOrder.REPORTS);
        statusUpdates = sorted(statusUpdates, ScenarioOrder.STATUS_UPDATES);
        expected = sorted(expected, ScenarioOrder.EXPECTED);
    }

    public String name() {
        return frame.name();
    }

    /**
     * The same scenario moved in time so that it starts at {@code newFrom}. The diurnal shape moves
     * with it: what happened at 13:42 UTC happens {@code newFrom - from} later.
     */
    public Scenario startingAt(Instant newFrom) {
        Duration by = Duration.between(frame.from(), newFrom);
        return new Scenario(
                TimeShift.frame(frame, by),
                seed,
                probes.stream().map(probe -> TimeShift.probe(probe, by)).toList(),
                reports.stream().map(report -> TimeShift.report(report, by)).toList(),
                statusUpdates.stream().map(update -> TimeShift.status(update, by)).toList(),
                expected.stream().map(incident -> TimeShift.incident(incident, by)).toList());
    }

    /**
     * Writes {@value #PROBES_FILE}, {@value #REPORTS_FILE} and {@value #STATUS_FILE} (one wire JSON
     * per line) and {@value #TRUTH_FILE} into {@code dir}, creating it if needed.
     */
    public void writeJsonl(Path dir) throws IOException {
        Files.createDirectories(dir);
        writeLines(dir.resolve(PROBES_FILE), probes, ProbeResultSerde.INSTANCE);
        writeLines(dir.resolve(REPORTS_FILE), reports, SocialReportSerde.INSTANCE);
        writeLines(dir.resolve(STATUS_FILE), statusUpdates, StatusUpdateSerde.INSTANCE);
        Files.writeString(dir.resolve(TRUTH_FILE), truthJson(), StandardCharsets.UTF_8);
    }

    /**
     * {@value #TRUTH_FILE}: what was generated and the incidents a correct detector reports, each
     * with the first official status update published while it lasted.
     */
    public String truthJson() {
        ObjectNode root =
                JSON.createObjectNode()
                        .put("scenario", name())
                        .put("seed", seed)
                        .put("from", frame.from().toString())
                        .put("until", frame.until().toString())
                        .put("probes", probes.size())
                        .put("reports", reports.size())
                        .put("statusUpdates", statusUpdates.size());
        ArrayNode incidents = root.putArray("incidents");
        for (ExpectedIncident incident : expected) {
            ObjectNode node =
                    incidents
                            .addObject()
                            .put("service", incident.service())
                            .put("kind", incident.kind().fileName())
                            .put("severity", incident.severity());
            ArrayNode regions = node.putArray("regions");
            incident.regions().forEach(regions::add);
            node.put("start", incident.start().toString()).put("end", incident.end().toString());
            officialAcknowledgement(incident)
                    .ifPresentOrElse(
                            at -> node.put("officialAckAt", at.toString()),
                            () -> node.putNull("officialAckAt"));
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("the truth file could not be written as JSON", e);
        }
    }

    /** The first status update about the incident's service published while it lasted. */
    public Optional<Instant> officialAcknowledgement(ExpectedIncident incident) {
        return statusUpdates.stream()
                .filter(update -> update.service().equals(incident.service()))
                .map(StatusUpdate::timestamp)
                .filter(at -> !at.isBefore(incident.start()) && at.isBefore(incident.end()))
                .findFirst();
    }

    private static <T> void writeLines(Path file, List<T> values, EventSerde<T> serde)
            throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (T value : values) {
                writer.write(serde.toJson(value));
                writer.write('\n');
            }
        }
    }

    private static <T> List<T> sorted(List<T> values, Comparator<? super T> order) {
        return values.stream().sorted(order).toList();
    }
}
