package io.outagewatch.bench;

import io.outagewatch.events.ProbeResultSerde;
import io.outagewatch.events.SocialReportSerde;
import io.outagewatch.events.Topics;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Live traffic at a steady rate, stamped with the current time: probes going round every (service,
 * vantage) pair, and a share of ordinary posts. From its onset on, a run's service fails at every
 * vantage; the time its first failing probe was handed to the producer is kept.
 */
final class BackgroundLoad {

    /** How often the producing thread catches up with the rate. */
    static final Duration TICK = Duration.ofMillis(10);

    private static final long SEED = 11;

    private final EmbeddedKafkaBroker kafka;
    private final int rate;
    private final int services;
    private final int vantages;
    private final double reportShare;
    private final Instant[] onsets;
    private final AtomicLongArray firstFailingProbeMillis;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Thread thread;
    private volatile long sent;
    private volatile long startedNanos;
    private volatile long stoppedNanos;

    /**
     * @param onsets by run: run {@code r} is an outage of service {@code r} from its onset
     */
    BackgroundLoad(
            EmbeddedKafkaBroker kafka,
            int rate,
            int services,
            int vantages,
            double reportShare,
            Map<Integer, Instant> onsets) {
        this.kafka = kafka;
        this.rate = rate;
        this.services = services;
        this.vantages = vantages;
        this.reportShare = reportShare;
        this.onsets = new Instant[onsets.size()];
        onsets.forEach((run, onset) -> this.onsets[run] = onset);
        this.firstFailingProbeMillis = new AtomicLongArray(onsets.size());
        this.thread = new Thread(this::produce, "bench-background-load");
        thread.setDaemon(true);
    }

    void start() {
        running.set(true);
        startedNanos = System.nanoTime();
        thread.start();
    }

    void stop() throws InterruptedException {
        running.set(false);
        thread.join();
        stoppedNanos = System.nanoTime();
    }

    /** When run {@code run}'s first failing probe was produced, epoch ms; 0 if not yet. */
    long firstFailingProbeMillis(int run) {
        return firstFailingProbeMillis.get(run);
    }

    /** Records handed to the producer so far. */
    long sent() {
        return sent;
    }

    double achievedEventsPerSecond() {
        long end = stoppedNanos == 0 ? System.nanoTime() : stoppedNanos;
        return sent * 1e9 / (end - startedNanos);
    }

    private void produce() {
        SyntheticTraffic traffic = new SyntheticTraffic(vantages, SEED);
        long reportEvery = Math.max(1, Math.round(1 / reportShare));
        long pair = 0;
        long posts = 0;
        long count = 0;
        try (KafkaProducer<byte[], byte[]> producer = LiveJob.producer(kafka)) {
            while (running.get()) {
                long due = (System.nanoTime() - startedNanos) * rate / 1_000_000_000L;
                while (count < due) {
                    Instant now = Instant.now();
                    if (count % reportEvery == 0) {
                        producer.send(
                                new ProducerRecord<>(
                                        Topics.SOCIAL_REPORTS,
                                        SocialReportSerde.INSTANCE.toBytes(
                                                traffic.post(posts++, now))));
                    } else {
                        int service = (int) (pair % services);
                        int vantage = (int) (pair / services % vantages);
                        pair++;
                        boolean failing = service < onsets.length && !now.isBefore(onsets[service]);
                        producer.send(
                                new ProducerRecord<>(
                                        Topics.PROBE_RESULTS,
                                        SyntheticTraffic.service(service)
                                                .getBytes(StandardCharsets.UTF_8),
                                        ProbeResultSerde.INSTANCE.toBytes(
                                                traffic.probeFromVantageRegion(
                                                        service, vantage, now, !failing))));
                        if (failing) {
                            firstFailingProbeMillis.compareAndSet(
                                    service, 0, System.currentTimeMillis());
                        }
                    }
                    count++;
                    sent = count;
                }
                LockSupport.parkNanos(TICK.toNanos());
            }
        }
    }
}
