package io.outagewatch.bench.estimates.prior;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Durations ({@code end − start}) of the public incidents in the module's test resources. */
final class PublicIncidents {

    /** In {@code benchmarks/src/test/resources}; see the repository's {@code NOTICE}. */
    static final String RESOURCE = "/incidents/public-incidents.json";

    private PublicIncidents() {}

    /** Every incident with both a start and an end; {@code secondPhase} is left out on purpose. */
    static List<Duration> durations() throws IOException {
        JsonNode root;
        try (InputStream in = PublicIncidents.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the classpath");
            }
            root = new ObjectMapper().readTree(in);
        }
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
}
