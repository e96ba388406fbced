package io.outagewatch.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.outagewatch.detection.DetectionOptions;
import io.outagewatch.detection.LocalFlinkCluster;
import io.outagewatch.detection.records.ServiceMinute;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.Topics;
import io.outagewatch.kafka.EmbeddedKafkaBroker;
import io.outagewatch.progress.Display;
import io.outagewatch.progress.ProgressReporter;
import io.outagewatch.progress.ProgressText;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.kafka.clients.admin.Admin;

/**
 * {@code bin/outagewatch bench latency}: the live job with its default settings on the embedded
 * broker, under a background load of ordinary probes and posts with current timestamps. Each run is
 * an outage of one service starting on a minute boundary: from then on every vantage's probes of it
 * fail. A run's latency is the wall-clock time from producing its first failing probe to reading
 * its OUTAGE_STARTED with read_committed. Several runs share a minute, on different services, to
 * keep the benchmark to a few minutes.
 *
 * <p>Each service is probed from vantages in every region, so an outage's first minute, with every
 * vantage failing, is conclusive ({@code ConclusiveOutageRule}). The event-time detection point is
 * the earliest moment the job's rules allow: the end of that first minute, plus the watermark's
 * out-of-orderness, after which the minute's windows can close, i.e. onset + 90 s. Latency beyond
 * it is processing, the watermark's period, and the wait for the checkpoint that commits the alert.
 */
final class LatencyBench {

    static final int SERVICES = 1_000;
    static final int VANTAGES = 10;
    static final double REPORT_SHARE = 0.1;
    static final int OUTAGES_PER_MINUTE = 10;
    static final int PARALLELISM = 2;

    /** Background load before the first outage, so that every service has a history. */
    static final Duration WARM_UP = Duration.ofSeconds(30);

    /** After the last onset, give up on a run after this long. */
    static final Duration GIVE_UP_AFTER = Duration.ofMinutes(6);

    static final Duration POLL = Duration.ofMillis(20);

    private LatencyBench() {}

    /** The figures of a latency run, in milliseconds. */
    record Figures(
            int runs,
            int detected,
            double[] latencyMillis,
            double[] beyondDetectionPointMillis,
            Duration detectionPoint,
            Duration windowSlide,
            Duration checkpointInterval,
            double backgroundEventsPerSec,
            double committedInputShare) {

        double p50() {
            return Stats.median(latencyMillis);
        }

        double p99() {
            return Stats.percentile(latencyMillis, 99);
        }

        double beyondP50() {
            return Stats.median(beyondDetectionPointMillis);
        }

        double beyondP99() {
            return Stats.percentile(beyondDetectionPointMillis, 99);
        }
    }

    static int run(BenchArguments arguments, PrintStream out, PrintStream err) throws Exception {
        if (arguments.runs() > SERVICES) {
            err.println("bench latency: at most " + SERVICES + " runs");
            return BenchMain.USAGE_ERROR;
        }
        err.println("bench latency: " + Machine.describe());
        Figures figures = measure(arguments, err);
        print(figures, arguments, out);
        if (arguments.json()) {
            out.println(json(figures, arguments));
        }
        return figures.detected() == figures.runs() ? BenchMain.OK : BenchMain.FAILED;
    }

    static Figures measure(BenchArguments arguments, PrintStream err) throws Exception {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        try (WorkDirectory work = WorkDirectory.create("outagewatch-bench-latency-");
                EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.startDefault();
                LocalFlinkCluster flink = LocalFlinkCluster.start(PARALLELISM)) {
            kafka.createOutageWatchTopics(PARALLELISM);
            Configuration config = LiveJob.config(kafka, work.path(), "latency-" + runId);
            Duration detectionPoint =
                    ServiceMinute.LENGTH.plus(config.get(DetectionOptions.OUT_OF_ORDERNESS));
            JobID job = flink.submit(LiveJob.environment(config, PARALLELISM));
            Instant firstOnset =
                    Instant.now().plus(WARM_UP).truncatedTo(ChronoUnit.MINUTES).plusSeconds(60);
            Map<Integer, Instant> onsets = new TreeMap<>();
            for (int run = 0; run < arguments.runs(); run++) {
                onsets.put(run, firstOnset.plus(Duration.ofMinutes(run / OUTAGES_PER_MINUTE)));
            }
            err.printf(
                    Locale.ROOT,
                    "bench latency: %d outages from %s, %d a minute, detection point %d s after"
                            + " each onset%n",
                    arguments.runs(),
                    firstOnset,
                    OUTAGES_PER_MINUTE,
                    detectionPoint.toSeconds());
            Map<Integer, Long> detectedAt = new TreeMap<>();
            AtomicInteger detectedSoFar = new AtomicInteger();
            BackgroundLoad load =
                    new BackgroundLoad(
                            kafka, arguments.rate(), SERVICES, VANTAGES, REPORT_SHARE, onsets);
            try (AlertFeed alerts = new AlertFeed(kafka);
                    ProgressReporter progress =
                            ProgressReporter.start(
                                    "bench latency",
                                    () ->
                                            status(
                                                    detectedSoFar.get(),
                                                    onsets.size(),
                                                    load,
                                                    firstOnset),
                                    err,
                                    Display.stderr())) {
                PrintStream runs = progress.linesAbove(err);
                load.start();
                Instant giveUp =
                        onsets.values().stream()
                                .max(Instant::compareTo)
                                .orElseThrow()
                                .plus(GIVE_UP_AFTER);
                while (detectedAt.size() < onsets.size() && Instant.now().isBefore(giveUp)) {
                    for (Alert alert : alerts.poll(POLL)) {
                        long now = System.currentTimeMillis();
                        Integer run = runOf(alert, onsets.size());
                        if (alert.type() == AlertType.OUTAGE_STARTED
                                && run != null
                                && !detectedAt.containsKey(run)) {
                            detectedAt.put(run, now);
                            detectedSoFar.set(detectedAt.size());
                            runs.printf(
                                    Locale.ROOT,
                                    "bench latency: run %d (%s) detected %.1f s after its first"
                                            + " failing probe%n",
                                    run,
                                    alert.service(),
                                    (now - load.firstFailingProbeMillis(run)) / 1000.0);
                        }
                    }
                }
            } finally {
                load.stop();
            }
            double committedShare;
            try (Admin admin = kafka.admin()) {
                committedShare =
                        (double)
                                        LiveJob.committedOffsets(
                                                admin,
                                                config.get(DetectionOptions.KAFKA_GROUP_ID),
                                                List.of(
                                                        Topics.PROBE_RESULTS,
                                                        Topics.SOCIAL_REPORTS))
                                / load.sent();
            } finally {
                flink.cancel(job);
            }
            double[] latencies = new double[detectedAt.size()];
            double[] beyond = new double[detectedAt.size()];
            int i = 0;
            for (Map.Entry<Integer, Long> entry : detectedAt.entrySet()) {
                long detected = entry.getValue();
                latencies[i] = detected - load.firstFailingProbeMillis(entry.getKey());
                beyond[i] =
                        detected - onsets.get(entry.getKey()).plus(detectionPoint).toEpochMilli();
                i++;
            }
            Arrays.sort(latencies);
            Arrays.sort(beyond);
            return new Figures(
                    onsets.size(),
                    detectedAt.size(),
                    latencies,
                    beyond,
                    detectionPoint,
                    ServiceMinute.LENGTH,
                    config.get(DetectionOptions.CHECKPOINT_INTERVAL),
                    load.achievedEventsPerSecond(),
                    committedShare);
        }
    }

