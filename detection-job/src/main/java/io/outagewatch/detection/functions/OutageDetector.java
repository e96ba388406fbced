package io.outagewatch.detection.functions;

import io.outagewatch.detection.JobMetrics;
import io.outagewatch.detection.PipelineTags;
import io.outagewatch.detection.assess.DecidedMinuteSignals;
import io.outagewatch.detection.assess.DurationEstimates;
import io.outagewatch.detection.assess.MinuteAssessor;
import io.outagewatch.detection.assess.ServiceDetectionState;
import io.outagewatch.detection.incident.IncidentPolicy;
import io.outagewatch.detection.incident.MinuteAssessment;
import io.outagewatch.detection.records.ServiceMinute;
import io.outagewatch.detection.records.ServiceSignal;
import io.outagewatch.detection.windows.ServiceMinuteTally;
import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.events.StatusUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.streaming.api.operators.KeyContext;
import org.apache.flink.util.Collector;

/**
 * The per-service detector: tallies each minute's probe minutes and complaints as they arrive
 * ({@link ServiceMinuteTally}) and buffers official status updates until the watermark passes them,
 * then folds both, in event-time order, into the service's baselines and incident state machine and
 * emits the resulting alerts, and each decided minute's signals on {@link
 * PipelineTags#SERVICE_SIGNALS}. The tally lives here rather than in a window operator of its own:
 * one thread and one hand-over fewer per service minute, and the detector's timer is the window's
 * trigger.
 *
 * <p>Waiting for the watermark makes the result independent of how the two inputs interleave. While
 * an incident is open or suspected, a timer ticks through minutes without any signal, so silence
 * (complaints stopping, say) is seen as what it is.
 *
 * <p>Metrics: {@code alerts} by type; {@code openIncidents}, the services of this subtask whose
 * incident is open, as of their last timer (after a restore it catches up once the watermark passes
 * the next minute, since every open incident ticks each minute); {@code watermarkLagMillis},
 * wall-clock time minus the watermark at the last element or timer; {@code numLateRecordsDropped},
 * signals whose minute the watermark had already passed (named as Flink's window operators name
 * theirs).
 */
