package io.outagewatch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Flink standalone session cluster of separate JVMs on loopback, started from Maven jars as
 * {@code bin/jobmanager.sh} and {@code bin/taskmanager.sh} would start it, and driven through its
 * REST API. Each JVM logs to its own file under the cluster's directory.
 */
final class StandaloneFlinkCluster implements AutoCloseable {

    /** What Flink needs on Java 17 outside Surefire (flink-dist config.yaml, env.java.opts.all). */
    static final List<String> JAVA_17_OPENS =
            List.of(
                    "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
                    "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                    "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang=ALL-UNNAMED",
                    "--add-opens=java.base/java.net=ALL-UNNAMED",
                    "--add-opens=java.base/java.io=ALL-UNNAMED",
                    "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                    "--add-opens=java.base/java.text=ALL-UNNAMED",
                    "--add-opens=java.base/java.time=ALL-UNNAMED",
                    "--add-opens=java.base/java.util=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
                    "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    static final String HOST = "127.0.0.1";

    private static final String JOB_MANAGER_MAIN =
            "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    private static final String TASK_MANAGER_MAIN =
            "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    private static final List<String> JOB_MANAGER_JVM = List.of("-Xms256m", "-Xmx600m");
    // Heap = framework + task heap, direct = framework + task off-heap + network (config below).
    private static final List<String> TASK_MANAGER_JVM =
            List.of(
                    "-Xms512m",
                    "-Xmx512m",
                    "-XX:MaxDirectMemorySize=192m",
                    "-XX:MaxMetaspaceSize=256m");

    private static final Duration POLL_PAUSE = Duration.ofMillis(200);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final int LOG_TAIL_LINES = 40;
    private static final String LATE_RECORDS_DROPPED = "numLateRecordsDropped";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One JVM of the cluster and the file it logs to. */
    record FlinkProcess(String name, Process process, Path log) {}

    private final Path dir;
    private final int restPort;
    private final List<FlinkProcess> processes = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    private StandaloneFlinkCluster(Path dir, int restPort) {
        this.dir = dir;
        this.restPort = restPort;
    }

    /**
     * Writes {@code conf/} under {@code dir} and starts a JobManager and {@code taskManagers}
     * TaskManagers, each with {@code slotsPerTaskManager} slots. Returns at once; {@link
     * #awaitTaskManagers} waits for them to register.
     */
    static StandaloneFlinkCluster start(
            Path dir, String classpath, int taskManagers, int slotsPerTaskManager)
            throws IOException {
        dir = dir.toAbsolutePath();
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Path logs = Files.createDirectories(dir.resolve("log"));
        int restPort = freePort();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("jobmanager.rpc.address", HOST);
        config.put("jobmanager.rpc.port", Integer.toString(freePort()));
        config.put("jobmanager.bind-host", HOST);
        config.put("jobmanager.memory.process.size", "1024m");
        config.put("rest.address", HOST);
        config.put("rest.bind-address", HOST);
        config.put("rest.port", Integer.toString(restPort));
        config.put("blob.server.port", "0");
        config.put("taskmanager.host", HOST);
        config.put("taskmanager.bind-host", HOST);
        config.put("taskmanager.numberOfTaskSlots", Integer.toString(slotsPerTaskManager));
        // Set by bin/taskmanager.sh (BashJavaUtils) on a real install; the runner fails without.
        config.put("taskmanager.cpu.cores", Integer.toString(slotsPerTaskManager));
        config.put("taskmanager.memory.framework.heap.size", "128m");
        config.put("taskmanager.memory.task.heap.size", "384m");
        config.put("taskmanager.memory.framework.off-heap.size", "128m");
        config.put("taskmanager.memory.task.off-heap.size", "0m");
        config.put("taskmanager.memory.network.min", "64m");
        config.put("taskmanager.memory.network.max", "64m");
        config.put("taskmanager.memory.managed.size", "128m");
        config.put("taskmanager.memory.jvm-metaspace.size", "256m");
        config.put("taskmanager.memory.jvm-overhead.min", "192m");
        config.put("taskmanager.memory.jvm-overhead.max", "192m");
        config.put("parallelism.default", Integer.toString(taskManagers * slotsPerTaskManager));
        config.put("web.upload.dir", Files.createDirectories(dir.resolve("upload")).toString());
        config.put("io.tmp.dirs", Files.createDirectories(dir.resolve("tmp")).toString());
        Files.write(
                conf.resolve("config.yaml"),
                config.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList(),
                StandardCharsets.UTF_8);
        Files.write(conf.resolve("log4j.properties"), log4jProperties(), StandardCharsets.UTF_8);

        StandaloneFlinkCluster cluster = new StandaloneFlinkCluster(dir, restPort);
        try {
            cluster.launch(
                    "jobmanager",
                    JOB_MANAGER_JVM,
                    classpath,
                    conf,
                    logs,
                    JOB_MANAGER_MAIN,
                    List.of());
            for (int i = 1; i <= taskManagers; i++) {
                String name = "taskmanager-" + i;
                cluster.launch(
                        name,
                        TASK_MANAGER_JVM,
                        classpath,
                        conf,
                        logs,
                        TASK_MANAGER_MAIN,
                        List.of("-D", "taskmanager.resource-id=" + name));
            }
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** {@code http://127.0.0.1:PORT}, the REST API and web UI. */
    String restAddress() {
        return "http://" + HOST + ":" + restPort;
    }

    /** Waits until {@code /overview} reports {@code count} TaskManagers; returns the overview. */
    JsonNode awaitTaskManagers(int count, Duration timeout) {
        return await(
                "/overview",
                overview -> overview.path("taskmanagers").asInt() >= count,
                count + " TaskManagers registered",
                timeout);
    }

    /** Uploads a jar through {@code POST /jars/upload}; returns its id for {@link #runJar}. */
    String uploadJar(Path jar) throws IOException {
        String boundary = "----outagewatch-" + UUID.randomUUID();
        String head =
                "--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                        + jar.getFileName()
                        + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request =
                HttpRequest.newBuilder(uri("/jars/upload"))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(
                                HttpRequest.BodyPublishers.concat(
                                        HttpRequest.BodyPublishers.ofString(head),
                                        HttpRequest.BodyPublishers.ofFile(jar),
                                        HttpRequest.BodyPublishers.ofString(tail)))
                        .build();
        JsonNode response = send(request);
        if (!"success".equals(response.path("status").asText())) {
            throw new IllegalStateException("jar upload failed: " + response);
        }
        return Path.of(response.path("filename").asText()).getFileName().toString();
    }

    /** Runs an uploaded jar through {@code POST /jars/<id>/run}; returns the job id. */
    String runJar(String jarId, String entryClass, List<String> args, int parallelism) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entryClass", entryClass);
        body.put("programArgsList", args);
        body.put("parallelism", parallelism);
        HttpRequest request =
                HttpRequest.newBuilder(uri("/jars/" + jarId + "/run"))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(toJson(body)))
                        .build();
        JsonNode response = send(request);
        String jobId = response.path("jobid").asText("");
        if (jobId.isEmpty()) {
            throw new IllegalStateException("job did not start: " + response);
        }
        return jobId;
    }

    /** Waits until the job and every one of its tasks are RUNNING; returns the job's details. */
    JsonNode awaitRunning(String jobId, Duration timeout) {
        return await(
                "/jobs/" + jobId,
                job -> {
                    String state = job.path("state").asText();
                    if (state.equals("FAILED") || state.equals("CANCELED")) {
                        throw new IllegalStateException("job " + jobId + " is " + state);
                    }
                    return state.equals("RUNNING")
                            && job.path("vertices").size() > 0
                            && stream(job.path("vertices"))
                                    .allMatch(v -> v.path("status").asText().equals("RUNNING"));
                },
                "job " + jobId + " running",
                timeout);
    }

    /** Waits until {@code more} checkpoints of the job have completed after this call. */
    void awaitCheckpoints(String jobId, int more, Duration timeout) {
        String path = "/jobs/" + jobId + "/checkpoints";
        long target = get(path).path("counts").path("completed").asLong() + more;
        await(
                path,
                checkpoints -> checkpoints.path("counts").path("completed").asLong() >= target,
                more + " more checkpoints of job " + jobId,
                timeout);
    }

    /**
     * Records the job's windows dropped as late, summed over every operator and subtask: where a
     * live run and a replay part ways when the watermark ran ahead of an input.
     */
    long lateRecordsDropped(String jobId) {
        long dropped = 0;
        for (JsonNode vertex : get("/jobs/" + jobId).path("vertices")) {
            String metrics =
                    "/jobs/"
                            + jobId
                            + "/vertices/"
                            + vertex.path("id").asText()
                            + "/subtasks/metrics";
            List<String> ids =
                    stream(get(metrics))
                            .map(m -> m.path("id").asText())
                            .filter(id -> id.endsWith(LATE_RECORDS_DROPPED))
                            .toList();
            if (!ids.isEmpty()) {
                for (JsonNode m : get(metrics + "?get=" + String.join(",", ids))) {
                    dropped += m.path("sum").asLong();
                }
            }
        }
        return dropped;
    }

    /** {@code GET path} as JSON. */
    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT).GET().build());
    }

    /** Cancels a job ({@code PATCH /jobs/<id>?mode=cancel}). */
    void cancel(String jobId) {
        send(
                HttpRequest.newBuilder(uri("/jobs/" + jobId + "?mode=cancel"))
                        .timeout(REQUEST_TIMEOUT)
                        .method("PATCH", HttpRequest.BodyPublishers.noBody())
                        .build());
    }

    /**
     * What to read when something went wrong: the job's state and root exception, if there is a
     * job, and the end of every JVM's log.
     */
    String diagnostics(String jobId) {
        StringBuilder out = new StringBuilder();
        if (jobId != null) {
            try {
                out.append("job ")
                        .append(jobId)
                        .append(": ")
                        .append(get("/jobs/" + jobId).path("state").asText())
                        .append('\n')
                        .append(
                                get("/jobs/" + jobId + "/exceptions")
                                        .path("root-exception")
                                        .asText("(no exception)"))
                        .append("\nlate records dropped by windows: ")
                        .append(lateRecordsDropped(jobId))
                        .append('\n');
            } catch (RuntimeException e) {
                out.append("job ").append(jobId).append(": ").append(e).append('\n');
            }
        }
        for (FlinkProcess p : processes) {
            out.append("\n--- ")
                    .append(p.name())
                    .append(p.process().isAlive() ? "" : " (exited " + exitCode(p) + ")")
                    .append(", last lines of ")
                    .append(p.log())
                    .append(" ---\n")
                    .append(tail(p.log()));
        }
        return out.toString();
    }

    /** Stops every JVM: a normal shutdown first, killed if it is not done within a grace time. */
    @Override
    public void close() {
        processes.forEach(p -> p.process().destroy());
        Instant deadline = Instant.now().plus(STOP_GRACE);
        for (FlinkProcess p : processes) {
            try {
                if (!p.process()
                        .waitFor(
                                Math.max(0, Duration.between(Instant.now(), deadline).toMillis()),
                                TimeUnit.MILLISECONDS)) {
                    p.process()
                            .destroyForcibly()
                            .waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                p.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void launch(
            String name,
            List<String> jvmOptions,
            String classpath,
            Path conf,
            Path logs,
            String mainClass,
            List<String> dynamicProperties)
            throws IOException {
        Path log = logs.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JAVA_17_OPENS);
        command.addAll(jvmOptions);
        command.add("-Dlog.file=" + log.toAbsolutePath());
        command.add("-Dlog4j.configurationFile=" + conf.resolve("log4j.properties").toUri());
        command.add("-cp");
        command.add(classpath);
        command.add(mainClass);
        command.add("--configDir");
        command.add(conf.toString());
        command.addAll(dynamicProperties);
        Process process =
                new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(logs.resolve(name + ".out").toFile())
                        .start();
        processes.add(new FlinkProcess(name, process, log));
    }

    /**
     * Polls {@code GET path} until {@code done} holds, failing at once if a JVM of the cluster has
     * exited. Between polls it waits on the JobManager's process, so a crash ends the wait early.
     */
    private JsonNode await(String path, Predicate<JsonNode> done, String what, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer yet";
        while (true) {
            processes.stream()
                    .filter(p -> !p.process().isAlive())
                    .findFirst()
                    .ifPresent(
                            p -> {
                                throw new IllegalStateException(
                                        p.name()
                                                + " exited with "
                                                + exitCode(p)
                                                + " before "
                                                + what
                                                + "\n"
                                                + diagnostics(null));
                            });
            try {
                JsonNode node = get(path);
                if (done.test(node)) {
                    return node;
                }
                last = node.toString();
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof ConnectException)) {
                    throw e;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        "no "
                                + what
                                + " within "
                                + timeout
                                + "; last "
                                + path
                                + ": "
                                + last
                                + "\n"
                                + diagnostics(null));
            }
            try {
                processes.get(0).process().waitFor(POLL_PAUSE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + request.uri(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    request.method()
                            + " "
                            + request.uri()
                            + " answered "
                            + response.statusCode()
                            + ": "
                            + response.body());
        }
        try {
            return response.body().isBlank()
                    ? JSON.createObjectNode()
                    : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON from " + request.uri(), e);
        }
    }

    private URI uri(String path) {
        return URI.create(restAddress() + path);
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> nodes = new ArrayList<>();
        array.forEach(nodes::add);
        return nodes.stream();
    }

    private static String exitCode(FlinkProcess p) {
        return p.process().isAlive() ? "(running)" : Integer.toString(p.process().exitValue());
    }

    private static String tail(Path file) {
        if (!Files.exists(file)) {
            return "(no log)\n";
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()).stream()
                    .collect(Collectors.joining("\n", "", "\n"));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read: " + e + ")\n";
        }
    }

    private static List<String> log4jProperties() {
        return List.of(
                "monitorInterval = 0",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.main.ref = MainAppender",
                // Kafka clients log every producer's config at INFO; the exactly-once sinks make
                // many.
                "logger.kafka.name = org.apache.kafka",
                "logger.kafka.level = WARN",
                "appender.main.name = MainAppender",
                "appender.main.type = File",
                // Appending keeps the first lines when a second LoggerContext opens the file.
                "appender.main.append = true",
                "appender.main.fileName = ${sys:log.file}",
                "appender.main.layout.type = PatternLayout",
                "appender.main.layout.pattern = %d{HH:mm:ss,SSS} %-5p %-50c{1.} [%t] - %m%n");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }
}
