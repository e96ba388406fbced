package io.outagewatch.detection.duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Durations ({@code end − start}) of the public incidents in {@code shared/}. */
final class PublicIncidents {

    static final String RELATIVE_PATH = "shared/incidents/public-incidents.json";

    private PublicIncidents() {}

    /** Every incident with both a start and an end; {@code secondPhase} is left out on purpose. */
    static List<Duration> durations() throws IOException {
        JsonNode root = new ObjectMapper().readTree(locate().toFile());
        List<Duration> durations = new ArrayList<>();
        for (JsonNode incident : root.path("incidents")) {
            if (incident.hasNonNull("start") && incident.hasNonNull("end")) {
                durations.add(
                        Duration.between(
                                Instant.parse(incident.get("start").asText()),
                                Instant.parse(incident.get("end").asText())));
            }
        }
        return durations;
    }

    /**
     * Walks up from the working directory, because the module runs both from a scratch directory
     * and from {@code detection-job}, at different depths below {@code shared/}.
     */
    static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE_PATH);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "no " + RELATIVE_PATH + " above " + Path.of("").toAbsolutePath());
    }
}
