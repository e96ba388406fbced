package io.outagewatch.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Services that scenario files name by id, so each is described once ({@value
 * Scenarios#SERVICES_RESOURCE}) and every scenario that uses it sees the same service.
 */
public final class ServiceLibrary {

    static final Set<String> SERVICE_KEYS =
            Set.of(
                    "id",
                    "name",
                    "probed",
                    "discussed",
                    "mentions",
                    "medianLatencyMs",
                    "audienceScale",
                    "target");

    private final Map<String, ServiceSpec> byId;

    private ServiceLibrary(Map<String, ServiceSpec> byId) {
        this.byId = byId;
    }

    public static ServiceLibrary empty() {
        return new ServiceLibrary(Map.of());
    }

    /** Reads a services file such as the repository's {@code scenarios/services.yaml}. */
    public static ServiceLibrary load(Path file) throws IOException {
        if (Files.size(file) > ScenarioFile.MAX_FILE_BYTES) {
            throw new IllegalArgumentException(
                    file + " is larger than " + ScenarioFile.MAX_FILE_BYTES + " bytes");
        }
        String origin = file.toString();
        return parse(
                ScenarioFile.tree(Files.readString(file, StandardCharsets.UTF_8), origin), origin);
    }

    /** Reads a {@code services:} list; {@code origin} names the file in error messages. */
    static ServiceLibrary parse(JsonNode root, String origin) {
        YamlNode top = new YamlNode(root, origin, Set.of("services"));
        Map<String, ServiceSpec> byId = new LinkedHashMap<>();
        List<JsonNode> items = top.list("services");
        for (int i = 0; i < items.size(); i++) {
            ServiceSpec spec = service(items.get(i), top.path("services[" + i + "]"));
            if (byId.put(spec.id(), spec) != null) {
                throw new IllegalArgumentException(
                        origin + " lists service " + spec.id() + " twice");
            }
        }
        return new ServiceLibrary(Map.copyOf(byId));
    }

    public Optional<ServiceSpec> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** A service written out in full: a mapping with {@link #SERVICE_KEYS}. */
    static ServiceSpec service(JsonNode node, String path) {
        YamlNode fields = new YamlNode(node, path, SERVICE_KEYS);
        String id = fields.text("id");
        String name = fields.optionalText("name").orElse(id);
        boolean probed = fields.flag("probed", true);
        boolean discussed = fields.flag("discussed", true);
        ServiceSpec spec;
        try {
            spec =
                    new ServiceSpec(
                            id,
                            name,
                            probed,
                            discussed,
                            fields.number("medianLatencyMs", ServiceSpec.DEFAULT_MEDIAN_LATENCY_MS),
                            fields.number("audienceScale", ServiceSpec.DEFAULT_AUDIENCE_SCALE),
                            fields.has("mentions") ? fields.texts("mentions") : List.of(name),
                            fields.optionalText("target")
                                    .orElse("https://" + id + ".example.com/healthz"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
        return spec;
    }
}
