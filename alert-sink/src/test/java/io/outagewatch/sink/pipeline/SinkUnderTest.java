package io.outagewatch.sink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.kafka.EmbeddedKafkaBroker;
import io.outagewatch.sink.SinkMain;
import io.outagewatch.sink.silence.AnnouncedMaintenances;
import io.outagewatch.sink.silence.SilenceStore;
import io.outagewatch.sink.silence.Silencer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A sink with silences on the embedded broker, on its own thread as {@code bin/outagewatch sink}
 * runs it: a pager and a console-free route, a SQLite history that keeps the silences, the delivery
 * log, and a clock the test moves.
 */
final class SinkUnderTest implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final RetryPolicy FAST_RETRY =
            new RetryPolicy(Duration.ofMillis(50), Duration.ofMillis(500), Duration.ofSeconds(20));

    private final Thread thread;
    private final FileDeliveryLog log;
    private final HistoryRecorder history;
    private final KafkaDeadLetterPublisher deadLetters;
    private final AlertConsumer consumer;
    private final DeliveryPipeline pipeline;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /**
     * @param announced whether announced maintenances silence (the consumer reads them then)
     */
    SinkUnderTest(
            EmbeddedKafkaBroker broker,
            String group,
            Path dir,
            String db,
            TestReceiverServer pager,
            FakeTime time,
            boolean announced)
            throws Exception {
        TimeSource source = new TimeSource(time, Sleeper.SYSTEM, () -> 0.5);
        log =
                FileDeliveryLog.open(
                        dir.resolve("delivery-log"), FileDeliveryLog.DEFAULT_RETENTION, time);
        history = SinkMain.openHistory(db);
        SilenceStore silences = history.silenceStore().orElseThrow();
        deadLetters = KafkaDeadLetterPublisher.connect(broker.bootstrapServers());
        pipeline =
                DeliveryPipeline.of(
                                Router.toAll(List.of("pager")),
                                List.of(new HttpTestNotifier("pager", pager.uri(), time)),
                                FAST_RETRY,
                                log,
                                deadLetters,
                                history,
                                source)
                        .silencing(
                                new Silencer(silences, List.of(), announced), history.heldAlerts());
        Map<String, Object> properties = broker.clientProperties();
        properties.putAll(
                AlertConsumer.consumerProperties(broker.bootstrapServers(), group, FAST_RETRY));
        consumer =
                new AlertConsumer(
                        AlertConsumer.kafkaConsumer(properties), pipeline, deadLetters, time);
        if (announced) {
            consumer.readingMaintenances(m -> silences.upsert(AnnouncedMaintenances.silence(m)));
        }
        thread =
                new Thread(
                        () -> {
                            try {
                                consumer.run();
                            } catch (InterruptedException e) {
                                // a simulated crash
                            } catch (Exception | Error e) {
                                failure.set(e);
                            }
                        },
                        "sink-under-test");
        thread.start();
    }

    /** Open incidents held back by a silence now. */
    int heldCount() {
        return pipeline.heldCount();
    }

    /** Stops after the record in progress and waits for the thread. */
    @Override
    public void close() throws Exception {
        consumer.stop();
        thread.join(DEADLINE.toMillis());
        assertThat(thread.isAlive()).as("sink thread still running").isFalse();
        log.close();
        history.close();
        deadLetters.close();
        assertThat(failure.get()).isNull();
    }
}
