package io.outagewatch.sink.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.DurationText;
import io.outagewatch.events.InvalidEventException;
import io.outagewatch.events.Severity;
import io.outagewatch.events.Timestamps;
import io.outagewatch.sink.api.ApiToken;
import io.outagewatch.sink.notify.Secrets;
import io.outagewatch.sink.silence.MaintenanceWindow;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The sink's settings, from {@code sink.yaml} or from command-line flags. The YAML reader is
 * strict: unknown and duplicate keys fail with a {@link SinkConfigException} naming the key.
 *
 * @param bootstrapServers absent only for {@code --from-file} runs without Kafka
 * @param deliveryLog the delivery log file
 * @param deliveryLogRetention how long delivery-log records are kept (compaction on start)
 * @param historyDb JDBC URL of the outage history, if one is kept
 * @param defaultReceivers where alerts no route matches go
 * @param maintenanceWindows maintenance windows: alerts inside one are silenced
 * @param announcedMaintenances whether maintenances the services announce on their status pages
 *     silence the incidents inside them
 * @param silencesToken the bearer token of the silences API; the API is off without one
 */
public record SinkConfig(
        Optional<String> bootstrapServers,
        String groupId,
        Path deliveryLog,
        Duration deliveryLogRetention,
        RetryPolicy retry,
        Optional<String> historyDb,
        List<ReceiverConfig> receivers,
        List<Route> routes,
        List<String> defaultReceivers,
        List<MaintenanceWindow> maintenanceWindows,
        boolean announcedMaintenances,
        Optional<ApiToken> silencesToken) {

    public static final Path DEFAULT_DELIVERY_LOG = Path.of("outagewatch-data", "delivery-log");

    static final String KAFKA = "kafka";
    static final String BOOTSTRAP_SERVERS = "bootstrapServers";
    static final String GROUP_ID = "groupId";
    static final String DELIVERY_LOG = "deliveryLog";
    static final String FILE = "file";
    static final String RETENTION_DAYS = "retentionDays";
    static final String RETRY = "retry";
    static final String INITIAL_BACKOFF = "initialBackoff";
    static final String MAX_BACKOFF = "maxBackoff";
    static final String GIVE_UP_AFTER = "giveUpAfter";
    static final String HISTORY = "history";
    static final String DB = "db";
    static final String RECEIVERS = "receivers";
    static final String NAME = "name";
    static final String KIND = "kind";
    static final String URL = "url";
    static final String SECRET_ENV = "secretEnv";
    static final String SECRET_FILE = "secretFile";
    static final String OPTIONS = "options";
    static final String ROUTES = "routes";
    static final String SERVICES = "services";
    static final String SEVERITIES = "severities";
    static final String TYPES = "types";
    static final String CONTINUE = "continue";
    static final String DEFAULT_RECEIVERS = "defaultReceivers";
    static final String MAINTENANCE_WINDOWS = "maintenanceWindows";
    static final String SERVICE = "service";
    static final String COMMENT = "comment";
    static final String FROM = "from";
    static final String UNTIL = "until";
    static final String WEEKLY = "weekly";
    static final String DAYS = "days";
    static final String TIME_ZONE = "timeZone";
    static final String SILENCES = "silences";
    static final String ANNOUNCED_MAINTENANCES = "announcedMaintenances";
    static final String TOKEN_FILE = "tokenFile";

    /** Announced maintenances silence their incidents unless the config says otherwise. */
    public static final boolean DEFAULT_ANNOUNCED_MAINTENANCES = true;

    static final Set<String> TOP_LEVEL_KEYS =
            Set.of(
                    KAFKA,
                    DELIVERY_LOG,
                    RETRY,
                    HISTORY,
                    RECEIVERS,
                    ROUTES,
                    DEFAULT_RECEIVERS,
                    MAINTENANCE_WINDOWS,
                    SILENCES);
    static final Set<String> WINDOW_KEYS = Set.of(NAME, SERVICE, COMMENT, FROM, UNTIL, WEEKLY);
    static final Set<String> WEEKLY_KEYS = Set.of(DAYS, FROM, UNTIL, TIME_ZONE);
    static final Set<String> SILENCES_KEYS = Set.of(ANNOUNCED_MAINTENANCES, TOKEN_FILE);
    static final Set<String> KAFKA_KEYS = Set.of(BOOTSTRAP_SERVERS, GROUP_ID);
    static final Set<String> DELIVERY_LOG_KEYS = Set.of(FILE, RETENTION_DAYS);
    static final Set<String> RETRY_KEYS = Set.of(INITIAL_BACKOFF, MAX_BACKOFF, GIVE_UP_AFTER);
    static final Set<String> HISTORY_KEYS = Set.of(DB);
    static final Set<String> RECEIVER_KEYS =
            Set.of(NAME, KIND, URL, SECRET_ENV, SECRET_FILE, OPTIONS);
    static final Set<String> ROUTE_KEYS = Set.of(SERVICES, SEVERITIES, TYPES, RECEIVERS, CONTINUE);

    private static final ObjectMapper YAML =
            YAMLMapper.builder(
                            YAMLFactory.builder()
                                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                                    .build())
                    .build();

    /** Settings without maintenance windows or a silences API, announced maintenances on. */
    public SinkConfig(
            Optional<String> bootstrapServers,
            String groupId,
            Path deliveryLog,
            Duration deliveryLogRetention,
            RetryPolicy retry,
            Optional<String> historyDb,
            List<ReceiverConfig> receivers,
            List<Route> routes,
            List<String> defaultReceivers) {
        this(
                bootstrapServers,
                groupId,
                deliveryLog,
                deliveryLogRetention,
                retry,
                historyDb,
                receivers,
                routes,
                defaultReceivers,
                List.of(),
                DEFAULT_ANNOUNCED_MAINTENANCES,
                Optional.empty());
    }

    public SinkConfig {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        maintenanceWindows = List.copyOf(maintenanceWindows);
        Objects.requireNonNull(silencesToken, "silencesToken");
        Set<String> windowNames = new LinkedHashSet<>();
        for (MaintenanceWindow window : maintenanceWindows) {
            if (!windowNames.add(window.name())) {
                throw new SinkConfigException(
                        MAINTENANCE_WINDOWS + ": name '" + window.name() + "' is used twice");
            }
        }
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(deliveryLog, "deliveryLog");
        Objects.requireNonNull(deliveryLogRetention, "deliveryLogRetention");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(historyDb, "historyDb");
        receivers = List.copyOf(receivers);
        routes = List.copyOf(routes);
        defaultReceivers = List.copyOf(defaultReceivers);
        if (receivers.isEmpty()) {
            throw new SinkConfigException(RECEIVERS + ": at least one receiver is required");
        }
        Set<String> names = new LinkedHashSet<>();
        for (ReceiverConfig receiver : receivers) {
            if (!names.add(receiver.name())) {
                throw new SinkConfigException(
                        RECEIVERS + ": name '" + receiver.name() + "' is used twice");
            }
        }
        Set<String> unknown =
                new TreeSet<>(new Router(routes, defaultReceivers).referencedReceivers());
        unknown.removeAll(names);
        if (!unknown.isEmpty()) {
            throw new SinkConfigException(
                    ROUTES
                            + "/"
                            + DEFAULT_RECEIVERS
                            + ": unknown receivers "
                            + unknown
                            + "; configured are "
                            + names);
        }
        if (routes.isEmpty() && defaultReceivers.isEmpty()) {
            throw new SinkConfigException(
                    "give "
                            + ROUTES
                            + ", "
                            + DEFAULT_RECEIVERS
                            + " or both: no alert would go out");
        }
    }

    public Router router() {
        return new Router(routes, defaultReceivers);
    }

    /** Reads a config file; relative paths in it are resolved against its directory. */
    public static SinkConfig load(Path file, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SinkConfigException("cannot read config " + file + ": " + e, e);
        }
        try {
            return parse(text, file.toAbsolutePath().getParent(), env);
        } catch (SinkConfigException e) {
            throw new SinkConfigException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param directory against which relative paths are resolved
     * @param env where {@code secretEnv} names are looked up
     */
    public static SinkConfig parse(String yaml, Path directory, Map<String, String> env) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new SinkConfigException("not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new SinkConfigException("the config must be a mapping with a 'receivers' list");
        }
        checkKeys("", root, TOP_LEVEL_KEYS);

        JsonNode kafka = section(root, KAFKA, KAFKA_KEYS);
        JsonNode log = section(root, DELIVERY_LOG, DELIVERY_LOG_KEYS);
        JsonNode retry = section(root, RETRY, RETRY_KEYS);
        JsonNode history = section(root, HISTORY, HISTORY_KEYS);
        JsonNode silences = section(root, SILENCES, SILENCES_KEYS);

        Optional<String> bootstrap = optionalText(KAFKA + "." + BOOTSTRAP_SERVERS, kafka);
        String groupId =
                optionalText(KAFKA + "." + GROUP_ID, kafka).orElse(AlertConsumer.DEFAULT_GROUP_ID);
        Path logFile =
                directory.resolve(
                        optionalText(DELIVERY_LOG + "." + FILE, log)
                                .map(Path::of)
                                .orElse(DEFAULT_DELIVERY_LOG));
        Duration retention = retentionDays(log);
        RetryPolicy policy = retryPolicy(retry);
        Optional<String> db = optionalText(HISTORY + "." + DB, history);

        List<ReceiverConfig> receivers = new ArrayList<>();
        JsonNode receiversNode = root.get(RECEIVERS);
        if (receiversNode == null || !receiversNode.isArray() || receiversNode.isEmpty()) {
            throw new SinkConfigException(RECEIVERS + ": at least one receiver is required");
        }
        for (int i = 0; i < receiversNode.size(); i++) {
            receivers.add(
                    receiver(RECEIVERS + "[" + i + "]", receiversNode.get(i), directory, env));
        }
        List<Route> routes = new ArrayList<>();
        JsonNode routesNode = root.get(ROUTES);
        if (routesNode != null && !routesNode.isNull()) {
            if (!routesNode.isArray()) {
                throw new SinkConfigException(ROUTES + ": must be a list");
            }
            for (int i = 0; i < routesNode.size(); i++) {
                routes.add(route(ROUTES + "[" + i + "]", routesNode.get(i)));
            }
        }
        List<String> defaults =
                stringList(DEFAULT_RECEIVERS, root.get(DEFAULT_RECEIVERS), Function.identity());
        List<MaintenanceWindow> windows = new ArrayList<>();
        JsonNode windowsNode = root.get(MAINTENANCE_WINDOWS);
        if (windowsNode != null && !windowsNode.isNull()) {
            if (!windowsNode.isArray()) {
                throw new SinkConfigException(MAINTENANCE_WINDOWS + ": must be a list");
            }
            for (int i = 0; i < windowsNode.size(); i++) {
                windows.add(window(MAINTENANCE_WINDOWS + "[" + i + "]", windowsNode.get(i)));
            }
        }
        JsonNode announced = silences.get(ANNOUNCED_MAINTENANCES);
        if (announced != null && !announced.isNull() && !announced.isBoolean()) {
            throw new SinkConfigException(
                    SILENCES + "." + ANNOUNCED_MAINTENANCES + ": must be true or false");
        }
        Optional<ApiToken> token =
                optionalText(SILENCES + "." + TOKEN_FILE, silences)
                        .map(
                                file -> {
                                    try {
                                        return ApiToken.of(
                                                new Secrets(env::get)
                                                        .fromFile(directory.resolve(file)));
                                    } catch (IllegalArgumentException e) {
                                        throw new SinkConfigException(
                                                SILENCES
                                                        + "."
                                                        + TOKEN_FILE
                                                        + ": "
                                                        + e.getMessage());
                                    }
                                });
        return new SinkConfig(
                bootstrap,
                groupId,
                logFile,
                retention,
                policy,
                db,
                receivers,
                routes,
                defaults,
                windows,
                announced == null || announced.isNull()
                        ? DEFAULT_ANNOUNCED_MAINTENANCES
                        : announced.asBoolean(),
                token);
    }

    /**
     * A maintenance window: {@code name}, {@code service}, optional {@code comment}, and either
     * {@code from} and {@code until} (instants, one-off) or {@code weekly} ({@code days}, {@code
     * from} and {@code until} as local times {@code HH:MM}, {@code timeZone}).
     */
    private static MaintenanceWindow window(String field, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new SinkConfigException(field + ": must be a mapping");
        }
        checkKeys(field + ".", node, WINDOW_KEYS);
        String name = requiredText(field + "." + NAME, node);
        String service = requiredText(field + "." + SERVICE, node);
        String comment = optionalText(field + "." + COMMENT, node).orElse(null);
        JsonNode weekly = node.get(WEEKLY);
        boolean oneOff = node.has(FROM) || node.has(UNTIL);
        if ((weekly != null) == oneOff) {
            throw new SinkConfigException(
                    field
                            + ": give "
                            + FROM
                            + " and "
                            + UNTIL
                            + " (one-off) or "
                            + WEEKLY
                            + " (recurring), one of them");
        }
        MaintenanceWindow.Schedule schedule;
        try {
            if (oneOff) {
                schedule =
                        new MaintenanceWindow.OneOff(
                                instant(field + "." + FROM, requiredText(field + "." + FROM, node)),
                                instant(
                                        field + "." + UNTIL,
                                        requiredText(field + "." + UNTIL, node)));
            } else {
                String prefix = field + "." + WEEKLY;
                if (!weekly.isObject()) {
                    throw new SinkConfigException(prefix + ": must be a mapping");
                }
                checkKeys(prefix + ".", weekly, WEEKLY_KEYS);
                List<DayOfWeek> days =
                        stringList(prefix + "." + DAYS, weekly.get(DAYS), d -> day(prefix, d));
                if (days.isEmpty()) {
                    throw new SinkConfigException(prefix + "." + DAYS + ": at least one day");
                }
                schedule =
                        new MaintenanceWindow.Weekly(
                                Set.copyOf(days),
                                localTime(
                                        prefix + "." + FROM,
                                        requiredText(prefix + "." + FROM, weekly)),
                                localTime(
                                        prefix + "." + UNTIL,
                                        requiredText(prefix + "." + UNTIL, weekly)),
                                zone(
                                        prefix + "." + TIME_ZONE,
                                        requiredText(prefix + "." + TIME_ZONE, weekly)));
            }
            return new MaintenanceWindow(name, service, comment, schedule);
        } catch (IllegalArgumentException e) {
            if (e instanceof SinkConfigException config) {
                throw config;
            }
            throw new SinkConfigException(field + ": " + e.getMessage(), e);
        }
    }

    private static Instant instant(String field, String text) {
        try {
            return Timestamps.parse(field, text);
        } catch (InvalidEventException e) {
            throw new SinkConfigException(
                    field + ": '" + text + "' is not an instant such as 2024-03-02T22:00:00Z");
        }
    }

    private static LocalTime localTime(String field, String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new SinkConfigException(
                    field + ": '" + text + "' is not a time of day such as 01:30");
        }
    }

    private static ZoneId zone(String field, String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new SinkConfigException(
                    field + ": '" + text + "' is not a time zone such as Europe/Berlin");
        }
    }

    private static DayOfWeek day(String field, String text) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equalsIgnoreCase(text.strip())
                    || day.name().substring(0, 3).equalsIgnoreCase(text.strip())) {
                return day;
            }
        }
        throw new SinkConfigException(
                field
                        + "."
                        + DAYS
                        + ": '"
                        + text
                        + "' is not a day; use monday … sunday (or mon … sun)");
    }

    private static Duration retentionDays(JsonNode log) {
        JsonNode node = log.get(RETENTION_DAYS);
        if (node == null || node.isNull()) {
            return FileDeliveryLog.DEFAULT_RETENTION;
        }
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.asInt() < 1) {
            throw new SinkConfigException(
                    DELIVERY_LOG + "." + RETENTION_DAYS + ": must be a whole number of days >= 1");
        }
        return Duration.ofDays(node.asInt());
    }

    private static RetryPolicy retryPolicy(JsonNode retry) {
        Duration initial =
                duration(RETRY, INITIAL_BACKOFF, retry, RetryPolicy.DEFAULT_INITIAL_BACKOFF);
        Duration max = duration(RETRY, MAX_BACKOFF, retry, RetryPolicy.DEFAULT_MAX_BACKOFF);
        Duration giveUp = duration(RETRY, GIVE_UP_AFTER, retry, RetryPolicy.DEFAULT_GIVE_UP_AFTER);
        try {
            return new RetryPolicy(initial, max, giveUp);
        } catch (IllegalArgumentException e) {
            throw new SinkConfigException(RETRY + ": " + e.getMessage(), e);
        }
    }

    private static ReceiverConfig receiver(
            String field, JsonNode node, Path directory, Map<String, String> env) {
        if (node == null || !node.isObject()) {
            throw new SinkConfigException(field + ": must be a mapping");
        }
        checkKeys(field + ".", node, RECEIVER_KEYS);
        String name = requiredText(field + "." + NAME, node);
        String kind = requiredText(field + "." + KIND, node);
        Optional<URI> url = optionalText(field + "." + URL, node).map(u -> url(field, u));
        Optional<String> secretEnv = optionalText(field + "." + SECRET_ENV, node);
        Optional<String> secretFile = optionalText(field + "." + SECRET_FILE, node);
        if (secretEnv.isPresent() && secretFile.isPresent()) {
            throw new SinkConfigException(
                    field + ": give " + SECRET_ENV + " or " + SECRET_FILE + ", not both");
        }
        Optional<String> secret = Optional.empty();
        if (secretEnv.isPresent() || secretFile.isPresent()) {
            try {
                secret =
                        Optional.of(
                                new Secrets(env::get)
                                        .read(
                                                secretEnv.orElse(null),
                                                secretFile.map(directory::resolve).orElse(null)));
            } catch (IllegalArgumentException e) {
                String key = secretEnv.isPresent() ? SECRET_ENV : SECRET_FILE;
                throw new SinkConfigException(field + "." + key + ": " + e.getMessage());
            }
        }
        Map<String, String> options = new LinkedHashMap<>();
        JsonNode optionsNode = node.get(OPTIONS);
        if (optionsNode != null && !optionsNode.isNull()) {
            if (!optionsNode.isObject()) {
                throw new SinkConfigException(field + "." + OPTIONS + ": must be a mapping");
            }
            optionsNode
                    .fields()
                    .forEachRemaining(
                            e -> {
                                if (!e.getValue().isValueNode()) {
                                    throw new SinkConfigException(
                                            field
                                                    + "."
                                                    + OPTIONS
                                                    + "."
                                                    + e.getKey()
                                                    + ": must be a plain value");
                                }
                                options.put(e.getKey(), e.getValue().asText());
                            });
        }
        try {
            return new ReceiverConfig(name, kind, url, secret, options);
        } catch (IllegalArgumentException e) {
            throw new SinkConfigException(field + ": " + e.getMessage(), e);
        }
    }

    private static Route route(String field, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new SinkConfigException(field + ": must be a mapping");
        }
        checkKeys(field + ".", node, ROUTE_KEYS);
        List<String> services =
                stringList(field + "." + SERVICES, node.get(SERVICES), Function.identity());
        List<Severity> severities =
                stringList(
                        field + "." + SEVERITIES,
                        node.get(SEVERITIES),
                        s -> enumValue(field + "." + SEVERITIES, s, Severity.values()));
        List<AlertType> types =
                stringList(
                        field + "." + TYPES,
                        node.get(TYPES),
                        s -> enumValue(field + "." + TYPES, s, AlertType.values()));
        List<String> receivers =
                stringList(field + "." + RECEIVERS, node.get(RECEIVERS), Function.identity());
        if (receivers.isEmpty()) {
            throw new SinkConfigException(field + "." + RECEIVERS + ": at least one is required");
        }
        JsonNode cont = node.get(CONTINUE);
        if (cont != null && !cont.isNull() && !cont.isBoolean()) {
            throw new SinkConfigException(field + "." + CONTINUE + ": must be true or false");
        }
        return new Route(
                Set.copyOf(services),
                Set.copyOf(severities),
                Set.copyOf(types),
                receivers,
                cont != null && cont.asBoolean());
    }

    private static <E extends Enum<E>> E enumValue(String field, String text, E[] values) {
        for (E value : values) {
            if (value.name().equals(text)) {
                return value;
            }
        }
        throw new SinkConfigException(
                field + ": '" + text + "' is not one of " + Arrays.toString(values));
    }

    private static <T> List<T> stringList(String field, JsonNode node, Function<String, T> map) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new SinkConfigException(field + ": must be a list");
        }
        List<T> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new SinkConfigException(field + ": items must be non-empty text");
            }
            values.add(map.apply(item.asText()));
        }
        return values;
    }

    private static URI url(String field, String text) {
        try {
            URI uri = new URI(text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new SinkConfigException(field + "." + URL + ": must be an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            // The exception's message quotes the text, and a Slack webhook URL is a secret.
            throw new SinkConfigException(
                    field
                            + "."
                            + URL
                            + ": not a URL ("
                            + e.getReason()
                            + " at index "
                            + e.getIndex()
                            + ")");
        }
    }

    private static Duration duration(
            String section, String key, JsonNode node, Duration defaultValue) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        try {
            return DurationText.parse(value.asText());
        } catch (IllegalArgumentException e) {
            throw new SinkConfigException(section + "." + key + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode section(JsonNode root, String key, Set<String> allowed) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return YAML.createObjectNode();
        }
        if (!node.isObject()) {
            throw new SinkConfigException(key + ": must be a mapping");
        }
        checkKeys(key + ".", node, allowed);
        return node;
    }

    private static void checkKeys(String prefix, JsonNode node, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new SinkConfigException(
                        prefix + name + ": unknown key; known are " + new TreeSet<>(allowed));
            }
        }
    }

    private static String requiredText(String field, JsonNode parent) {
        return optionalText(field, parent)
                .orElseThrow(() -> new SinkConfigException(field + ": is required"));
    }

    private static Optional<String> optionalText(String field, JsonNode parent) {
        String key = field.substring(field.lastIndexOf('.') + 1);
        JsonNode value = parent.get(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            throw new SinkConfigException(field + ": must be non-empty text");
        }
        return Optional.of(value.asText().strip());
    }
}
