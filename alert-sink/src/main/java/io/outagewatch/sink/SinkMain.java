package io.outagewatch.sink;

import io.outagewatch.events.Alert;
import io.outagewatch.sink.history.HeldAlert;
import io.outagewatch.sink.history.HistoryStore;
import io.outagewatch.sink.notify.HttpDelivery;
import io.outagewatch.sink.pipeline.HistoryRecorder;
import io.outagewatch.sink.silence.SilenceStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/outagewatch sink}: wires the real receivers and the outage history into the delivery
 * pipeline ({@link io.outagewatch.sink.pipeline.SinkMain#run}) and stops it cleanly on SIGTERM.
 */
public final class SinkMain {

    private SinkMain() {}

    public static void main(String[] args) {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    stop.countDown();
                                    try {
                                        done.await(
                                                io.outagewatch.sink.pipeline.SinkMain.SHUTDOWN_GRACE
                                                        .toMillis(),
                                                TimeUnit.MILLISECONDS);
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                },
                                "sink-shutdown"));
        Clock clock = Clock.systemUTC();
        int status =
                io.outagewatch.sink.pipeline.SinkMain.run(
                        args,
                        System.getenv(),
                        System.out,
                        System.err,
                        new Receivers(System.out, clock, HttpDelivery.create()),
                        SinkMain::openHistory,
                        stop);
        done.countDown();
        System.exit(status);
    }

    public static HistoryRecorder openHistory(String jdbcUrl) {
        HistoryStore store = HistoryStore.open(jdbcUrl);
        return new HistoryRecorder() {
            @Override
            public void record(Alert alert) {
                store.record(alert);
            }

            @Override
            public void recordSilenced(Alert alert, String silenceId) {
                store.record(alert, Optional.of(silenceId));
            }

            @Override
            public Optional<SilenceStore> silenceStore() {
                return Optional.of(store);
            }

            @Override
            public List<HeldAlert> heldAlerts() {
                return store.heldAlerts();
            }

            @Override
            public void close() {
                store.close();
            }
        };
    }
}
