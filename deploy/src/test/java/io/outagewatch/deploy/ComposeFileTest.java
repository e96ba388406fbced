package io.outagewatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.outagewatch.detection.ConfigFiles;
import io.outagewatch.detection.DetectionJob;
import io.outagewatch.detection.DetectionOptions;
import io.outagewatch.detection.JobMetrics;
import io.outagewatch.events.Topics;
import io.outagewatch.ingest.intake.IntakeSettings;
import io.outagewatch.ingest.probe.ProberConfig;
import io.outagewatch.ingest.probe.ProberConfigLoader;
import io.outagewatch.ingest.publish.KafkaPublishing;
import io.outagewatch.ingest.statuspage.StatusPageConfigLoader;
import io.outagewatch.sink.pipeline.SinkArguments;
import io.outagewatch.sink.pipeline.SinkConfig;
import io.outagewatch.sink.pipeline.SinkMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Checks docker-compose.yml and its provisioning files against the code's own constants, so the
 * deployment cannot drift from topics, config keys, environment variable names and versions.
 */
class ComposeFileTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String KAFKA_SERVICE = "kafka";
    private static final String TOPIC_INIT_SERVICE = "kafka-init";
    private static final String JOBMANAGER = "jobmanager";
    private static final String TASKMANAGER = "taskmanager";
    private static final String SINK = "alert-sink";
    private static final String INTERNAL_BOOTSTRAP = "kafka:9092";
    private static final String FLINK_METRICS_PORT = "9249";
    private static final String DATASOURCE_UID = "outagewatch-prometheus";

    /**
     * Services that use {@link KafkaPublishing} and so read {@link KafkaPublishing#BOOTSTRAP_ENV}.
     */
    private static final Set<String> PUBLISHING_SERVICES =
            Set.of("prober", "statuspage", "intake", "simulator");

    /** Every environment variable the Java services' code reads, by its constant. */
    private static final Set<String> CODE_ENV_NAMES =
            Set.of(
                    KafkaPublishing.BOOTSTRAP_ENV,
                    IntakeSettings.TOKEN_ENV,
                    ProberConfig.VANTAGE_ENV,
                    ProberConfig.REGION_ENV,
                    SinkArguments.PAGERDUTY_ROUTING_KEY_ENV,
                    SinkArguments.WEBHOOK_SECRET_ENV);

    /** A compose reference to the environment: ${NAME}, ${NAME:-default} or ${NAME:?message}. */
    private static final Pattern ENV_REFERENCE =
            Pattern.compile("^\\$\\{[A-Z][A-Z0-9_]*(:-[^}]*|:\\?[^}]*)?}$");

    private static final Pattern SECRET_NAME =
            Pattern.compile(".*(PASSWORD|TOKEN|SECRET|ROUTING_KEY|API_KEY).*");

    private static final Pattern MAIN_CLASS =
            Pattern.compile("\\b(io\\.outagewatch\\.[\\w.]+Main)\\b");

    private static Path root;
    private static JsonNode compose;
    private static JsonNode services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        root = repositoryRoot();
        compose = YAML.readTree(root.resolve("docker-compose.yml").toFile());
        services = compose.get("services");
        assertThat(services).as("services").isNotNull();
    }

    @Test
    void everyTopicIsCreatedAndNoOther() {
        JsonNode init = service(TOPIC_INIT_SERVICE);
        List<String> created =
                Arrays.asList(environment(init).get("OUTAGEWATCH_TOPICS").split("\\s+"));

        assertThat(created).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        assertThat(commandText(init))
                .contains("kafka-topics.sh", "--create", "$$OUTAGEWATCH_TOPICS")
                .contains("--bootstrap-server " + INTERNAL_BOOTSTRAP);
        assertThat(init.path("depends_on").path(KAFKA_SERVICE).path("condition").asText())
                .isEqualTo("service_healthy");
    }

    @Test
    void detectionJobRunsTheJobJarWithItsConfigFile() {
        JsonNode jobmanager = service(JOBMANAGER);
        List<String> command = strings(jobmanager.get("command"));

        assertThat(command)
                .containsSequence(
                        "standalone-job", "--job-classname", DetectionJob.class.getName());
        int separator = command.indexOf("--");
        assertThat(separator)
                .as("job arguments follow '--', or Flink reads --config as --configDir")
                .isPositive();
        assertThat(command.subList(separator + 1, command.size()))
                .containsExactly("--config", "/opt/outagewatch/detect.yaml");

        String jobJar = "./detection-job/target/detection-job-" + projectVersion() + "-job.jar";
        for (String name : List.of(JOBMANAGER, TASKMANAGER)) {
            assertThat(volumeSources(service(name)))
                    .as(name + " mounts the shaded job jar")
                    .contains(jobJar);
            assertThat(mountTarget(service(name), jobJar)).startsWith("/opt/flink/usrlib/");
        }
        assertThat(mountTarget(jobmanager, "./deploy/flink/detect.yaml"))
                .isEqualTo("/opt/outagewatch/detect.yaml");
    }

    @Test
    void detectionConfigUsesOnlyKnownKeysAndReachesTheBroker() throws IOException {
        Path file = root.resolve("deploy/flink/detect.yaml");
        Set<String> known =
                DetectionOptions.all().stream().map(ConfigOption::key).collect(Collectors.toSet());

        assertThat(flatKeys(YAML.readTree(file.toFile()))).isNotEmpty().isSubsetOf(known);
        Configuration config = ConfigFiles.load(file);
        assertThat(config.get(DetectionOptions.KAFKA_BOOTSTRAP_SERVERS))
                .isEqualTo(INTERNAL_BOOTSTRAP);
        assertThat(environment(service(KAFKA_SERVICE)).get("KAFKA_ADVERTISED_LISTENERS"))
                .contains("PLAINTEXT://" + INTERNAL_BOOTSTRAP);
        Duration brokerMax =
                Duration.ofMillis(
                        Long.parseLong(
                                environment(service(KAFKA_SERVICE))
                                        .get("KAFKA_TRANSACTION_MAX_TIMEOUT_MS")));
        assertThat(config.get(DetectionOptions.KAFKA_TRANSACTION_TIMEOUT))
                .as("the exactly-once sink's transaction timeout stays below the broker's maximum")
                .isLessThan(brokerMax);
    }

    @Test
    void flinkProcessesShareOneClusterConfigWithThePrometheusReporter() {
        Map<String, String> jobmanager = flinkProperties(service(JOBMANAGER));
        Map<String, String> taskmanager = flinkProperties(service(TASKMANAGER));

        for (Map<String, String> properties : List.of(jobmanager, taskmanager)) {
            assertThat(properties)
                    .containsEntry("jobmanager.rpc.address", JOBMANAGER)
                    .containsEntry("metrics.reporter.prom.port", FLINK_METRICS_PORT)
                    .containsKey("metrics.reporter.prom.factory.class")
                    .containsKey("execution.checkpointing.dir");
            assertThat(properties.keySet())
                    .as("DetectionJob reads outagewatch.* settings from --config only")
                    .noneMatch(key -> key.startsWith("outagewatch."));
        }
        for (String key :
                List.of(
                        "execution.checkpointing.dir",
                        "execution.checkpointing.savepoint-dir",
                        "taskmanager.numberOfTaskSlots",
                        "parallelism.default",
                        "state.backend.type")) {
            assertThat(taskmanager.get(key)).as(key).isEqualTo(jobmanager.get(key));
        }
    }

    @Test
    void javaServicesRunExistingMainClassesFromTheirModulesJars() throws Exception {
        Map<String, String> mains = new LinkedHashMap<>();
        for (String name : javaServices()) {
            String command = commandText(service(name));
            Matcher main = MAIN_CLASS.matcher(command);
            assertThat(main.find()).as(name + " names a main class").isTrue();
            mains.put(name, main.group(1));
            Class.forName(main.group(1));

            String module = moduleOf(main.group(1));
            String jar = "/opt/outagewatch/" + module + "/" + module + "-" + projectVersion();
            assertThat(command).contains(jar + ".jar:/opt/outagewatch/" + module + "/lib/*");
            assertThat(mountTarget(service(name), "./" + module + "/target"))
                    .isEqualTo("/opt/outagewatch/" + module);
        }
        assertThat(mains)
                .containsEntry("prober", "io.outagewatch.ingest.probe.ProberMain")
                .containsEntry("statuspage", "io.outagewatch.ingest.statuspage.StatusPageMain")
                .containsEntry("intake", "io.outagewatch.ingest.intake.IntakeMain")
                .containsEntry("simulator", "io.outagewatch.ingest.simulator.SimulatorMain")
                .containsEntry(SINK, "io.outagewatch.sink.SinkMain")
                .containsEntry("status-page", "io.outagewatch.status.StatusPageMain");
    }

    /** The module whose jar holds a Java service's main class. */
    private static String moduleOf(String mainClass) {
        if (mainClass.startsWith("io.outagewatch.sink.")) {
            return "alert-sink";
        }
        if (mainClass.startsWith("io.outagewatch.status.")) {
            return "status-page";
        }
        return "ingest-connectors";
    }

    @Test
    void environmentVariableNamesAreTheCodes() {
        for (String name : PUBLISHING_SERVICES) {
            assertThat(environment(service(name)))
                    .as(name)
                    .containsEntry(KafkaPublishing.BOOTSTRAP_ENV, INTERNAL_BOOTSTRAP);
        }
        assertThat(environment(service("intake"))).containsKey(IntakeSettings.TOKEN_ENV);
        assertThat(environment(service("prober"))).containsKey(ProberConfig.VANTAGE_ENV);
        assertThat(environment(service(SINK))).containsKey(SinkArguments.PAGERDUTY_ROUTING_KEY_ENV);
        assertThat(commandText(service(SINK)))
                .as("the sink takes its brokers only from the command line or its config")
                .contains("--bootstrap-servers " + INTERNAL_BOOTSTRAP);

        for (String name : javaServices()) {
            JsonNode service = service(name);
            for (String variable : environment(service).keySet()) {
                assertThat(CODE_ENV_NAMES.contains(variable) || isUsedByCommand(service, variable))
                        .as(
                                name
                                        + ": "
                                        + variable
                                        + " is neither read by the code nor used by the command")
                        .isTrue();
            }
        }
    }

    @Test
    void imagesArePinnedToTheBuildsVersions() throws Exception {
        Map<String, String> images = new LinkedHashMap<>();
        services.fields()
                .forEachRemaining(e -> images.put(e.getKey(), e.getValue().path("image").asText()));

        assertThat(images.values()).allSatisfy(ComposeFileTest::assertPinned);
        assertThat(images.get(KAFKA_SERVICE))
                .isEqualTo("apache/kafka:" + pomProperty("kafka.version"));
        assertThat(images.get(TOPIC_INIT_SERVICE)).isEqualTo(images.get(KAFKA_SERVICE));
        String flinkVersion = pomProperty("flink.version");
        assertThat(EnvironmentInformation.getVersion()).isEqualTo(flinkVersion);
        String flinkImage = "flink:" + flinkVersion + "-scala_2.12-java17";
        assertThat(images.get(JOBMANAGER)).isEqualTo(flinkImage);
        assertThat(images.get(TASKMANAGER)).isEqualTo(flinkImage);
        for (String name : javaServices()) {
            assertThat(images.get(name))
                    .as(name)
                    .startsWith("eclipse-temurin:17.")
                    .contains("-jre");
        }
    }

    @Test
    void everyLongRunningServiceHasAHealthcheck() {
        services.fields()
                .forEachRemaining(
                        e -> {
                            JsonNode service = e.getValue();
                            boolean oneShot = "no".equals(service.path("restart").asText());
                            boolean profiled = service.has("profiles");
                            if (!oneShot || profiled) {
                                assertThat(strings(service.path("healthcheck").path("test")))
                                        .as(e.getKey() + " healthcheck")
                                        .isNotEmpty();
                            }
                        });
    }

    @Test
    void dependenciesNameServicesAndWaitForTheRightCondition() {
        services.fields()
                .forEachRemaining(
                        e -> {
                            JsonNode dependsOn = e.getValue().path("depends_on");
                            assertThat(dependsOn.isMissingNode() || dependsOn.isObject())
                                    .as(e.getKey() + ": depends_on with conditions")
                                    .isTrue();
                            dependsOn
                                    .fields()
                                    .forEachRemaining(
                                            d ->
                                                    assertDependency(
                                                            e.getKey(), d.getKey(), d.getValue()));
                        });
    }

    @Test
    void noSecretIsWrittenInTheFile() throws IOException {
        services.fields()
                .forEachRemaining(
                        e ->
                                environment(e.getValue())
                                        .forEach(
                                                (name, value) -> {
                                                    if (SECRET_NAME.matcher(name).matches()) {
                                                        assertThat(value)
                                                                .as(e.getKey() + " " + name)
                                                                .matches(ENV_REFERENCE);
                                                    }
                                                }));
        String text = Files.readString(root.resolve("docker-compose.yml"));
        assertThat(text.toLowerCase(Locale.ROOT))
                .as("a password in a JDBC or other URL")
                .doesNotContainPattern("[?&;]password=")
                .doesNotContain("whsec_")
                .doesNotContain("bearer ");
    }

    @Test
    void publishedPortsBindLoopbackOnly() {
        List<String> ports = new ArrayList<>();
        services.forEach(s -> ports.addAll(strings(s.path("ports"))));

        assertThat(ports).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("127.0.0.1:"));
    }

    @Test
    void volumesAreNamedOrFilesOfThisRepository() {
        Set<String> declared = new TreeSet<>();
        compose.path("volumes").fieldNames().forEachRemaining(declared::add);
        services.fields()
                .forEachRemaining(
                        e -> {
                            for (String source : volumeSources(e.getValue())) {
                                if (source.startsWith("./")) {
                                    Path path = root.resolve(source.substring(2)).normalize();
                                    Path relative = root.relativize(path);
                                    boolean buildOutput =
                                            relative.getNameCount() >= 2
                                                    && relative.getName(1)
                                                            .toString()
                                                            .equals("target");
                                    assertThat(buildOutput || Files.exists(path))
                                            .as(e.getKey() + " mounts " + source)
                                            .isTrue();
                                    if (buildOutput) {
                                        assertThat(
                                                        root.resolve(relative.getName(0))
                                                                .resolve("pom.xml"))
                                                .as(source + " is a module's build output")
                                                .exists();
                                    }
                                } else {
                                    assertThat(declared).as(e.getKey()).contains(source);
                                }
                            }
                        });
    }

    @Test
    void connectorAndSinkConfigFilesLoadWithTheRealLoaders() {
        Path config = root.resolve("deploy/config");

        assertThatCode(
                        () ->
                                ProberConfigLoader.load(
                                        config.resolve("probes.yaml"),
                                        ProberConfigLoader.Overrides.NONE,
                                        Map.of(ProberConfig.VANTAGE_ENV, "compose-1")))
                .doesNotThrowAnyException();
        assertThatCode(() -> StatusPageConfigLoader.load(config.resolve("statuspage.yaml")))
                .doesNotThrowAnyException();
        assertThatCode(() -> SinkConfig.load(config.resolve("sink.yaml"), Map.of()))
                .doesNotThrowAnyException();
        for (String file : List.of("probes.yaml", "statuspage.yaml", "sink.yaml")) {
            assertThat(mountedFiles()).contains("./deploy/config/" + file);
        }
    }

    @Test
    void prometheusScrapesExistingServices() throws IOException {
        JsonNode prometheus =
                YAML.readTree(root.resolve("deploy/prometheus/prometheus.yml").toFile());
        List<String> targets = new ArrayList<>();
        for (JsonNode job : prometheus.path("scrape_configs")) {
            for (JsonNode staticConfig : job.path("static_configs")) {
                targets.addAll(strings(staticConfig.path("targets")));
            }
            for (JsonNode dns : job.path("dns_sd_configs")) {
                for (String name : strings(dns.path("names"))) {
                    targets.add(name + ":" + dns.path("port").asText());
                }
            }
        }

        assertThat(targets)
                .contains(
                        JOBMANAGER + ":" + FLINK_METRICS_PORT,
                        TASKMANAGER + ":" + FLINK_METRICS_PORT)
                .allSatisfy(
                        target ->
                                assertThat(services.has(target.substring(0, target.indexOf(':'))))
                                        .as(target + " is a compose service")
                                        .isTrue());
        assertThat(mountTarget(service("prometheus"), "./deploy/prometheus/prometheus.yml"))
                .isEqualTo("/etc/prometheus/prometheus.yml");
    }

    @Test
    void grafanaProvisioningParsesAndTheDashboardUsesTheDatasource() throws IOException {
        Path grafana = root.resolve("deploy/grafana");
        JsonNode datasources =
                YAML.readTree(grafana.resolve("provisioning/datasources/prometheus.yml").toFile());
        JsonNode datasource = datasources.path("datasources").path(0);
        assertThat(datasource.path("type").asText()).isEqualTo("prometheus");
        assertThat(datasource.path("uid").asText()).isEqualTo(DATASOURCE_UID);
        assertThat(datasource.path("url").asText()).isEqualTo("http://prometheus:9090");

        JsonNode providers =
                YAML.readTree(grafana.resolve("provisioning/dashboards/outagewatch.yml").toFile());
        String dashboardPath =
                providers.path("providers").path(0).path("options").path("path").asText();
        assertThat(mountTarget(service("grafana"), "./deploy/grafana/dashboards"))
                .isEqualTo(dashboardPath);
        assertThat(mountTarget(service("grafana"), "./deploy/grafana/provisioning"))
                .isEqualTo("/etc/grafana/provisioning");

        JsonNode dashboard = JSON.readTree(grafana.resolve("dashboards/outagewatch.json").toFile());
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panels::add);
        List<JsonNode> queried = panels.stream().filter(p -> p.has("targets")).toList();
        assertThat(queried).isNotEmpty();
        for (JsonNode panel : queried) {
            assertThat(panel.path("datasource").path("uid").asText())
                    .as(panel.path("title").asText())
                    .isEqualTo(DATASOURCE_UID);
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asText())
                        .as(panel.path("title").asText())
                        .isNotBlank();
            }
        }
        String queries = queried.toString();
        // As Flink's Prometheus reporter names them: the key of a key-value group joins the name.
        String job = "flink_taskmanager_job_task_operator_" + JobMetrics.GROUP + "_";
        assertThat(queries)
                .contains(
                        job + JobMetrics.TOPIC + "_" + JobMetrics.RECORDS_IN,
                        job + JobMetrics.REASON + "_" + JobMetrics.DEAD_LETTERS,
                        job + JobMetrics.TOPIC + "_" + JobMetrics.LATE_RECORDS,
                        job + JobMetrics.OPEN_INCIDENTS,
                        job + JobMetrics.TYPE + "_" + JobMetrics.ALERTS,
                        job + JobMetrics.WATERMARK_LAG_MILLIS,
                        job + JobMetrics.SERVICE + "_" + JobMetrics.PROBE_FAILURE_RATE,
                        job + JobMetrics.SERVICE + "_" + JobMetrics.PROBE_FAILURE_BASELINE,
                        job + JobMetrics.SERVICE + "_" + JobMetrics.REPORT_RATE,
                        job + JobMetrics.SERVICE + "_" + JobMetrics.REPORT_BASELINE,
                        SinkMetrics.DELIVERIES);
    }

    private static void assertPinned(String image) {
        assertThat(image).as("image").isNotBlank().doesNotContain("@");
        int colon = image.lastIndexOf(':');
        assertThat(colon).as(image + " has a tag").isGreaterThan(image.lastIndexOf('/'));
        String tag = image.substring(colon + 1);
        assertThat(tag).as(image).isNotEqualTo("latest").containsPattern("^v?\\d+\\.\\d+");
    }

    private static void assertDependency(String dependent, String dependency, JsonNode spec) {
        assertThat(services.has(dependency)).as(dependent + " depends on " + dependency).isTrue();
        String condition = spec.path("condition").asText();
        JsonNode target = service(dependency);
        switch (condition) {
            case "service_healthy" ->
                    assertThat(target.has("healthcheck")).as(dependency + " healthcheck").isTrue();
            case "service_completed_successfully" ->
                    assertThat(target.path("restart").asText()).as(dependency).isEqualTo("no");
            case "service_started" -> {
                // the jobmanager's health needs the taskmanager, so the taskmanager cannot wait
            }
            default -> throw new AssertionError(dependent + ": unknown condition " + condition);
        }
    }

    private static List<String> javaServices() {
        List<String> names = new ArrayList<>();
        services.fields()
                .forEachRemaining(
                        e -> {
                            if (e.getValue()
                                    .path("image")
                                    .asText()
                                    .startsWith("eclipse-temurin:")) {
                                names.add(e.getKey());
                            }
                        });
        assertThat(names).isNotEmpty();
        return names;
    }

    private static boolean isUsedByCommand(JsonNode service, String variable) {
        return commandText(service).contains("$$" + variable);
    }

    private static JsonNode service(String name) {
        JsonNode service = services.get(name);
        assertThat(service).as("service " + name).isNotNull();
        return service;
    }

    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> environment = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        assertThat(node.isMissingNode() || node.isObject())
                .as("environment is written as a map")
                .isTrue();
        node.fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        return environment;
    }

    private static Map<String, String> flinkProperties(JsonNode service) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String line : environment(service).get("FLINK_PROPERTIES").split("\n")) {
            if (!line.isBlank()) {
                int colon = line.indexOf(':');
                properties.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return properties;
    }

    private static String commandText(JsonNode service) {
        List<String> parts = new ArrayList<>(strings(service.path("entrypoint")));
        parts.addAll(strings(service.path("command")));
        return String.join(" ", parts);
    }

    private static List<String> volumeSources(JsonNode service) {
        return strings(service.path("volumes")).stream().map(v -> v.split(":")[0]).toList();
    }

    private static List<String> mountedFiles() {
        List<String> sources = new ArrayList<>();
        services.forEach(s -> sources.addAll(volumeSources(s)));
        return sources;
    }

    private static String mountTarget(JsonNode service, String source) {
        for (String volume : strings(service.path("volumes"))) {
            String[] parts = volume.split(":");
            if (parts[0].equals(source)) {
                return parts[1];
            }
        }
        throw new AssertionError("no volume with source " + source);
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else if (node.isTextual()) {
            values.add(node.asText());
        }
        return values;
    }

    private static Set<String> flatKeys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode child = node.get(name);
            if (child.isObject()) {
                flatKeys(child).forEach(k -> keys.add(name + "." + k));
            } else {
                keys.add(name);
            }
        }
        return keys;
    }

    private static String projectVersion() {
        return pomValue(null, "version");
    }

    private static String pomProperty(String name) {
        return pomValue("properties", name);
    }

    /** A direct child of the parent pom's project element, or of one of its sections. */
    private static String pomValue(String section, String name) {
        try {
            Element project =
                    DocumentBuilderFactory.newInstance()
                            .newDocumentBuilder()
                            .parse(root.resolve("pom.xml").toFile())
                            .getDocumentElement();
            Element parent = section == null ? project : child(project, section);
            return child(parent, name).getTextContent().trim();
        } catch (Exception e) {
            throw new AssertionError("cannot read " + name + " from pom.xml", e);
        }
    }

    private static Element child(Element parent, String name) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError(
                "pom.xml has no <" + name + "> under <" + parent.getTagName() + ">");
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        assertThat(dir)
                .as("a directory above the working directory holds docker-compose.yml")
                .isNotNull();
        return dir;
    }
}
