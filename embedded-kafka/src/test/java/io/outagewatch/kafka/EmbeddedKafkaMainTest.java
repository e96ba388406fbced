package io.outagewatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.events.Topics;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmbeddedKafkaMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--bogus",
                "--port",
                "--port abc",
                "--port -1",
                "--port 65536",
                "--partitions 0",
                "--partitions two",
                "--data-dir",
                "--port=",
                "9092"
            })
    void badFlagsPrintUsageOnStderrAndReturnTwo(String commandLine) {
        int status = run(commandLine.split(" "));

        assertThat(status).isEqualTo(EmbeddedKafkaMain.USAGE_ERROR).isEqualTo(2);
        assertThat(text(err)).startsWith("embedded-kafka: ").contains("Usage:");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void helpPrintsUsageOnStdoutAndReturnsZero() {
        int status = run("--port", "1234", "--help");

        assertThat(status).isZero();
        assertThat(text(out)).isEqualTo(EmbeddedKafkaMain.USAGE).contains("--port N");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void defaultsAndBothFlagSpellings() {
        assertThat(EmbeddedKafkaMain.Options.parse(new String[0]))
                .isEqualTo(new EmbeddedKafkaMain.Options(9092, 2, null, false));
        assertThat(
                        EmbeddedKafkaMain.Options.parse(
                                new String[] {
                                    "--port=0", "--partitions", "3", "--data-dir=/tmp/kafka-demo"
                                }))
                .isEqualTo(new EmbeddedKafkaMain.Options(0, 3, Path.of("/tmp/kafka-demo"), false));
        assertThatThrownBy(() -> EmbeddedKafkaMain.Options.parse(new String[] {"--port", "x"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--port");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void printsOnlyTheBootstrapLineAndStopsCleanlyWhenReleased() throws Exception {
        LineQueue lines = new LineQueue();
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<Integer> status =
                CompletableFuture.supplyAsync(
                        () ->
                                EmbeddedKafkaMain.run(
                                        new String[] {"--port", "0", "--partitions", "1"},
                                        new PrintStream(lines, true, StandardCharsets.UTF_8),
                                        new PrintStream(err, true, StandardCharsets.UTF_8),
                                        stop));
        try {
            String line = lines.take(30);
            assertThat(line).matches("bootstrap\\.servers=127\\.0\\.0\\.1:\\d+");
            String bootstrap = line.substring("bootstrap.servers=".length());

            try (Admin admin =
                    Admin.create(
                            Map.<String, Object>of(
                                    CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                        .containsAll(Topics.ALL);
                TopicDescription alerts =
                        admin.describeTopics(Set.of(Topics.OUTAGE_ALERTS))
                                .allTopicNames()
                                .get(30, TimeUnit.SECONDS)
                                .get(Topics.OUTAGE_ALERTS);
                assertThat(alerts.partitions()).hasSize(1);
            }
        } finally {
            stop.countDown();
        }
        assertThat(status.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(lines.remaining()).isEmpty();
    }

    private int run(String... args) {
        return EmbeddedKafkaMain.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new CountDownLatch(0));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }

    /** Hands each complete line written to it to a waiting reader, so the test needs no polling. */
    private static final class LineQueue extends OutputStream {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(current.toString(StandardCharsets.UTF_8));
                current.reset();
            } else {
                current.write(b);
            }
        }

        String take(long timeoutSeconds) throws InterruptedException {
            String line = lines.poll(timeoutSeconds, TimeUnit.SECONDS);
            assertThat(line).as("a line on stdout within %d s", timeoutSeconds).isNotNull();
            return line;
        }

        synchronized String remaining() {
            return String.join("\n", lines) + current.toString(StandardCharsets.UTF_8);
        }
    }
}
