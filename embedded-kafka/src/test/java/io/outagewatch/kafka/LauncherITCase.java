package io.outagewatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/** {@code bin/outagewatch}: its help, its usage errors, and {@code kafka} serving a real broker. */
class LauncherITCase {

    private static final Path LAUNCHER = Path.of("../bin/outagewatch").toAbsolutePath().normalize();
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static Process launch(String... args) throws IOException {
        String[] command = new String[args.length + 1];
        command[0] = LAUNCHER.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        return new ProcessBuilder(command).redirectErrorStream(false).start();
    }

    private static String outputOf(Process process) throws Exception {
        CompletableFuture<String> out =
                CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        CompletableFuture<String> err =
                CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        assertThat(process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return out.get() + err.get();
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void helpListsEverySubcommand() throws Exception {
        assertThat(Files.isExecutable(LAUNCHER)).isTrue();
        Process help = launch("--help");

        String output = outputOf(help);

        assertThat(help.exitValue()).isZero();
        for (String subcommand :
                new String[] {
                    "demo",
                    "detect",
                    "replay",
                    "probe",
                    "statuspage",
                    "intake",
                    "jetstream",
                    "simulate",
                    "sink",
                    "outages",
                    "status",
                    "nab",
                    "bench",
                    "kafka"
                }) {
            assertThat(output).contains("  " + subcommand + " ");
        }
    }

    @Test
    void unknownSubcommandExitsWithUsage() throws Exception {
        Process unknown = launch("no-such-thing");

        String output = outputOf(unknown);

        assertThat(unknown.exitValue()).isEqualTo(2);
        assertThat(output).contains("unknown subcommand 'no-such-thing'").contains("usage:");
    }

    @Test
    void kafkaBadFlagExitsWithUsage() throws Exception {
        Process bad = launch("kafka", "--no-such-flag");

        String output = outputOf(bad);

        assertThat(bad.exitValue()).isEqualTo(2);
        assertThat(output).contains("--port");
    }

    @Test
    void kafkaServesABrokerOnLoopbackUntilTerminated() throws Exception {
        Process broker = launch("kafka", "--port", "0");
        try {
            BufferedReader lines =
                    new BufferedReader(
                            new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> firstLine =
                    CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    return lines.readLine();
                                } catch (IOException e) {
                                    throw new java.io.UncheckedIOException(e);
                                }
                            });
            String line = firstLine.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
            assertThat(line).startsWith("bootstrap.servers=127.0.0.1:");
            String bootstrap = line.substring("bootstrap.servers=".length());

            try (Admin admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                        .contains("probe-results", "outage-alerts", "dead-letters");
            }
        } finally {
            broker.destroy();
            assertThat(broker.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }
}
