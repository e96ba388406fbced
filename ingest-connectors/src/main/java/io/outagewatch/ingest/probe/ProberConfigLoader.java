package io.outagewatch.ingest.probe;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.outagewatch.ingest.cli.CommandLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a prober config file ({@code probes.yaml}). Unknown keys, wrong types and bad values fail
 * with a message that names the file and the key, e.g. {@code targets[1].timeout}.
 *
 * <pre>{@code
 * vantage: eu-west-1            # or OUTAGEWATCH_VANTAGE; --vantage wins over both
 * region: eu                    # or OUTAGEWATCH_REGION; optional
 * allowPrivateTargets: false
 * maxConcurrentChecks: 16
 * kafka:
 *   bootstrapServers: 127.0.0.1:9092
 * defaults:
 *   method: GET
 *   timeout: 10s
 *   interval: 30s
 *   expectedStatus: [2xx, 3xx]
 * targets:
 *   - service: github
 *     url: https://github.com/
 *     expectedStatus: [200]
 *     expectBody: "<title>GitHub"
 * }</pre>
 */
public final class ProberConfigLoader {

    // Top level.
    static final String VANTAGE = "vantage";
    static final String REGION = "region";
    static final String ALLOW_PRIVATE_TARGETS = "allowPrivateTargets";
    static final String MAX_CONCURRENT_CHECKS = "maxConcurrentChecks";
    static final String KAFKA = "kafka";
    static final String DEFAULTS = "defaults";
    static final String TARGETS = "targets";
    // kafka.
    static final String BOOTSTRAP_SERVERS = "bootstrapServers";
    // defaults and targets.
    static final String METHOD = "method";
    static final String TIMEOUT = "timeout";
    static final String INTERVAL = "interval";
    static final String EXPECTED_STATUS = "expectedStatus";
    // targets only.
    static final String SERVICE = "service";
    static final String URL = "url";
    static final String EXPECT_BODY = "expectBody";

    static final Set<String> TOP_LEVEL_KEYS =
            Set.of(
                    VANTAGE,
                    REGION,
                    ALLOW_PRIVATE_TARGETS,
                    MAX_CONCURRENT_CHECKS,
                    KAFKA,
                    DEFAULTS,
                    TARGETS);
    static final Set<String> KAFKA_KEYS = Set.of(BOOTSTRAP_SERVERS);
    static final Set<String> DEFAULTS_KEYS = Set.of(METHOD, TIMEOUT, INTERVAL, EXPECTED_STATUS);
    static final Set<String> TARGET_KEYS =
            Set.of(SERVICE, URL, METHOD, TIMEOUT, INTERVAL, EXPECTED_STATUS, EXPECT_BODY, REGION);

    private static final Pattern STATUS_CLASS = Pattern.compile("[1-5]xx");

