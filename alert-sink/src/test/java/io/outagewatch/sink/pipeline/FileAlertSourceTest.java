package io.outagewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.sink.pipeline.TestReceiverServer.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class FileAlertSourceTest {

    @TempDir Path dir;

    @Test
    void deliversLinesInOrderAndDeadLettersUnreadableOnes() throws Exception {
        FakeTime time = new FakeTime(TestAlerts.NOW);
        List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
        Alert first = TestAlerts.alert("inc-1", "chatgpt", 1);
        Alert second = TestAlerts.alert("inc-1", "chatgpt", 2);
        Path file = dir.resolve("alerts.jsonl");
        Files.write(
                file,
                List.of(
                        AlertSerde.INSTANCE.toJson(first),
                        "{\"incidentId\":\"inc-2\"}",
                        "",
                        AlertSerde.INSTANCE.toJson(second)));

        try (TestReceiverServer server = TestReceiverServer.start((a, n) -> Response.status(202));
                FileDeliveryLog log =
                        FileDeliveryLog.open(dir.resolve("log"), Duration.ofDays(1), time)) {
            DeliveryPipeline pipeline =
                    DeliveryPipeline.of(
                            Router.toAll(List.of("webhook")),
                            List.of(new HttpTestNotifier("webhook", server.uri(), time)),
                            RetryPolicy.DEFAULT,
                            log,
                            deadLetters::add,
                            HistoryRecorder.NONE,
                            time.source(0));
            FileAlertSource source = new FileAlertSource(pipeline, deadLetters::add, time);

            FileAlertSource.Summary firstRun = source.deliverAll(file);
            FileAlertSource.Summary secondRun = source.deliverAll(file);

            assertThat(server.accepted()).containsExactly(first, second);
            assertThat(firstRun).isEqualTo(new FileAlertSource.Summary(2, 1, 2, 0, 0, 0));
            assertThat(secondRun).isEqualTo(new FileAlertSource.Summary(2, 1, 0, 0, 2, 0));
        }
        assertThat(deadLetters).hasSize(2);
        assertThat(deadLetters.get(0).origin()).isEqualTo("alerts.jsonl:2");
        assertThat(deadLetters.get(0).raw()).isEqualTo("{\"incidentId\":\"inc-2\"}");
        assertThat(deadLetters.get(0).reason()).startsWith("missing_field: ");
    }
}
