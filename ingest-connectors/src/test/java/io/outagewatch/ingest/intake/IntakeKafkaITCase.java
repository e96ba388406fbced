package io.outagewatch.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.outagewatch.events.Parsed;
import io.outagewatch.events.SocialReport;
import io.outagewatch.events.SocialReportSerde;
import io.outagewatch.events.Topics;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code bin/outagewatch intake --output kafka} against the real embedded broker. */
@Timeout(90)
class IntakeKafkaITCase {

    private static final Instant T0 = Instant.parse("2023-11-08T13:42:00Z");
    private static final String TOKEN = "itcase-0123456789abcdef";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String LISTENING = "intake: listening on ";
    private static final int PARTITIONS = 2;

    private static EmbeddedKafkaBroker broker;

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
    void validReportsReachTheTopicKeyedByServiceOrUnkeyed() throws Exception {
        LineQueue err = new LineQueue();
        CountDownLatch stop = new CountDownLatch(1);
        CompletableFuture<Integer> status =
                CompletableFuture.supplyAsync(
                        () ->
                                IntakeMain.run(
                                        new String[] {
                                            "--port", "0",
                                            "--output", "kafka",
                                            "--bootstrap-servers", broker.bootstrapServers()
                                        },
                                        Map.of(IntakeSettings.TOKEN_ENV, TOKEN),
                                        new LineQueue().printStream(),
                                        err.printStream(),
                                        stop));
        try {
            String listening = err.await(line -> line.startsWith(LISTENING), DEADLINE);
            URI reports =
                    URI.create(listening.substring(LISTENING.length()).split(" ")[0])
                            .resolve("/v1/reports");

            HttpResponse<String> batch =
                    post(
                            reports,
                            "[{\"timestamp\":\"2023-11-08T13:42:00Z\",\"text\":\"chatgpt down\","
                                    + "\"author\":\"a1\",\"service\":\"chatgpt\",\"region\":\"eu\"},"
                                    + "{\"timestamp\":\"2023-11-08T13:42:05Z\",\"text\":\"what is"
                                    + " going on\",\"lang\":\"en\"},"
                                    + "{\"text\":\"no timestamp\"},"
                                    + "{\"timestamp\":\"2023-11-08T13:42:10Z\",\"text\":\"chatgpt"
                                    + " 500s\",\"source\":\"zapier\",\"service\":\"chatgpt\"}]");
            HttpResponse<String> single =
                    post(
                            reports,
                            "{\"timestamp\":\"2023-11-08T13:42:20Z\",\"text\":\"slack won't"
                                    + " load\",\"service\":\"slack\"}");

            assertThat(batch.statusCode()).isEqualTo(202);
            assertThat(new ObjectMapper().readTree(batch.body()).path("accepted").asInt())
                    .isEqualTo(3);
            assertThat(single.statusCode()).isEqualTo(202);

            List<ConsumerRecord<String, byte[]>> records = consume(4);
            assertThat(records)
                    .extracting(ConsumerRecord::key, r -> parse(r.value()))
                    .containsExactlyInAnyOrder(
                            tuple(
                                    "chatgpt",
                                    new SocialReport(
                                            T0,
                                            "chatgpt down",
                                            "webhook",
                                            "a1",
                                            null,
                                            "chatgpt",
                                            "eu")),
                            tuple(
                                    null,
                                    new SocialReport(
                                            T0.plusSeconds(5),
                                            "what is going on",
                                            "webhook",
                                            null,
                                            "en",
                                            null,
                                            null)),
                            tuple(
                                    "chatgpt",
                                    new SocialReport(
                                            T0.plusSeconds(10),
                                            "chatgpt 500s",
                                            "zapier",
                                            null,
                                            null,
                                            "chatgpt",
                                            null)),
                            tuple(
                                    "slack",
                                    new SocialReport(
                                            T0.plusSeconds(20),
                                            "slack won't load",
                                            "webhook",
                                            null,
                                            null,
                                            "slack",
                                            null)));
            // One key, one partition: a service's reports stay in the order they were posted.
            assertThat(records)
                    .filteredOn(r -> "chatgpt".equals(r.key()))
                    .extracting(r -> parse(r.value()).text())
                    .containsExactly("chatgpt down", "chatgpt 500s");
        } finally {
            stop.countDown();
        }
        assertThat(status.get(DEADLINE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(IntakeMain.OK);
    }

    private static HttpResponse<String> post(URI reports, String body) throws Exception {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(reports)
                                .timeout(DEADLINE)
                                .header("Authorization", "Bearer " + TOKEN)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Reads every partition from the start, without a consumer group to join, until {@code count}
     * records arrived or the deadline passed.
     */
    private static List<ConsumerRecord<String, byte[]>> consume(int count) {
        List<ConsumerRecord<String, byte[]>> records =
                broker.readRecords(Topics.SOCIAL_REPORTS, count, DEADLINE);
        assertThat(records).hasSize(count);
        return records;
    }

    private static SocialReport parse(byte[] value) {
        Parsed<SocialReport> parsed = SocialReportSerde.INSTANCE.parse(value);
        if (parsed instanceof Parsed.Invalid<SocialReport> invalid) {
            throw new AssertionError("not a valid SocialReport: " + invalid.reason());
        }
        return parsed.value();
    }
}
