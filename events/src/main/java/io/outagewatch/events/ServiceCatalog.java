package io.outagewatch.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The services OutageWatch watches and the words people use for them. Loaded once at start-up, so
 * every problem fails fast with a {@link CatalogException} that names the entry.
 *
 * <p>Format (JSON, or the same structure in YAML): {@code {"services":[{"id":"chatgpt",
 * "name":"ChatGPT","aliases":["chatgpt","chat gpt","openai"]}]}}. Unknown fields are ignored.
 */
public record ServiceCatalog(List<CatalogService> services) implements Serializable {

    public static final String DEFAULT_CATALOG_RESOURCE = "/catalog/default-catalog.json";

    private static final ObjectMapper YAML =
            YAMLMapper.builder(
                            YAMLFactory.builder()
                                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                                    .build())
                    .build();

    /** File formats a catalog can be written in. */
    public enum Format {
        JSON,
        YAML;

        /** By extension: {@code .json}, {@code .yaml} or {@code .yml}. */
        public static Format of(Path path) {
            String fileName = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
            if (fileName.endsWith(".json")) {
                return JSON;
            }
            if (fileName.endsWith(".yaml") || fileName.endsWith(".yml")) {
                return YAML;
            }
            throw new CatalogException(
                    "catalog " + path + " must end in .json, .yaml or .yml to tell its format");
        }
    }

    /**
     * @throws CatalogException when there are no services, an id repeats, or two services claim the
     *     same alias
     */
    public ServiceCatalog {
        if (services == null || services.isEmpty()) {
            throw new CatalogException("services: at least one service is required");
        }
        List<CatalogService> snapshot = new ArrayList<>(services);
        Map<String, Integer> indexById = new HashMap<>();
        Map<String, Integer> indexByAlias = new HashMap<>();
        for (int i = 0; i < snapshot.size(); i++) {
            CatalogService service = snapshot.get(i);
            if (service == null) {
                throw new CatalogException("services[" + i + "]: must not be null");
            }
            Integer firstWithId = indexById.putIfAbsent(service.id(), i);
            if (firstWithId != null) {
                throw new CatalogException(
                        entry(i, service.id())
                                + ": duplicate id, already used by services["
                                + firstWithId
                                + "]");
            }
            for (String alias : service.aliases()) {
                Integer claimant = indexByAlias.putIfAbsent(alias, i);
                if (claimant != null) {
                    throw new CatalogException(
                            entry(i, service.id())
                                    + ": alias \""
                                    + alias
                                    + "\" is already claimed by "
                                    + entry(claimant, snapshot.get(claimant).id()));
                }
            }
        }
        services = List.copyOf(snapshot);
    }

    public Optional<CatalogService> byId(String id) {
        return services.stream().filter(service -> service.id().equals(id)).findFirst();
    }

    /** The catalog bundled with this module. */
    public static ServiceCatalog defaultCatalog() {
        try (InputStream in = ServiceCatalog.class.getResourceAsStream(DEFAULT_CATALOG_RESOURCE)) {
            if (in == null) {
                throw new CatalogException(
                        "classpath resource " + DEFAULT_CATALOG_RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), Format.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "could not read classpath resource " + DEFAULT_CATALOG_RESOURCE, e);
        }
    }

    /** Reads a catalog file, choosing the format by extension. */
    public static ServiceCatalog load(Path path) {
        Format format = Format.of(path);
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CatalogException("could not read catalog " + path + ": " + e, e);
        }
        try {
            return parse(text, format);
        } catch (CatalogException e) {
            throw new CatalogException("catalog " + path + ": " + e.getMessage(), e);
        }
    }

    public static ServiceCatalog parse(String text, Format format) {
        JsonNode root;
        try {
            ObjectMapper mapper = format == Format.YAML ? YAML : JsonCodec.MAPPER;
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CatalogException("not valid " + format + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new CatalogException("the document must be an object with a services list");
        }
        JsonNode services = root.get("services");
        if (services == null || services.isNull()) {
            throw new CatalogException("services: missing");
        }
        if (!services.isArray()) {
            throw new CatalogException("services: must be a list");
        }
        List<CatalogService> parsed = new ArrayList<>(services.size());
        for (int i = 0; i < services.size(); i++) {
            parsed.add(parseService(i, services.get(i)));
        }
        return new ServiceCatalog(parsed);
    }

    private static CatalogService parseService(int index, JsonNode node) {
        if (!node.isObject()) {
            throw new CatalogException("services[" + index + "]: must be an object");
        }
        JsonNode idNode = node.get("id");
        String label =
                idNode != null && idNode.isTextual()
                        ? entry(index, idNode.textValue())
                        : "services[" + index + "]";
        try {
            return new CatalogService(
                    string(node, "id"), string(node, "name"), strings(node, "aliases"));
        } catch (CatalogException e) {
            throw new CatalogException(label + ": " + e.getMessage(), e);
        }
    }

    private static String string(JsonNode service, String field) {
        JsonNode value = service.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new CatalogException(field + " must be a string");
        }
        return value.textValue();
    }

    private static List<String> strings(JsonNode service, String field) {
        JsonNode value = service.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw new CatalogException(field + " must be a list of strings");
        }
        List<String> strings = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!element.isTextual()) {
                throw new CatalogException(field + "[" + i + "] must be a string");
            }
            strings.add(element.textValue());
        }
        return strings;
    }

    private static String entry(int index, String id) {
        return "services[" + index + "] (id \"" + id + "\")";
    }
}
