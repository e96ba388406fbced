package io.outagewatch.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.EventSerde;
import io.outagewatch.events.Parsed;
import io.outagewatch.events.ProbeResult;
import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.events.SocialReport;
import io.outagewatch.events.SocialReportSerde;
import io.outagewatch.events.StatusUpdate;
import io.outagewatch.events.StatusUpdateSerde;
import io.outagewatch.events.Topics;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate --output kafka} against the real embedded broker. */
@Timeout(120)
class SimulatorKafkaITCase {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private static EmbeddedKafkaBroker broker;

    @TempDir Path dir;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.startDefault();
        broker.createOutageWatchTopics(2);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aScenarioLandsOnItsThreeTopicsKeyedByService() throws Exception {
        Path recorded = dir.resolve("recorded");
        assertThat(run("--scenario", SimulatorMainTest.tiny(), "--output", recorded.toString()))
                .isZero();
        List<String> probeLines = Files.readAllLines(recorded.resolve("probes.jsonl"));
        List<String> reportLines = Files.readAllLines(recorded.resolve("reports.jsonl"));
        List<String> statusLines = Files.readAllLines(recorded.resolve("status.jsonl"));

        assertThat(
                        run(
                                "--scenario",
                                SimulatorMainTest.tiny(),
                                "--output",
                                "kafka",
                                "--bootstrap-servers",
                                broker.bootstrapServers()))
                .isZero();

        List<ProbeResult> probes =
                readBack(
                        Topics.PROBE_RESULTS,
                        probeLines.size(),
                        ProbeResultSerde.INSTANCE,
                        ProbeResult::service);
        List<SocialReport> reports =
                readBack(
                        Topics.SOCIAL_REPORTS,
                        reportLines.size(),
                        SocialReportSerde.INSTANCE,
                        SocialReport::service);
        List<StatusUpdate> updates =
                readBack(
                        Topics.STATUS_UPDATES,
                        statusLines.size(),
                        StatusUpdateSerde.INSTANCE,
                        StatusUpdate::service);

        assertThat(probes)
                .map(ProbeResultSerde.INSTANCE::toJson)
                .containsExactlyInAnyOrderElementsOf(probeLines);
        assertThat(reports)
                .map(SocialReportSerde.INSTANCE::toJson)
                .containsExactlyInAnyOrderElementsOf(reportLines);
        assertThat(updates)
                .map(StatusUpdateSerde.INSTANCE::toJson)
                .containsExactlyElementsOf(statusLines);
    }

    @Test
    void aRecordedDirectoryReplaysPacedWithItsTimestamps() throws Exception {
        Path recorded = dir.resolve("paced");
        Files.createDirectories(recorded);
        String status =
                "{\"service\":\"github\",\"timestamp\":\"2024-03-12T10:41:00Z\","
                        + "\"incidentId\":\"gh-1\",\"status\":\"investigating\"}";
        Files.writeString(
                recorded.resolve("status.jsonl"),
                status
                        + "\n"
                        + status.replace("10:41", "10:51").replace("investigating", "resolved")
                        + "\n");

        // Ten minutes of events at speed 1200: half a second.
        assertThat(
                        run(
                                "--from",
                                recorded.toString(),
                                "--speed",
                                "1200",
                                "--output",
                                "kafka",
                                "--bootstrap-servers",
                                broker.bootstrapServers()))
                .isZero();

        List<StatusUpdate> updates =
                readBack(
                                Topics.STATUS_UPDATES,
                                2,
                                StatusUpdateSerde.INSTANCE,
                                StatusUpdate::service)
                        .stream()
                        .filter(update -> update.service().equals("github"))
                        .toList();
        assertThat(updates)
                .extracting(update -> update.timestamp().toString())
                .containsExactly("2024-03-12T10:41:00Z", "2024-03-12T10:51:00Z");
    }

    /** Every record parses, and its key is the service it names. */
    private static <T> List<T> readBack(
            String topic, int count, EventSerde<T> serde, Function<T, String> service) {
        List<ConsumerRecord<String, byte[]>> records = broker.readRecords(topic, count, DEADLINE);
        return records.stream()
                .map(
                        record -> {
                            Parsed<T> parsed = serde.parse(record.value());
                            assertThat(parsed.isOk()).as(topic + " record parses").isTrue();
                            assertThat(record.key()).isEqualTo(service.apply(parsed.value()));
                            return parsed.value();
                        })
                .toList();
    }

    private static int run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status =
                SimulatorMain.run(
                        args,
                        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        Clock.systemUTC());
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isBetween(0, 2);
        return status;
    }
}
