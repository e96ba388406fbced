package io.outagewatch.ingest.jetstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.Parsed;
import io.outagewatch.events.SocialReport;
import io.outagewatch.events.SocialReportSerde;
import io.outagewatch.events.Topics;
import io.outagewatch.ingest.jetstream.JetstreamTestServer.Behaviour;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The client publishing through a real Kafka broker, read back as social reports. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class JetstreamKafkaITCase {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final int PARTITIONS = 2;

    @TempDir Path dir;

    @Test
    void publishesValidReportsKeyedByServiceToKafka() throws Exception {
        List<SocialReport> expected = Fixtures.expectedReports();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startDefault();
                JetstreamTestServer server =
                        new JetstreamTestServer(
                                Fixtures.frames(),
                                i ->
                                        i == 0
                                                ? Behaviour.disconnectAfter(13)
                                                : Behaviour.replayAll())) {
            broker.createOutageWatchTopics(PARTITIONS);
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int exitCode =
                    JetstreamMain.run(
                            new String[] {
                                "--url", server.url().toString(),
                                "--cursor-file", dir.resolve("jetstream.cursor").toString(),
                                "--output", "kafka",
                                "--bootstrap-servers", broker.bootstrapServers(),
                                "--backoff-initial", "10ms",
                                // Backs up the JDK client, which now and then misses a cut.
                                "--idle-timeout", "3s",
                                "--max-reports", Integer.toString(expected.size())
                            },
                            new PrintStream(
                                    new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8),
                            Map.of(),
                            hook -> {});

            assertThat(exitCode).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("failed_deliveries=0");
            List<ConsumerRecord<String, byte[]>> records = readAll(broker, expected.size());
            List<SocialReport> reports = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                Parsed<SocialReport> parsed = SocialReportSerde.INSTANCE.parse(record.value());
                assertThat(parsed.isOk()).as("valid social report").isTrue();
                assertThat(record.key()).isEqualTo(parsed.value().service());
                reports.add(parsed.value());
            }
            assertThat(reports).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(
            EmbeddedKafkaBroker broker, int atLeast) {
        return broker.readRecords(Topics.SOCIAL_REPORTS, atLeast, DEADLINE);
    }
}
