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
import java.util.Comparator;
import java.util.List;

/**
 * A generated input for the detector and the incidents it should find; every list is in time order.
 */
public record Scenario(
        String name,
        List<ProbeResult> probes,
        List<SocialReport> reports,
        List<StatusUpdate> statusUpdates,
        List<ExpectedIncident> expected) {

    public static final String PROBES_FILE = "probes.jsonl";
    public static final String REPORTS_FILE = "reports.jsonl";
    public static final String STATUS_FILE = "status.jsonl";
    public static final String EXPECTED_FILE = "expected.json";

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Scenario {
        Vantage.requireId("scenario name", name);
        probes = sorted(probes, ScenarioOrder.PROBES);
        reports = sorted(reports, ScenarioOrder.REPORTS);
        statusUpdates = sorted(statusUpdates, ScenarioOrder.STATUS_UPDATES);
        expected = sorted(expected, ScenarioOrder.EXPECTED);
    }

    /**
     * Writes {@value #PROBES_FILE}, {@value #REPORTS_FILE} and {@value #STATUS_FILE} (one wire JSON
     * per line) and {@value #EXPECTED_FILE} into {@code dir}, creating it if needed.
     */
    public void writeJsonl(Path dir) throws IOException {
        Files.createDirectories(dir);
        writeLines(dir.resolve(PROBES_FILE), probes, ProbeResultSerde.INSTANCE);
        writeLines(dir.resolve(REPORTS_FILE), reports, SocialReportSerde.INSTANCE);
        writeLines(dir.resolve(STATUS_FILE), statusUpdates, StatusUpdateSerde.INSTANCE);
        Files.writeString(dir.resolve(EXPECTED_FILE), expectedJson(), StandardCharsets.UTF_8);
    }

    /** {@value #EXPECTED_FILE}: the scenario's name and its expected incidents. */
    public String expectedJson() {
        ObjectNode root = JSON.createObjectNode().put("scenario", name);
        ArrayNode incidents = root.putArray("incidents");
        for (ExpectedIncident incident : expected) {
            ObjectNode node =
                    incidents
                            .addObject()
                            .put("service", incident.service())
                            .put("severity", incident.severity());
            ArrayNode regions = node.putArray("regions");
            incident.regions().forEach(regions::add);
            node.put("start", incident.start().toString()).put("end", incident.end().toString());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("expected incidents could not be written as JSON", e);
        }
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
