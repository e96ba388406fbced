package io.outagewatch.ingest.statuspage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.outagewatch.events.Ids;
import io.outagewatch.ingest.cli.CommandLine;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the poller's YAML config. Unknown keys, duplicate keys and bad values fail at once with a
 * {@link StatusPageConfigException} naming the key, e.g. {@code pages[1].interval}.
 */
public final class StatusPageConfigLoader {

    static final String PAGES = "pages";
    static final String KAFKA = "kafka";
    static final String BOOTSTRAP_SERVERS = "bootstrapServers";
    static final String STATE_FILE = "stateFile";
    static final String BACKFILL = "backfill";
    static final String MAX_BACKOFF = "maxBackoff";

    static final String NAME = "name";
    static final String KIND = "kind";
    static final String URL = "url";
    static final String ENDPOINT = "endpoint";
    static final String INTERVAL = "interval";
    static final String COMPONENTS = "components";
    static final String SERVICE = "service";

    static final String MAINTENANCES = "maintenances";

    static final Set<String> TOP_LEVEL_KEYS =
            Set.of(PAGES, KAFKA, STATE_FILE, BACKFILL, MAX_BACKOFF, MAINTENANCES);
    static final Set<String> KAFKA_KEYS = Set.of(BOOTSTRAP_SERVERS);
    static final Set<String> PAGE_KEYS =
            Set.of(NAME, KIND, URL, ENDPOINT, INTERVAL, COMPONENTS, SERVICE);

    private static final ObjectMapper YAML =
            YAMLMapper.builder(
                            YAMLFactory.builder()
                                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                                    .build())
                    .build();

    private StatusPageConfigLoader() {}

