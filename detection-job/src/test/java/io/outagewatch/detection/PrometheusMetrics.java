package io.outagewatch.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;

/**
 * Flink's Prometheus reporter on a free loopback port, and the samples it serves: how the ITCases
 * read the job's metrics as an operator's Prometheus would.
 */
final class PrometheusMetrics {

    /** The name prefix of the job's own metrics, as the reporter exposes an operator's. */
    static final String JOB_METRIC = "flink_taskmanager_job_task_operator_outagewatch_";

    /** One line of the exposition format. */
    record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern LINE = Pattern.compile("^(\\w+)(?:\\{(.*)\\})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\",?");
    private static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(30);

    private final int port;
    private final HttpClient client = HttpClient.newHttpClient();

    private PrometheusMetrics(int port) {
        this.port = port;
    }

    static PrometheusMetrics onFreePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new PrometheusMetrics(socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cluster settings that start the reporter on this port. */
    Configuration reporterConfiguration() {
        Configuration config = new Configuration();
        config.setString(
                "metrics.reporter.prom.factory.class",
                "org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
        config.setString("metrics.reporter.prom.port", Integer.toString(port));
        return config;
    }

    /** Every sample the reporter serves now. */
    List<Sample> scrape() throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                        .timeout(SCRAPE_TIMEOUT)
                        .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<Sample> samples = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            Matcher m = LINE.matcher(line);
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            if (m.group(2) != null) {
                Matcher label = LABEL.matcher(m.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return samples;
    }

    /** The samples named {@code name}, with {@code label} = {@code value} unless label is null. */
    static List<Sample> find(List<Sample> samples, String name, String label, String value) {
        return samples.stream()
                .filter(s -> s.name().equals(name))
                .filter(s -> label == null || value.equals(s.labels().get(label)))
                .toList();
    }

    /** {@link #find}'s values summed over subtasks; zero when there is no such sample. */
    static double sum(List<Sample> samples, String name, String label, String value) {
        return find(samples, name, label, value).stream().mapToDouble(Sample::value).sum();
    }

    /** A label value as the reporter writes it: letters, digits and underscores. */
    static String label(String value) {
        return value.replace('-', '_');
    }
}