    private static final ObjectMapper YAML =
            new ObjectMapper(
                    new YAMLFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

    private ProberConfigLoader() {}

    /** Settings from the command line, which win over the file; null or false where not given. */
    public record Overrides(
            String vantage, String region, boolean allowPrivateTargets, String bootstrapServers) {
        public static final Overrides NONE = new Overrides(null, null, false, null);
    }

    /**
     * @param env the environment, for {@value ProberConfig#VANTAGE_ENV} and {@value
     *     ProberConfig#REGION_ENV} when the file does not set them
     * @throws IllegalArgumentException naming the file and the bad key
     */
    public static ProberConfig load(Path file, Overrides overrides, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + file + ": " + e, e);
        }
        return parse(text, file.toString(), overrides, env);
    }

    static ProberConfig parse(
            String yaml, String source, Overrides overrides, Map<String, String> env) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    source + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
        try {
            return read(root, overrides, env);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static ProberConfig read(JsonNode root, Overrides overrides, Map<String, String> env) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new IllegalArgumentException("the file is empty; it needs at least 'targets'");
        }
        requireMap("", root, TOP_LEVEL_KEYS);

        String vantage =
                firstOf(
                        overrides.vantage(),
                        text(root, VANTAGE, ""),
                        env.get(ProberConfig.VANTAGE_ENV));
        String region =
                firstOf(
                        overrides.region(),
                        text(root, REGION, ""),
                        env.get(ProberConfig.REGION_ENV));
        boolean allowPrivate =
                overrides.allowPrivateTargets() || bool(root, ALLOW_PRIVATE_TARGETS, "", false);
        int maxConcurrent =
                integer(
                        root,
                        MAX_CONCURRENT_CHECKS,
                        "",
                        ProberConfig.DEFAULT_MAX_CONCURRENT_CHECKS);

        String bootstrap = null;
        JsonNode kafka = root.get(KAFKA);
        if (kafka != null) {
            requireMap(KAFKA, kafka, KAFKA_KEYS);
            bootstrap = text(kafka, BOOTSTRAP_SERVERS, KAFKA);
        }
        bootstrap = firstOf(overrides.bootstrapServers(), bootstrap, null);

        TargetDefaults defaults = TargetDefaults.BUILT_IN;
        JsonNode defaultsNode = root.get(DEFAULTS);
        if (defaultsNode != null) {
            requireMap(DEFAULTS, defaultsNode, DEFAULTS_KEYS);
            defaults =
                    new TargetDefaults(
                            method(defaultsNode, DEFAULTS, defaults.method()),
                            duration(defaultsNode, TIMEOUT, DEFAULTS, defaults.timeout()),
                            duration(defaultsNode, INTERVAL, DEFAULTS, defaults.interval()),
                            statuses(defaultsNode, DEFAULTS, defaults.expectedStatus()));
        }

        JsonNode targetsNode = root.get(TARGETS);
        if (targetsNode == null || !targetsNode.isArray() || targetsNode.isEmpty()) {
            throw new IllegalArgumentException("'targets' must be a non-empty list");
        }
        List<ProbeTarget> targets = new ArrayList<>();
        for (int i = 0; i < targetsNode.size(); i++) {
            targets.add(target(targetsNode.get(i), TARGETS + "[" + i + "]", defaults));
        }
        return new ProberConfig(vantage, region, allowPrivate, bootstrap, maxConcurrent, targets);
    }

    private record TargetDefaults(
            String method, Duration timeout, Duration interval, Set<Integer> expectedStatus) {
        static final TargetDefaults BUILT_IN =
                new TargetDefaults(
                        ProberConfig.DEFAULT_METHOD,
                        ProberConfig.DEFAULT_TIMEOUT,
                        ProberConfig.DEFAULT_INTERVAL,
                        ProberConfig.DEFAULT_EXPECTED_STATUS);
    }

    private static ProbeTarget target(JsonNode node, String at, TargetDefaults defaults) {
        requireMap(at, node, TARGET_KEYS);
        String service = requiredText(node, SERVICE, at);
        String url = requiredText(node, URL, at);
        String bodyRegex = text(node, EXPECT_BODY, at);
        Pattern expectBody = null;
        if (bodyRegex != null) {
            try {
                expectBody = Pattern.compile(bodyRegex);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        at + "." + EXPECT_BODY + " is not a regular expression: " + e.getMessage());
            }
        }
        try {
            return new ProbeTarget(
                    service,
                    TargetPolicy.requireHttpUrl(url),
                    method(node, at, defaults.method()),
                    statuses(node, at, defaults.expectedStatus()),
                    duration(node, TIMEOUT, at, defaults.timeout()),
                    duration(node, INTERVAL, at, defaults.interval()),
                    expectBody,
                    text(node, REGION, at));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + " (" + service + "): " + e.getMessage(), e);
        }
    }

    private static void requireMap(String at, JsonNode node, Set<String> known) {
        String where = at.isEmpty() ? "the top level" : "'" + at + "'";
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be a map of keys");
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new IllegalArgumentException(
                        "unknown key '"
                                + name
                                + "' in "
                                + where
                                + "; known keys: "
                                + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    private static String key(String at, String name) {
        return at.isEmpty() ? name : at + "." + name;
    }

    private static String text(JsonNode node, String name, String at) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw new IllegalArgumentException(key(at, name) + " must be a string");
        }
        return value.asText();
    }

    private static String requiredText(JsonNode node, String name, String at) {
        String value = text(node, name, at);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key(at, name) + " is required");
        }
        return value;
    }

    private static boolean bool(JsonNode node, String name, String at, boolean fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(
                    key(at, name) + " must be true or false, got '" + value.asText() + "'");
        }
        return value.booleanValue();
    }

    private static int integer(JsonNode node, String name, String at, int fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isInt()) {
            throw new IllegalArgumentException(
                    key(at, name) + " must be an integer, got '" + value.asText() + "'");
        }
        return value.intValue();
    }

    private static String method(JsonNode node, String at, String fallback) {
        String value = text(node, METHOD, at);
        return value == null ? fallback : value;
    }

    private static Duration duration(JsonNode node, String name, String at, Duration fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(
                    key(at, name)
                            + " must be a duration with a unit such as 500ms, 10s or 5m, got '"
                            + value.asText()
                            + "'");
        }
        try {
            return CommandLine.parseDuration(value.asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key(at, name) + ": " + e.getMessage());
        }
    }

    /** A list of status codes ({@code 200}) and classes ({@code 2xx}). */
    private static Set<Integer> statuses(JsonNode node, String at, Set<Integer> fallback) {
        JsonNode value = node.get(EXPECTED_STATUS);
        if (value == null || value.isNull()) {
            return fallback;
        }
        String name = key(at, EXPECTED_STATUS);
        if (!value.isArray() || value.isEmpty()) {
            throw new IllegalArgumentException(
                    name + " must be a non-empty list such as [200] or [2xx, 3xx]");
        }
        Set<Integer> codes = new LinkedHashSet<>();
        for (JsonNode entry : value) {
            if (entry.isInt() && entry.intValue() >= 100 && entry.intValue() <= 599) {
                codes.add(entry.intValue());
            } else if (entry.isTextual() && STATUS_CLASS.matcher(entry.asText()).matches()) {
                int first = (entry.asText().charAt(0) - '0') * 100;
                for (int code = first; code < first + 100; code++) {
                    codes.add(code);
                }
            } else {
                throw new IllegalArgumentException(
                        name
                                + " entry '"
                                + entry.asText()
                                + "' is neither a status from 100 to 599 nor a class such as"
                                + " 2xx");
            }
        }
        return codes;
    }

    private static String firstOf(String first, String second, String third) {
        for (String candidate : new String[] {first, second, third}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