    /** Reads a config file; a relative {@code stateFile} is resolved against its directory. */
    public static StatusPageConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StatusPageConfigException("cannot read config " + file + ": " + e, e);
        }
        Path directory = file.toAbsolutePath().getParent();
        try {
            return parse(text, directory);
        } catch (StatusPageConfigException e) {
            throw new StatusPageConfigException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param directory against which a relative state file is resolved
     */
    public static StatusPageConfig parse(String yaml, Path directory) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new StatusPageConfigException("not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new StatusPageConfigException("the config must be a mapping with a 'pages' list");
        }
        checkKeys("", root, TOP_LEVEL_KEYS);

        JsonNode pagesNode = root.get(PAGES);
        if (pagesNode == null || !pagesNode.isArray() || pagesNode.isEmpty()) {
            throw new StatusPageConfigException(PAGES + ": at least one page is required");
        }
        Duration maxBackoff =
                duration(MAX_BACKOFF, root.get(MAX_BACKOFF), StatusPageConfig.DEFAULT_MAX_BACKOFF);
        List<PageConfig> pages = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < pagesNode.size(); i++) {
            PageConfig page = page(PAGES + "[" + i + "]", pagesNode.get(i), maxBackoff);
            if (!names.add(page.name())) {
                throw new StatusPageConfigException(
                        PAGES + "[" + i + "]." + NAME + ": '" + page.name() + "' is used twice");
            }
            pages.add(page);
        }

        String bootstrapServers = null;
        JsonNode kafka = root.get(KAFKA);
        if (kafka != null && !kafka.isNull()) {
            if (!kafka.isObject()) {
                throw new StatusPageConfigException(KAFKA + ": must be a mapping");
            }
            checkKeys(KAFKA + ".", kafka, KAFKA_KEYS);
            bootstrapServers =
                    optionalText(KAFKA + "." + BOOTSTRAP_SERVERS, kafka.get(BOOTSTRAP_SERVERS));
        }
        String stateFileText = optionalText(STATE_FILE, root.get(STATE_FILE));
        Path stateFile =
                directory.resolve(
                        stateFileText == null
                                ? StatusPageConfig.DEFAULT_STATE_FILE_NAME
                                : stateFileText);
        Duration backfill =
                duration(BACKFILL, root.get(BACKFILL), StatusPageConfig.DEFAULT_BACKFILL);
        JsonNode maintenances = root.get(MAINTENANCES);
        if (maintenances != null && !maintenances.isNull() && !maintenances.isBoolean()) {
            throw new StatusPageConfigException(MAINTENANCES + ": must be true or false");
        }
        return new StatusPageConfig(
                pages,
                bootstrapServers,
                stateFile,
                backfill,
                maxBackoff,
                maintenances == null || maintenances.isNull()
                        ? StatusPageConfig.DEFAULT_MAINTENANCES
                        : maintenances.asBoolean());
    }

    private static PageConfig page(String field, JsonNode node, Duration maxBackoff) {
        if (node == null || !node.isObject()) {
            throw new StatusPageConfigException(field + ": must be a mapping");
        }
        checkKeys(field + ".", node, PAGE_KEYS);
        String name = requiredText(field + "." + NAME, node.get(NAME));
        id(field + "." + NAME, name);
        PageKind kind =
                PageKind.parse(
                        field + "." + KIND, requiredText(field + "." + KIND, node.get(KIND)));
        String endpointText = optionalText(field + "." + ENDPOINT, node.get(ENDPOINT));
        PageEndpoint endpoint =
                endpointText == null
                        ? PageEndpoint.defaultFor(kind)
                        : PageEndpoint.parse(field + "." + ENDPOINT, kind, endpointText);
        URI baseUrl = baseUrl(field + "." + URL, requiredText(field + "." + URL, node.get(URL)));
        Duration interval =
                duration(
                        field + "." + INTERVAL,
                        node.get(INTERVAL),
                        StatusPageConfig.DEFAULT_INTERVAL);
        if (interval.compareTo(StatusPageConfig.MIN_INTERVAL) < 0) {
            throw new StatusPageConfigException(
                    field + "." + INTERVAL + ": must be at least " + StatusPageConfig.MIN_INTERVAL);
        }
        if (interval.compareTo(maxBackoff) > 0) {
            throw new StatusPageConfigException(
                    field
                            + "."
                            + INTERVAL
                            + ": "
                            + interval
                            + " is longer than "
                            + MAX_BACKOFF
                            + " "
                            + maxBackoff);
        }
        Map<String, String> components = new LinkedHashMap<>();
        JsonNode componentsNode = node.get(COMPONENTS);
        if (componentsNode != null && !componentsNode.isNull()) {
            if (!componentsNode.isObject()) {
                throw new StatusPageConfigException(
                        field + "." + COMPONENTS + ": must map component names to service ids");
            }
            Iterator<Map.Entry<String, JsonNode>> entries = componentsNode.fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                String entryField = field + "." + COMPONENTS + ".\"" + entry.getKey() + "\"";
                String service = requiredText(entryField, entry.getValue());
                id(entryField, service);
                components.put(entry.getKey(), service);
            }
        }
        String service = optionalText(field + "." + SERVICE, node.get(SERVICE));
        if (service != null) {
            id(field + "." + SERVICE, service);
        }
        if (components.isEmpty() && service == null) {
            throw new StatusPageConfigException(
                    field + ": needs '" + COMPONENTS + "', '" + SERVICE + "' or both");
        }
        return new PageConfig(name, endpoint, baseUrl, interval, components, service);
    }

    private static URI baseUrl(String field, String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new StatusPageConfigException(field + ": '" + text + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new StatusPageConfigException(
                    field + ": '" + text + "' must start with http:// or https://");
        }
        if (uri.getHost() == null) {
            throw new StatusPageConfigException(field + ": '" + text + "' has no host");
        }
        if (uri.getRawQuery() != null
                || uri.getRawFragment() != null
                || uri.getUserInfo() != null) {
            throw new StatusPageConfigException(
                    field
                            + ": '"
                            + text
                            + "' must be the page's base URL, without user, query or fragment");
        }
        String withoutSlash = uri.toString().replaceAll("/+$", "");
        return URI.create(withoutSlash);
    }

    private static void checkKeys(String prefix, JsonNode node, Set<String> known) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new StatusPageConfigException(
                        prefix + name + ": unknown key; known keys are " + sorted(known));
            }
        }
    }

    private static String sorted(Set<String> keys) {
        return String.join(", ", keys.stream().sorted().toList());
    }

    private static void id(String field, String value) {
        if (!Ids.isValid(value)) {
            throw new StatusPageConfigException(
                    field + ": '" + value + "' must match " + Ids.PATTERN);
        }
    }

    private static String requiredText(String field, JsonNode node) {
        String text = optionalText(field, node);
        if (text == null) {
            throw new StatusPageConfigException(field + ": is required");
        }
        return text;
    }

    private static String optionalText(String field, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new StatusPageConfigException(field + ": must be a non-empty string");
        }
        return node.asText();
    }

    private static Duration duration(String field, JsonNode node, Duration fallback) {
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw new StatusPageConfigException(
                    field + ": must be a duration such as 30s, 5m or 2h, got " + node);
        }
        try {
            return CommandLine.parseDuration(node.asText());
        } catch (IllegalArgumentException e) {
            throw new StatusPageConfigException(field + ": " + e.getMessage());
        }
    }
}
