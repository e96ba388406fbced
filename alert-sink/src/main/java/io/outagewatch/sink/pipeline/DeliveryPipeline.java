package io.outagewatch.sink.pipeline;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertSerde;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.DeadLetter;
import io.outagewatch.sink.history.HeldAlert;
import io.outagewatch.sink.notify.Delivery;
import io.outagewatch.sink.notify.Notifier;
import io.outagewatch.sink.silence.Silence;
import io.outagewatch.sink.silence.Silencer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one alert through the chain route → dedup → retry → record → history, and returns when
 * every routed receiver is done with it.
 *
 * <ol>
 *   <li><b>route</b>: the {@link Router} names the receivers;
 *   <li><b>dedup</b>: receivers the {@link DeliveryLog} already has an outcome for are skipped, and
 *       so are receivers that already got a newer version of the incident (a replayed dead letter
 *       must not re-open a recovered incident);
 *   <li><b>retry</b>: {@link RetryStage} rate-limits, delivers and retries until the receiver
 *       accepts or refuses;
 *   <li><b>record</b>: an acceptance is written to the delivery log at once; a refusal is first
 *       published as a dead letter (with the receiver's answer), then logged; when retries run out
 *       the dead letter is published but nothing is logged, so a replay can still deliver it;
 *   <li><b>history</b>: the {@link HistoryRecorder} stores the alert.
 * </ol>
 *
 * Receivers are served one after another, in routing order. That keeps the code and the rate limits
 * simple; the price is that a slow receiver delays the next one. The caller must hand in alerts of
 * one incident in order, one at a time.
 *
 * <p>Every delivery is counted in {@link #metrics()} per receiver; callers count the alerts they
 * could not read there too.
 */
public final class DeliveryPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryPipeline.class);

    private final Router router;
    private final Map<String, RetryStage> receivers;
    private final DeliveryLog deliveryLog;
    private final DeadLetterPublisher deadLetters;
    private final HistoryRecorder history;
    private final TimeSource time;
    private final OpenIncidents openIncidents = new OpenIncidents();
    private final SinkMetrics metrics;
    private Silencer silencer = Silencer.NONE;

    /** Open incidents whose latest alert a silence held back, by incident id, oldest first. */
    private final Map<String, Held> held = new LinkedHashMap<>();

    private volatile int heldSize;

    /** An alert held back, and when to try paging it again after its receivers failed. */
    private static final class Held {
        final Alert alert;
        Instant retryAt;

        Held(Alert alert) {
            this.alert = alert;
        }
    }

    /** How long a held alert whose release a receiver failed waits before it is tried again. */
    public static final Duration RELEASE_RETRY_INTERVAL = Duration.ofSeconds(30);

    /** At most this many held-back incidents are remembered; the eldest beyond are paged. */
    static final int MAX_HELD = OpenIncidents.MAX_TRACKED;

    /**
     * @throws IllegalArgumentException when a route names a receiver that is not configured, or two
     *     receivers share a name
     */
    public DeliveryPipeline(
            Router router,
            List<RetryStage> receivers,
            DeliveryLog deliveryLog,
            DeadLetterPublisher deadLetters,
            HistoryRecorder history,
            TimeSource time) {
        this(router, receivers, deliveryLog, deadLetters, history, time, new SinkMetrics());
    }

    /**
     * A pipeline that counts into the given metrics.
     *
     * @throws IllegalArgumentException when a route names a receiver that is not configured, or two
     *     receivers share a name
     */
    public DeliveryPipeline(
            Router router,
            List<RetryStage> receivers,
            DeliveryLog deliveryLog,
            DeadLetterPublisher deadLetters,
            HistoryRecorder history,
            TimeSource time,
            SinkMetrics metrics) {
        this.router = Objects.requireNonNull(router, "router");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.deliveryLog = Objects.requireNonNull(deliveryLog, "deliveryLog");
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        this.history = Objects.requireNonNull(history, "history");
        this.time = Objects.requireNonNull(time, "time");
        Map<String, RetryStage> byName = new LinkedHashMap<>();
        for (RetryStage stage : receivers) {
            String name = stage.notifier().name();
            if (byName.put(name, stage) != null) {
                throw new IllegalArgumentException("receiver name '" + name + "' is used twice");
            }
        }
        Set<String> unknown = new TreeSet<>(router.referencedReceivers());
        unknown.removeAll(byName.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "routes name receivers that are not configured: " + unknown);
        }
        this.receivers = Map.copyOf(byName);
        byName.keySet().forEach(metrics::registerReceiver);
    }

    /** A pipeline whose receivers are paced by their own limits and retried by {@code policy}. */
    public static DeliveryPipeline of(
            Router router,
            List<Notifier> notifiers,
            RetryPolicy policy,
            DeliveryLog deliveryLog,
            DeadLetterPublisher deadLetters,
            HistoryRecorder history,
            TimeSource time) {
        List<RetryStage> stages = new ArrayList<>();
        for (Notifier notifier : notifiers) {
            stages.add(RetryStage.of(notifier, policy, time));
        }
        return new DeliveryPipeline(router, stages, deliveryLog, deadLetters, history, time);
    }

    /**
     * Turns silencing on: alerts the silencer silences are not sent to paging receivers, and are
     * paged when their silence ends while their incident is still open ({@link #releaseEnded()}).
     *
     * @param held the alerts held back before a restart ({@link HistoryRecorder#heldAlerts()})
     * @return this pipeline
     */
    public DeliveryPipeline silencing(Silencer silencer, List<HeldAlert> held) {
        this.silencer = Objects.requireNonNull(silencer, "silencer");
        for (HeldAlert alert : held) {
            hold(alert.alert());
        }
        return this;
    }

    /** How many open incidents a silence holds back now; readable from any thread. */
    public int heldCount() {
        return heldSize;
    }

    /**
     * Pages the latest state of each held-back incident whose silence has ended (on the pipeline's
     * clock) while it is still open; the consumer calls it between records. Receivers that already
     * have that alert version (the delivery log says so) are skipped, so a release is paged once,
     * across restarts too. When a receiver is down the incident stays held and is tried again after
     * {@link #RELEASE_RETRY_INTERVAL}.
     *
     * @return how many incidents were released
     */
    public int releaseEnded() throws IOException, InterruptedException {
        if (held.isEmpty()) {
            return 0;
        }
        Instant now = time.clock().instant();
        Silencer.Snapshot silences = silencer.snapshot();
        List<Held> due = new ArrayList<>();
        for (Held entry : held.values()) {
            if ((entry.retryAt == null || !entry.retryAt.isAfter(now))
                    && silences.silencingAt(entry.alert, now).isEmpty()) {
                due.add(entry);
            }
        }
        int released = 0;
        for (Held entry : due) {
            Alert alert = entry.alert;
            boolean failed = false;
            List<AlertReport.Result> results = new ArrayList<>();
            for (String receiver : router.receiversFor(alert)) {
                RetryStage stage = receivers.get(receiver);
                if (!stage.notifier().pages()) {
                    continue;
                }
                AlertReport.Result result = deliverTo(stage, alert, "release", true);
                results.add(result);
                failed |= result.reason() == AlertReport.Reason.EXHAUSTED;
            }
            if (failed) {
                entry.retryAt = time.clock().instant().plus(RELEASE_RETRY_INTERVAL);
                LOG.warn(
                        "{} v{}: its silence ended but a receiver is down; trying again in {}: {}",
                        alert.incidentId(),
                        alert.version(),
                        RELEASE_RETRY_INTERVAL,
                        results);
            } else {
                held.remove(alert.incidentId());
                heldSize = held.size();
                released++;
                LOG.info(
                        "{} v{}: its silence ended while it is open; paged: {}",
                        alert.incidentId(),
                        alert.version(),
                        results);
            }
        }
        return released;
    }

    private void hold(Alert alert) {
        Held existing = held.get(alert.incidentId());
        if (existing != null && existing.alert.version() > alert.version()) {
            return;
        }
        held.remove(alert.incidentId());
        if (alert.type() == AlertType.OUTAGE_RECOVERED) {
            // Recovered while silenced: nothing is left to page.
            heldSize = held.size();
            return;
        }
        held.put(alert.incidentId(), new Held(alert));
        while (held.size() > MAX_HELD) {
            String eldest = held.keySet().iterator().next();
            LOG.warn(
                    "more than {} incidents held back by silences; forgetting {}",
                    MAX_HELD,
                    eldest);
            held.remove(eldest);
        }
        heldSize = held.size();
    }

    private void unhold(Alert alert) {
        Held existing = held.get(alert.incidentId());
        if (existing != null && existing.alert.version() <= alert.version()) {
            held.remove(alert.incidentId());
        }
        heldSize = held.size();
    }

    /**
     * Delivers the alert to every routed receiver that is not done with it yet.
     *
     * @param origin where the alert came from ({@code topic-partition-offset} or {@code
     *     file:line}), for dead letters
     * @throws IOException when the delivery log cannot be written; the alert must not be
     *     acknowledged upstream
     * @throws InterruptedException when the sink is being stopped; likewise
     */
    public AlertReport process(Alert alert, String origin)
            throws IOException, InterruptedException {
        List<AlertReport.Result> results = new ArrayList<>();
        List<String> routed = router.receiversFor(alert);
        if (routed.isEmpty()) {
            LOG.warn(
                    "{} v{} ({}): no route and no default receiver",
                    alert.incidentId(),
                    alert.version(),
                    alert.service());
        }
        Optional<Silence> silence = silencer.silencing(alert);
        if (silence.isPresent()) {
            String id = silence.get().id();
            boolean heldBack = false;
            for (String receiver : routed) {
                RetryStage stage = receivers.get(receiver);
                if (!stage.notifier().pages()) {
                    results.add(deliverTo(stage, alert, origin, id));
                } else if (deliveryLog.latestDelivered(alert.incidentId(), receiver).isPresent()) {
                    // Paged for this incident already (before the silence, or when it ended): a
                    // silence must not leave that page open, so later alerts follow it.
                    results.add(deliverTo(stage, alert, origin));
                } else {
                    metrics.silenced(receiver);
                    heldBack = true;
                    results.add(
                            new AlertReport.Result(
                                    receiver, AlertReport.Reason.SILENCED, 0, "silenced by " + id));
                }
            }
            if (heldBack) {
                hold(alert);
            } else {
                unhold(alert);
            }
            history.recordSilenced(alert, id);
        } else {
            for (String receiver : routed) {
                results.add(deliverTo(receivers.get(receiver), alert, origin));
            }
            unhold(alert);
            history.record(alert);
        }
        metrics.alertProcessed();
        return new AlertReport(
                alert.incidentId(), alert.version(), results, silence.map(Silence::id));
    }

    /**
     * Sends the latest alert of each open incident again to receivers that need it (see {@link
     * OpenIncidents}); the consumer calls it between records.
     *
     * @return how many alerts were sent again
     */
    public int resendOpenIncidents() throws InterruptedException {
        return openIncidents.resendDue(time.clock().instant());
    }

    /** The counters of this pipeline's deliveries. */
    public SinkMetrics metrics() {
        return metrics;
    }

    private AlertReport.Result deliverTo(RetryStage stage, Alert alert, String origin)
            throws IOException, InterruptedException {
        return deliverTo(stage, alert, origin, null, false);
    }

    private AlertReport.Result deliverTo(
            RetryStage stage, Alert alert, String origin, String silenceId)
            throws IOException, InterruptedException {
        return deliverTo(stage, alert, origin, silenceId, false);
    }

    private AlertReport.Result deliverTo(
            RetryStage stage, Alert alert, String origin, boolean release)
            throws IOException, InterruptedException {
        return deliverTo(stage, alert, origin, null, release);
    }

    /**
     * @param silenceId set for a silenced alert to a receiver that does not page
     * @param release a held alert whose silence ended: when retries run out no dead letter is
     *     published, since the pipeline keeps the alert and tries again
     */
    private AlertReport.Result deliverTo(
            RetryStage stage, Alert alert, String origin, String silenceId, boolean release)
            throws IOException, InterruptedException {
        String receiver = stage.notifier().name();
        Optional<DeliveryRecord> logged =
                deliveryLog.find(alert.incidentId(), alert.version(), receiver);
        if (logged.isPresent()) {
            AlertReport.Reason reason =
                    logged.get().outcome() == DeliveryOutcome.DELIVERED
                            ? AlertReport.Reason.ALREADY_DELIVERED
                            : AlertReport.Reason.ALREADY_REJECTED;
            return new AlertReport.Result(receiver, reason, 0, "logged at " + logged.get().at());
        }
        OptionalInt newer = deliveryLog.latestDelivered(alert.incidentId(), receiver);
        if (newer.isPresent() && newer.getAsInt() > alert.version()) {
            return new AlertReport.Result(
                    receiver,
                    AlertReport.Reason.SUPERSEDED,
                    0,
                    "v" + newer.getAsInt() + " was delivered");
        }
        RetryStage.Result result = stage.deliver(alert, silenceId);
        metrics.attempted(receiver, result.attempts());
        Delivery answer = result.delivery();
        if (answer instanceof Delivery.Delivered) {
            record(alert, receiver, DeliveryOutcome.DELIVERED);
            metrics.delivered(receiver);
            openIncidents.delivered(stage.notifier(), alert, time.clock().instant());
            return new AlertReport.Result(
                    receiver, AlertReport.Reason.DELIVERED, result.attempts(), answer.detail());
        }
        if (release && result.exhausted()) {
            return new AlertReport.Result(
                    receiver, AlertReport.Reason.EXHAUSTED, result.attempts(), answer.detail());
        }
        // At least once for dead letters: publish before logging, so a crash in between repeats
        // the dead letter rather than losing it.
        String reason =
                "receiver "
                        + receiver
                        + " ("
                        + stage.notifier().kind()
                        + ") rejected "
                        + alert.incidentId()
                        + " v"
                        + alert.version()
                        + ": "
                        + answer.detail();
        deadLetters.publish(
                DeadLetter.of(
                        origin, AlertSerde.INSTANCE.toJson(alert), reason, time.clock().instant()));
        metrics.rejected(receiver);
        // Whatever became of a recovery, re-sending the incident as firing would be wrong.
        openIncidents.notDelivered(stage.notifier(), alert);
        if (result.exhausted()) {
            // A receiver that was down has not refused the alert: leave the log without an
            // outcome, so replaying the dead letter delivers it.
            LOG.error("{}; replay the dead letter once the receiver is back", reason);
            return new AlertReport.Result(
                    receiver, AlertReport.Reason.EXHAUSTED, result.attempts(), answer.detail());
        }
        record(alert, receiver, DeliveryOutcome.REJECTED);
        LOG.warn("{}", reason);
        return new AlertReport.Result(
                receiver, AlertReport.Reason.REJECTED, result.attempts(), answer.detail());
    }

    private void record(Alert alert, String receiver, DeliveryOutcome outcome) throws IOException {
        deliveryLog.record(
                new DeliveryRecord(
                        alert.incidentId(),
                        alert.version(),
                        receiver,
                        outcome,
                        time.clock().instant()));
    }
}
