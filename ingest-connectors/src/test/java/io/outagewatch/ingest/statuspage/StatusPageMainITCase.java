package io.outagewatch.ingest.statuspage;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.Parsed;
import io.outagewatch.events.StatusUpdate;
import io.outagewatch.events.StatusUpdateSerde;
import io.outagewatch.events.Topics;
import io.outagewatch.ingest.statuspage.FixtureServer.Reply;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The poller's main publishing through the real embedded broker. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class StatusPageMainITCase {

    private static final int PARTITIONS = 2;
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    private static EmbeddedKafkaBroker broker;

    @TempDir Path directory;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.startDefault();
        broker.createOutageWatchTopics(PARTITIONS);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void publishesValidStatusUpdatesKeyedByService() throws Exception {
        try (FixtureServer server = new FixtureServer(Clock.systemUTC())) {
            server.serve(
                    "/sp" + PageEndpoint.INCIDENTS.path(),
                    Reply.plain(Fixtures.text(Fixtures.INCIDENTS_1)));
            server.serve(
                    "/io" + PageEndpoint.WIDGET.path(),
                    Reply.plain(Fixtures.text(Fixtures.WIDGET_2)));
            Path config = directory.resolve("pages.yaml");
            Files.writeString(
                    config,
                    String.join(
                            "\n",
                            "pages:",
                            "  - {name: example, kind: statuspage, url: '"
                                    + server.baseUrl()
                                    + "/sp',",
                            "     components: {ChatGPT: chatgpt, API: openai-api}}",
                            "  - {name: example-io, kind: incidentio, url: '"
                                    + server.baseUrl()
                                    + "/io',",
                            "     components: {ChatGPT: chatgpt, Sora: sora}}",
                            "kafka: {bootstrapServers: '" + broker.bootstrapServers() + "'}",
                            ""));
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int exit =
                    StatusPageMain.run(
                            new String[] {"--config", config.toString(), "--once"},
                            new PrintStream(
                                    new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                            new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        }

        List<ConsumerRecord<String, byte[]>> records = readStatusUpdates(3);

        Map<String, List<String>> incidentsByKey = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Parsed<StatusUpdate> parsed = StatusUpdateSerde.INSTANCE.parse(record.value());
            assertThat(parsed.isOk())
                    .as(new String(record.value(), StandardCharsets.UTF_8))
                    .isTrue();
            assertThat(record.key()).isEqualTo(parsed.value().service());
            incidentsByKey
                    .computeIfAbsent(record.key(), k -> new ArrayList<>())
                    .add(parsed.value().incidentId());
        }
        assertThat(incidentsByKey)
                .containsOnly(
                        Map.entry("chatgpt", List.of(Fixtures.INCIDENT_A, Fixtures.INCIDENT_IO)),
                        Map.entry("sora", List.of(Fixtures.INCIDENT_IO)));
    }

    private static List<ConsumerRecord<String, byte[]>> readStatusUpdates(int expected) {
        List<ConsumerRecord<String, byte[]>> records =
                new ArrayList<>(broker.readRecords(Topics.STATUS_UPDATES, expected, DEADLINE));
        assertThat(records).hasSize(expected);
        records.sort(Comparator.comparingLong(ConsumerRecord::timestamp));
        return records;
    }
}
