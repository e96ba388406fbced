package io.outagewatch.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.outagewatch.events.StatusUpdate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Reads a scenario file (YAML; see {@code scenarios/README.md}) into a {@link ScenarioBuilder}.
 * Services are written out in full or named by id from a {@link ServiceLibrary}. Every problem is
 * an {@link IllegalArgumentException} naming the file and the key.
 */
public final class ScenarioFile {

    /** Scenario files are small; anything bigger is a mistake, not a scenario. */
    public static final long MAX_FILE_BYTES = 1024 * 1024;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Set<String> TOP_KEYS =
            Set.of(
                    "name",
                    "description",
                    "seed",
                    "from",
                    "until",
                    "traffic",
                    "vantages",
                    "services",
                    "incidents",
                    "statusUpdates",
                    "baits");
    private static final Set<String> TRAFFIC_KEYS =
            Set.of("probeInterval", "chatterPerComplaint", "weekendFactor");
    private static final Set<String> VANTAGE_KEYS = Set.of("id", "region");
    private static final Set<String> INCIDENT_KEYS =
            Set.of(
                    "service",
                    "kind",
                    "start",
                    "end",
                    "regions",
                    "failureRate",
                    "complaintMultiplier",
                    "latencyFactor",
                    "timeoutRate",
                    "upFor",
                    "downFor",
                    "ramp");
    private static final Set<String> STATUS_KEYS =
            Set.of("service", "at", "incidentId", "status", "impact", "title", "url");
    private static final Set<String> BAIT_KEYS =
            Set.of(
                    "kind", "service", "vantage", "author", "start", "end", "posts", "every",
                    "over", "count");

    private ScenarioFile() {}