public final class OutageDetector
        extends KeyedCoProcessFunction<String, ServiceSignal, StatusUpdate, Alert> {

    private static final long serialVersionUID = 1L;
    private static final long MINUTE_MILLIS = ServiceMinute.LENGTH.toMillis();

    /** Status updates waiting for the watermark; a flood of them keeps only the newest. */
    static final int MAX_PENDING_STATUS_UPDATES = 64;

    /** Silence longer than this while an incident is open is skipped in one step. */
    static final Duration MAX_SILENT_TICKS = Duration.ofHours(6);

    /** Each open minute's tally, by the minute's start in epoch milliseconds. */
    static final MapStateDescriptor<Long, ServiceMinuteTally> MINUTE_TALLIES =
            new MapStateDescriptor<>(
                    "minute-tallies", Types.LONG, TypeInformation.of(ServiceMinuteTally.class));

    static final ListStateDescriptor<StatusUpdate> PENDING_STATUS =
            new ListStateDescriptor<>("pending-status", TypeInformation.of(StatusUpdate.class));

    private transient ServiceSignalGauges signals;
    private final MinuteAssessor assessor;
    private final IncidentPolicy policy;
    private final DurationEstimates estimates;

    private final int liveCapacity;

    private transient DetectorState detection;
    private transient LiveDetections live;

    /**
     * Services decided since their keyed state was last written, in the order first decided. With a
     * key context ({@link OutageDetectorOperator}) they are written before each snapshot and when
     * dropped from {@link #live}; without one, after every timer.
     */
    private transient Map<String, ServiceDetectionState> unsaved;

    private transient KeyContext keys;
    private transient MapState<Long, ServiceMinuteTally> minuteTallies;
    private transient ListState<StatusUpdate> pendingStatus;
    private transient Map<AlertType, Counter> alertsByType;
    private transient Counter lateSignals;

    /** Services of this subtask with an open incident; only the task thread touches it. */
    private transient Set<String> openServices;

    /** Read by the metric reporter's thread. */
    private transient volatile int openIncidents;

    private transient volatile double watermarkLagMillis;

    public OutageDetector(
            MinuteAssessor assessor, IncidentPolicy policy, DurationEstimates estimates) {
        this(assessor, policy, estimates, LiveDetections.DEFAULT_CAPACITY);
    }

    /** With at most {@code liveCapacity} services' logic objects kept between timers. */
    OutageDetector(
            MinuteAssessor assessor,
            IncidentPolicy policy,
            DurationEstimates estimates,
            int liveCapacity) {
        this.assessor = Objects.requireNonNull(assessor, "assessor");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.estimates = Objects.requireNonNull(estimates, "estimates");
        this.liveCapacity = liveCapacity;
    }

    /**
     * Lets the detector switch the current key, so that it can write the services it decided to
     * keyed state in batches: before each snapshot ({@link #saveDecided}) and when one is dropped
     * from the live set. Without it every timer writes its service's state at once.
     */
    void useKeyContext(KeyContext operator) {
        this.keys = Objects.requireNonNull(operator, "operator");
    }

    /**
     * Writes every service decided since its state was last written to keyed state: called before
     * each snapshot, so a checkpoint or savepoint holds the whole truth.
     */
    void saveDecided() throws Exception {
        for (ServiceDetectionState state : unsaved.values()) {
            saveUnderItsKey(state);
        }
        unsaved.clear();
    }

    /** A service leaving the live set takes what it learned to keyed state first. */
    private void saveEvicted(ServiceDetectionState state) {
        if (unsaved.remove(state.service()) == null) {
            return;
        }
        try {
            saveUnderItsKey(state);
        } catch (Exception e) {
            throw new IllegalStateException("could not save " + state.service(), e);
        }
    }

    private void saveUnderItsKey(ServiceDetectionState state) throws Exception {
        Object current = keys.getCurrentKey();
        keys.setCurrentKey(state.service());
        try {
            detection.save(state);
        } finally {
            if (current != null) {
                keys.setCurrentKey(current);
            }
        }
    }

    @Override
    public void open(OpenContext openContext) {
        detection = new DetectorState(getRuntimeContext());
        live = new LiveDetections(liveCapacity, this::saveEvicted);
        unsaved = new LinkedHashMap<>();
        minuteTallies = getRuntimeContext().getMapState(MINUTE_TALLIES);
        pendingStatus = getRuntimeContext().getListState(PENDING_STATUS);
        MetricGroup metrics = JobMetrics.group(getRuntimeContext());
        alertsByType = new EnumMap<>(AlertType.class);
        for (AlertType type : AlertType.values()) {
            alertsByType.put(
                    type,
                    metrics.addGroup(JobMetrics.TYPE, type.name()).counter(JobMetrics.ALERTS));
        }
        lateSignals = metrics.counter(JobMetrics.LATE_RECORDS_DROPPED);
        openServices = new HashSet<>();
        openIncidents = 0;
        watermarkLagMillis = Double.NaN;
        metrics.gauge(JobMetrics.OPEN_INCIDENTS, (Gauge<Integer>) () -> openIncidents);
        metrics.gauge(JobMetrics.WATERMARK_LAG_MILLIS, (Gauge<Double>) () -> watermarkLagMillis);
        signals = new ServiceSignalGauges(metrics);
    }

    /** Services of this subtask with an open incident, as the {@code openIncidents} gauge says. */
    int openIncidents() {
        return openIncidents;
    }

    /** The {@code watermarkLagMillis} gauge: NaN until the first watermark. */
    double watermarkLagMillis() {
        return watermarkLagMillis;
    }

    /** Signals dropped because the watermark had passed their minute, as the metric counts them. */
    long lateSignalsDropped() {
        return lateSignals.getCount();
    }

    @Override
    public void processElement1(ServiceSignal signal, Context ctx, Collector<Alert> out)
            throws Exception {
        measureWatermarkLag(ctx.timerService());
        long minuteStart = signal.minuteStartMillis();
        long decision = minuteDecisionTime(minuteStart);
        if (decision <= ctx.timerService().currentWatermark()) {
            // Its minute is decided: as a window drops an element for a window already fired.
            lateSignals.inc();
            return;
        }
        ServiceMinuteTally tally = minuteTallies.get(minuteStart);
        if (tally == null) {
            tally = new ServiceMinuteTally();
            ctx.timerService().registerEventTimeTimer(decision);
        }
        tally.add(signal);
        minuteTallies.put(minuteStart, tally);
    }

    @Override
    public void processElement2(StatusUpdate update, Context ctx, Collector<Alert> out)
            throws Exception {
        measureWatermarkLag(ctx.timerService());
        List<StatusUpdate> pending = new ArrayList<>();
        pendingStatus.get().forEach(pending::add);
        pending.add(update);
        pending.sort(Comparator.comparing(StatusUpdate::timestamp));
        if (pending.size() > MAX_PENDING_STATUS_UPDATES) {
            pending = pending.subList(pending.size() - MAX_PENDING_STATUS_UPDATES, pending.size());
        }
        pendingStatus.update(pending);
        ctx.timerService().registerEventTimeTimer(update.timestamp().toEpochMilli());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        measureWatermarkLag(ctx.timerService());
        ServiceDetectionState state = live.get(ctx.getCurrentKey());
        if (state == null) {
            state = assessor.restore(ctx.getCurrentKey(), policy, estimates, detection.load());
            live.keep(state);
        }
        applyStatusUpdatesUpTo(timestamp, state);
        if (isMinuteDecisionTime(timestamp)) {
            long minuteStart = timestamp + 1 - MINUTE_MILLIS;
            ServiceMinuteTally tally = minuteTallies.get(minuteStart);
            boolean alreadyDecided =
                    state.lastMinuteStart() != null
                            && state.lastMinuteStart().toEpochMilli() >= minuteStart;
            if (tally != null) {
                minuteTallies.remove(minuteStart);
                if (!alreadyDecided) {
                    decide(
                            state,
                            tally.toMinute(ctx.getCurrentKey(), instant(minuteStart)),
                            ctx,
                            out);
                }
            } else if (state.needsTicks() && !alreadyDecided) {
                decide(
                        state,
                        ServiceMinute.empty(ctx.getCurrentKey(), instant(minuteStart)),
                        ctx,
                        out);
            }
            if (state.needsTicks()) {
                ctx.timerService().registerEventTimeTimer(timestamp + MINUTE_MILLIS);
            }
        }
        if (keys == null) {
            detection.save(state);
        } else {
            unsaved.putIfAbsent(state.service(), state);
        }
        trackOpenIncident(state);
    }

    private void trackOpenIncident(ServiceDetectionState state) {
        boolean changed =
                state.tracker().isIncidentOpen()
                        ? openServices.add(state.service())
                        : openServices.remove(state.service());
        if (changed) {
            openIncidents = openServices.size();
        }
    }

    /**
     * Wall-clock time minus the watermark: how far detection trails real time. The only
     * processing-time read in the job; it never affects a decision. Skipped before the first
     * watermark and after the last (end of a bounded input).
     */
    private void measureWatermarkLag(TimerService timers) {
        long watermark = timers.currentWatermark();
        if (watermark != Long.MIN_VALUE && watermark != Long.MAX_VALUE) {
            watermarkLagMillis = timers.currentProcessingTime() - watermark;
        }
    }

    private void decide(
            ServiceDetectionState state, ServiceMinute minute, Context ctx, Collector<Alert> out) {
        catchUpSilence(state, minute.minuteStart(), ctx, out);
        MinuteAssessment assessment = assessor.assess(minute, state);
        signals.update(minute.service(), assessment.evidence());
        ctx.output(
                PipelineTags.SERVICE_SIGNALS, DecidedMinuteSignals.of(minute, assessment, state));
        List<Alert> alerts = state.tracker().onMinute(assessment, state);
        assessor.learn(minute, assessment, state);
        for (Alert alert : alerts) {
            count(alert);
            out.collect(alert);
        }
        state.setLastMinuteStart(minute.minuteStart());
    }

    /**
     * Minutes without any record since the last one: quiet minutes for the baselines, or empty
     * minutes for the state machine while it is waiting on something.
     */
    private void catchUpSilence(
            ServiceDetectionState state, Instant minuteStart, Context ctx, Collector<Alert> out) {
        Instant last = state.lastMinuteStart();
        if (last == null) {
            return;
        }
        Instant firstSilent = last.plus(ServiceMinute.LENGTH);
        if (!firstSilent.isBefore(minuteStart)) {
            return;
        }
        Instant tickUntil = minOf(minuteStart, firstSilent.plus(MAX_SILENT_TICKS));
        Instant silent = firstSilent;
        while (state.needsTicks() && silent.isBefore(tickUntil)) {
            decide(state, ServiceMinute.empty(state.service(), silent), ctx, out);
            silent = silent.plus(ServiceMinute.LENGTH);
        }
        if (silent.isBefore(minuteStart)) {
            assessor.learnQuiet(state, silent, minuteStart);
        }
    }

    private void applyStatusUpdatesUpTo(long timestamp, ServiceDetectionState state)
            throws Exception {
        List<StatusUpdate> remaining = new ArrayList<>();
        for (StatusUpdate update : pendingStatus.get()) {
            if (update.timestamp().toEpochMilli() <= timestamp) {
                state.tracker().onStatusUpdate(update);
            } else {
                remaining.add(update);
            }
        }
        if (remaining.isEmpty()) {
            pendingStatus.clear();
        } else {
            pendingStatus.update(remaining);
        }
    }

    private void count(Alert alert) {
        alertsByType.get(alert.type()).inc();
    }

    static long minuteDecisionTime(Instant minuteStart) {
        return minuteDecisionTime(minuteStart.toEpochMilli());
    }

    private static long minuteDecisionTime(long minuteStartMillis) {
        return minuteStartMillis + MINUTE_MILLIS - 1;
    }

    private static boolean isMinuteDecisionTime(long timestamp) {
        return Math.floorMod(timestamp + 1, MINUTE_MILLIS) == 0;
    }

    private static Instant instant(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis);
    }

    private static Instant minOf(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
