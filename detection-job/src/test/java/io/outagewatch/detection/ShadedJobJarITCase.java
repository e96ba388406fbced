package io.outagewatch.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The job jar is fit for {@code flink run} and holds only the job: Flink, logging and everything
 * that measures the job left out, one Jackson version.
 */
class ShadedJobJarITCase {

    private static Path jobJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-job.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no *-job.jar in target/"));
        }
    }

    @Test
    void holdsTheJobAndConnectorsButNotFlinkOrLogging() throws IOException {
        try (JarFile jar = new JarFile(jobJar().toFile())) {
            List<String> names = new ArrayList<>();
            jar.stream().map(JarEntry::getName).forEach(names::add);

            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo(DetectionJob.class.getName());
            assertThat(names)
                    .contains(
                            "io/outagewatch/detection/DetectionJob.class",
                            "io/outagewatch/events/AlertSerde.class",
                            "phrases/complaints/en.txt",
                            "phrases/chatter/en.txt",
                            "org/apache/flink/connector/kafka/sink/KafkaSink.class",
                            "org/apache/kafka/clients/producer/KafkaProducer.class");
            assertThat(names)
                    .noneMatch(n -> n.startsWith("org/slf4j/"))
                    .noneMatch(n -> n.startsWith("org/apache/logging/log4j/"))
                    .noneMatch(n -> n.startsWith("kafka/server/"))
                    .doesNotContain(
                            "org/apache/flink/streaming/api/environment/StreamExecutionEnvironment.class");
        }
    }

    /** Scenarios, their replay, the accuracy suite and NAB measure the job; they are not it. */
    @Test
    void holdsNoScenariosBenchmarksOrScorers() throws IOException {
        try (JarFile jar = new JarFile(jobJar().toFile())) {
            List<String> names = jar.stream().map(JarEntry::getName).toList();

            assertThat(names)
                    .noneMatch(n -> n.startsWith("io/outagewatch/scenario/"))
                    .noneMatch(n -> n.startsWith("scenarios/"))
                    .noneMatch(n -> n.startsWith("io/outagewatch/bench/"))
                    .noneMatch(n -> n.startsWith("io/outagewatch/detection/nab/"))
                    .noneMatch(n -> n.startsWith("io/outagewatch/detection/accuracy/"))
                    .noneMatch(n -> n.startsWith("io/outagewatch/detection/replay/Scenario"))
                    .noneMatch(n -> n.startsWith("nab-fixture/"));
        }
    }

    @Test
    void bundlesExactlyOneJacksonVersion() throws IOException {
        Set<String> versions = new TreeSet<>();
        try (JarFile jar = new JarFile(jobJar().toFile())) {
            for (JarEntry entry : jar.stream().toList()) {
                String name = entry.getName();
                if (name.startsWith("META-INF/maven/com.fasterxml.jackson")
                        && name.endsWith("pom.properties")) {
                    Properties properties = new Properties();
                    try (InputStream in = jar.getInputStream(entry)) {
                        properties.load(in);
                    }
                    versions.add(properties.getProperty("version"));
                }
            }
        }
        assertThat(versions).hasSize(1);
    }
}