    /**
     * @param seed replaces the file's own seed when present
     */
    public static Scenario load(Path file, ServiceLibrary library, OptionalLong seed)
            throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IllegalArgumentException(
                    file + " is larger than " + MAX_FILE_BYTES + " bytes; it is not a scenario");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return parse(text, file.toString(), library, seed).build();
    }

    /** A builder so callers can still override parts, e.g. the seed. */
    public static ScenarioBuilder parse(
            String yaml, String origin, ServiceLibrary library, OptionalLong seed) {
        JsonNode root = tree(yaml, origin);
        YamlNode top = new YamlNode(root, origin, TOP_KEYS);
        ScenarioBuilder builder =
                ScenarioBuilder.named(top.text("name"))
                        .seed(seed.orElse(top.integer("seed", ScenarioBuilder.DEFAULT_SEED)))
                        .from(top.instant("from"))
                        .until(top.instant("until"));
        if (top.has("traffic")) {
            builder.traffic(
                    traffic(new YamlNode(top.raw("traffic"), top.path("traffic"), TRAFFIC_KEYS)));
        }
        if (top.has("vantages")) {
            builder.vantages(vantages(top));
        }
        List<JsonNode> services = top.list("services");
        for (int i = 0; i < services.size(); i++) {
            builder.service(service(services.get(i), top.path("services[" + i + "]"), library));
        }
        List<JsonNode> incidents = top.list("incidents");
        for (int i = 0; i < incidents.size(); i++) {
            builder.event(
                    incident(
                            new YamlNode(
                                    incidents.get(i),
                                    top.path("incidents[" + i + "]"),
                                    INCIDENT_KEYS)));
        }
        List<JsonNode> updates = top.list("statusUpdates");
        for (int i = 0; i < updates.size(); i++) {
            builder.statusUpdate(
                    statusUpdate(
                            new YamlNode(
                                    updates.get(i),
                                    top.path("statusUpdates[" + i + "]"),
                                    STATUS_KEYS)));
        }
        List<JsonNode> baits = top.list("baits");
        for (int i = 0; i < baits.size(); i++) {
            builder.event(
                    bait(new YamlNode(baits.get(i), top.path("baits[" + i + "]"), BAIT_KEYS)));
        }
        return builder;
    }

    static JsonNode tree(String yaml, String origin) {
        try {
            JsonNode root = YAML.readTree(yaml);
            if (root == null || root.isMissingNode()) {
                throw new IllegalArgumentException(origin + " is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    origin + " is not valid YAML: " + e.getOriginalMessage(), e);
        }
    }

    private static TrafficShape traffic(YamlNode fields) {
        TrafficShape defaults = TrafficShape.defaults();
        return new TrafficShape(
                fields.optionalDuration("probeInterval").orElse(defaults.probeInterval()),
                fields.number("chatterPerComplaint", defaults.chatterPerComplaint()),
                fields.number("weekendFactor", defaults.weekendFactor()));
    }

    private static List<Vantage> vantages(YamlNode top) {
        List<JsonNode> items = top.list("vantages");
        return IntStream.range(0, items.size())
                .mapToObj(
                        i -> {
                            YamlNode fields =
                                    new YamlNode(
                                            items.get(i),
                                            top.path("vantages[" + i + "]"),
                                            VANTAGE_KEYS);
                            return new Vantage(fields.text("id"), fields.text("region"));
                        })
                .toList();
    }

    private static ServiceSpec service(JsonNode node, String path, ServiceLibrary library) {
        if (node.isTextual()) {
            return library.byId(node.asText())
                    .orElseThrow(
                            () ->
                                    new IllegalArgumentException(
                                            path
                                                    + " names service '"
                                                    + node.asText()
                                                    + "', which the service library does not"
                                                    + " describe; write it out in full"));
        }
        return ServiceLibrary.service(node, path);
    }

    private static ScenarioEvent incident(YamlNode fields) {
        String service = fields.text("service");
        Instant start = fields.instant("start");
        Instant end = fields.instant("end");
        IncidentKind kind = IncidentKind.fromFileName(fields.text("kind"));
        return switch (kind) {
            case FULL, REGIONAL, SOCIAL_ONLY, PROBE_ONLY ->
                    outage(fields, kind, service, start, end);
            case BROWNOUT ->
                    Brownout.of(service, start, end)
                            .latencyFactor(
                                    fields.number("latencyFactor", Brownout.DEFAULT_LATENCY_FACTOR))
                            .timeoutRate(
                                    fields.number("timeoutRate", Brownout.DEFAULT_TIMEOUT_RATE))
                            .complaintMultiplier(
                                    fields.number(
                                            "complaintMultiplier",
                                            Brownout.DEFAULT_COMPLAINT_MULTIPLIER));
            case FLAPPING ->
                    Flapping.of(
                                    service,
                                    start,
                                    end,
                                    fields.duration("upFor"),
                                    fields.duration("downFor"))
                            .failureRate(
                                    fields.number("failureRate", Flapping.DEFAULT_FAILURE_RATE))
                            .complaintMultiplier(
                                    fields.number(
                                            "complaintMultiplier",
                                            Flapping.DEFAULT_COMPLAINT_MULTIPLIER));
            case SLOW_BURN ->
                    SlowBurn.of(service, start, end)
                            .ramp(fields.optionalDuration("ramp").orElse(SlowBurn.DEFAULT_RAMP))
                            .failureRate(
                                    fields.number("failureRate", SlowBurn.DEFAULT_FAILURE_RATE))
                            .complaintMultiplier(
                                    fields.number(
                                            "complaintMultiplier",
                                            SlowBurn.DEFAULT_COMPLAINT_MULTIPLIER));
        };
    }

    private static Outage outage(
            YamlNode fields, IncidentKind kind, String service, Instant start, Instant end) {
        List<String> regions = fields.texts("regions");
        if (kind == IncidentKind.REGIONAL && regions.isEmpty()) {
            throw new IllegalArgumentException(
                    fields.path("regions")
                            + " must name the failing regions of a regional incident");
        }
        if (kind != IncidentKind.REGIONAL && !regions.isEmpty()) {
            throw new IllegalArgumentException(
                    fields.path("regions") + " is only for kind regional");
        }
        Outage outage =
                Outage.of(service, start, end)
                        .failureRate(fields.number("failureRate", Outage.DEFAULT_FAILURE_RATE))
                        .complaintMultiplier(
                                fields.number(
                                        "complaintMultiplier", Outage.DEFAULT_COMPLAINT_MULTIPLIER))
                        .regions(regions.toArray(String[]::new));
        return switch (kind) {
            case SOCIAL_ONLY -> outage.socialOnly();
            case PROBE_ONLY -> outage.probeOnly();
            default -> outage;
        };
    }

    private static StatusUpdate statusUpdate(YamlNode fields) {
        try {
            return new StatusUpdate(
                    fields.text("service"),
                    fields.instant("at"),
                    fields.text("incidentId"),
                    StatusUpdate.Status.valueOf(fields.text("status").toUpperCase(Locale.ROOT)),
                    fields.optionalText("impact")
                            .map(
                                    impact ->
                                            StatusUpdate.Impact.valueOf(
                                                    impact.toUpperCase(Locale.ROOT)))
                            .orElse(null),
                    fields.optionalText("title").orElse(null),
                    fields.optionalText("url").orElse(null));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(fields.where() + ": " + e.getMessage(), e);
        }
    }

    private static ScenarioEvent bait(YamlNode fields) {
        String kind = fields.text("kind");
        return switch (kind) {
            case "broken-vantage" ->
                    BrokenVantage.of(
                            fields.text("vantage"), fields.instant("start"), fields.instant("end"));
            case "spammer" ->
                    Spammer.of(
                            fields.text("author"),
                            fields.text("service"),
                            fields.instant("start"),
                            fields.count("posts"),
                            fields.duration("every"));
            case "news-burst" ->
                    NewsBurst.of(
                            fields.text("service"),
                            fields.instant("start"),
                            fields.count("posts"),
                            fields.duration("over"));
            case "scattered-failures" ->
                    ScatteredFailures.of(
                            fields.text("service"),
                            fields.instant("start"),
                            fields.instant("end"),
                            fields.count("count"));
            default ->
                    throw new IllegalArgumentException(
                            fields.path("kind")
                                    + " '"
                                    + kind
                                    + "' is not one of broken-vantage, spammer, news-burst,"
                                    + " scattered-failures");
        };
    }
}
