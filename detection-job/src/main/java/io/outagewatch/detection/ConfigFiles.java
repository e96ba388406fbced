package io.outagewatch.detection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

/**
 * Reads a detection config file: YAML with flat keys (as Flink's config.yaml) or nested maps, which
 * are flattened with dots. Unknown {@code outagewatch.*} keys fail fast; other keys are passed to
 * Flink.
 */
public final class ConfigFiles {

    private static final String OWN_PREFIX = "outagewatch.";

    private ConfigFiles() {}

    public static Configuration load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read config file " + file + ": " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new Configuration();
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(
                    "config file " + file + " must be a map of settings");
        }
        Map<String, String> flat = new HashMap<>();
        flatten("", root, flat);
        return fromMap(flat, file.toString());
    }

    static Configuration fromMap(Map<String, String> settings, String source) {
        Set<String> known =
                DetectionOptions.all().stream().map(ConfigOption::key).collect(Collectors.toSet());
        for (String key : settings.keySet()) {
            if (key.startsWith(OWN_PREFIX) && !known.contains(key)) {
                throw new IllegalArgumentException(
                        "unknown setting '"
                                + key
                                + "' in "
                                + source
                                + "; known settings: "
                                + known.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
        Configuration config = Configuration.fromMap(settings);
        for (ConfigOption<?> option : DetectionOptions.all()) {
            try {
                config.getOptional(option);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "bad value for '" + option.key() + "' in " + source + ": " + e.getMessage(),
                        e);
            }
        }
        return config;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                flatten(key, field.getValue(), out);
            }
        } else {
            out.put(prefix, node.asText());
        }
    }
}