    /**
     * {@code 3 / 20 outages detected (15 %) · 1,234,567 background records sent}, and before the
     * first onset how long until it.
     */
    private static String status(int detected, int runs, BackgroundLoad load, Instant firstOnset) {
        Duration untilOnset = Duration.between(Instant.now(), firstOnset);
        return ProgressText.join(
                ProgressText.ofTotal(detected, runs, "outages detected"),
                ProgressText.counted(load.sent(), "background record") + " sent",
                untilOnset.isNegative() ? "" : "first onset in " + untilOnset.toSeconds() + " s");
    }

    /** The run whose service the alert is about, if it is one of the runs' services. */
    private static Integer runOf(Alert alert, int runs) {
        for (int run = 0; run < runs; run++) {
            if (SyntheticTraffic.service(run).equals(alert.service())) {
                return run;
            }
        }
        return null;
    }

    static void print(Figures figures, BenchArguments arguments, PrintStream out) {
        out.printf(
                Locale.ROOT,
                "Detection latency, %d of %d outages detected, background %,.0f events/s (asked"
                        + " %,d) over %,d services × %d vantages (%s)%n%n",
                figures.detected(),
                figures.runs(),
                figures.backgroundEventsPerSec(),
                arguments.rate(),
                SERVICES,
                VANTAGES,
                Machine.describe());
        out.printf(
                Locale.ROOT,
                "The job had committed %.1f %% of the background load's records when it ended.%n%n",
                figures.committedInputShare() * 100);
        if (figures.detected() == 0) {
            out.println("No outage was detected.");
            return;
        }
        out.println("| what | p50 | p99 |");
        out.println("|---|---:|---:|");
        out.printf(
                Locale.ROOT,
                "| first failing probe produced → OUTAGE_STARTED consumed | %.1f s | %.1f s |%n",
                figures.p50() / 1000,
                figures.p99() / 1000);
        out.printf(
                Locale.ROOT,
                "| beyond the event-time detection point (onset + %d s) | %.1f s | %.1f s |%n",
                figures.detectionPoint().toSeconds(),
                figures.beyondP50() / 1000,
                figures.beyondP99() / 1000);
        out.printf(
                Locale.ROOT,
                "%nTarget: p99 beyond the detection point ≤ one checkpoint interval (%d s) + 5 s"
                        + " (alerts commit with checkpoints).%n",
                figures.checkpointInterval().toSeconds());
    }

    static String json(Figures figures, BenchArguments arguments) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("runs", figures.runs());
        root.put("detected", figures.detected());
        if (figures.detected() > 0) {
            root.put("p50Millis", Math.round(figures.p50()));
            root.put("p99Millis", Math.round(figures.p99()));
            root.put("beyondDetectionPointP50Millis", Math.round(figures.beyondP50()));
            root.put("beyondDetectionPointP99Millis", Math.round(figures.beyondP99()));
        } else {
            root.putNull("p50Millis");
            root.putNull("p99Millis");
        }
        root.put("detectionPointSeconds", figures.detectionPoint().toSeconds());
        root.put("windowSlideSeconds", figures.windowSlide().toSeconds());
        root.put("checkpointIntervalSeconds", figures.checkpointInterval().toSeconds());
        root.put("backgroundEventsPerSec", Math.round(figures.backgroundEventsPerSec()));
        root.put("requestedEventsPerSec", arguments.rate());
        root.put("committedInputShare", Math.round(figures.committedInputShare() * 1000) / 1000.0);
        Machine.putInto(root);
        return root.toString();
    }
}
