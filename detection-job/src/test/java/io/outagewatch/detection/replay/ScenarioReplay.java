package io.outagewatch.detection.replay;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.scenario.Scenario;
import io.outagewatch.scenario.Scenarios;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Runs a scenario through the replay pipeline, in this JVM, and returns its alerts. */
public final class ScenarioReplay {

    /** The outcome of one run. */
    public record Run(List<Alert> alerts, List<String> deadLetters, ReplaySummary summary) {}

    private ScenarioReplay() {}

    public static Run run(Scenario scenario, Path dir, ScenarioInput.Roughness roughness)
            throws Exception {
        ScenarioInput.InputFiles files = ScenarioInput.write(scenario, dir, roughness);
        Path catalog = writeCatalog(dir);
        Path alerts = dir.resolve("alerts.jsonl");
        Path deadLetters = dir.resolve("dead-letters.jsonl");
        ReplayArguments arguments =
                new ReplayArguments(
                        Optional.of(files.probes()),
                        Optional.of(files.reports()),
                        Optional.of(files.status()),
                        catalog,
                        alerts,
                        Optional.of(deadLetters),
                        Optional.empty(),
                        Optional.empty());
        ReplaySummary summary = ReplayMain.replay(arguments, ReplayMain.configure(arguments));
        List<Alert> parsed =
                Files.readAllLines(alerts, StandardCharsets.UTF_8).stream()
                        .map(line -> AlertSerde.INSTANCE.parse(line).value())
                        .toList();
        return new Run(parsed, Files.readAllLines(deadLetters, StandardCharsets.UTF_8), summary);
    }

    private static Path writeCatalog(Path dir) throws IOException {
        Path catalog = dir.resolve("catalog.json");
        try (InputStream in = Scenarios.class.getResourceAsStream(Scenarios.CATALOG_RESOURCE)) {
            if (in == null) {
                throw new IOException("missing classpath resource " + Scenarios.CATALOG_RESOURCE);
            }
            Files.write(catalog, in.readAllBytes());
        }
        return catalog;
    }
}
