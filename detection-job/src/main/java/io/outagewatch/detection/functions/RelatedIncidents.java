package io.outagewatch.detection.functions;

import io.outagewatch.detection.incident.IncidentLinker;
import io.outagewatch.detection.incident.KnownIncident;
import io.outagewatch.events.Alert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Names in each alert the other services' incidents that overlap it in time and region ({@link
 * IncidentLinker}), after the detector.
 *
 * <p>Keyed by one constant key ({@link #ALL_ALERTS}), so every alert of the job meets every other
 * in one place: linking compares incidents across services and regions, and no key finer than
 * "everything" can do that (an incident without regions overlaps every region). Alerts are few — a
 * handful per incident — so one subtask does the work easily; the other subtasks idle. Keyed state
 * rather than parallelism 1 keeps the operator rescalable like the rest of the job.
 *
 * <p>Alerts from different detector subtasks arrive in any order, so each waits here until the
 * watermark passes the event time it was decided at (its record timestamp); then all alerts decided
 * by then are linked in (event time, {@link IncidentLinker#DECISION_ORDER}) order. The output
 * therefore depends on the alerts alone, never on how they interleaved.
 *
 * <p>State, for the one key: {@code pending-alerts}, alerts waiting for the watermark by decision
 * time, removed when linked; {@code known-incidents}, what the linker remembers, at most {@link
 * IncidentLinker#DEFAULT_CAPACITY}, each incident until {@link IncidentLinker#RECOVERED_KEPT_FOR}
 * after its recovery. Event-time timers: one per pending decision time, and one when the next
 * recovered incident is to be forgotten.
 */
public final class RelatedIncidents extends KeyedProcessFunction<String, Alert, Alert> {

    private static final long serialVersionUID = 1L;

    /** The key every alert goes to. */
    public static final String ALL_ALERTS = "all";

    static final MapStateDescriptor<Long, List<Alert>> PENDING_ALERTS =
            new MapStateDescriptor<>(
                    "pending-alerts", Types.LONG, Types.LIST(TypeInformation.of(Alert.class)));

    static final ListStateDescriptor<KnownIncident> KNOWN_INCIDENTS =
            new ListStateDescriptor<>("known-incidents", TypeInformation.of(KnownIncident.class));

    private final int capacity;

    private transient MapState<Long, List<Alert>> pendingAlerts;
    private transient ListState<KnownIncident> knownIncidents;

    /**
     * @param capacity how many incidents to remember at most
     */
    public RelatedIncidents(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    /** The key selector's answer for every alert. */
    public static String key(Alert alert) {
        return ALL_ALERTS;
    }

    @Override
    public void open(OpenContext openContext) {
        pendingAlerts = getRuntimeContext().getMapState(PENDING_ALERTS);
        knownIncidents = getRuntimeContext().getListState(KNOWN_INCIDENTS);
    }

    @Override
    public void processElement(Alert alert, Context ctx, Collector<Alert> out) throws Exception {
        long decidedAt = ctx.timestamp() != null ? ctx.timestamp() : speaksFor(alert);
        List<Alert> sameTime = pendingAlerts.get(decidedAt);
        List<Alert> waiting = sameTime == null ? new ArrayList<>() : new ArrayList<>(sameTime);
        waiting.add(alert);
        pendingAlerts.put(decidedAt, waiting);
        ctx.timerService().registerEventTimeTimer(decidedAt);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        List<Alert> due = takeDecidedBy(timestamp);
        IncidentLinker linker = new IncidentLinker(capacity, knownIncidents.get());
        for (Alert alert : due) {
            out.collect(linker.link(alert));
        }
        Optional<Instant> nextForget = linker.forgetRecoveredBy(Instant.ofEpochMilli(timestamp));
        nextForget.ifPresent(at -> ctx.timerService().registerEventTimeTimer(at.toEpochMilli()));
        List<KnownIncident> known = linker.known();
        if (known.isEmpty()) {
            knownIncidents.clear();
        } else {
            knownIncidents.update(known);
        }
    }

    /** Removes and returns the pending alerts decided by {@code timestamp}, in linking order. */
    private List<Alert> takeDecidedBy(long timestamp) throws Exception {
        List<Map.Entry<Long, List<Alert>>> decided = new ArrayList<>();
        for (Map.Entry<Long, List<Alert>> entry : pendingAlerts.entries()) {
            if (entry.getKey() <= timestamp) {
                decided.add(Map.entry(entry.getKey(), entry.getValue()));
            }
        }
        decided.sort(Map.Entry.comparingByKey());
        for (Map.Entry<Long, List<Alert>> entry : decided) {
            pendingAlerts.remove(entry.getKey());
        }
        if (pendingAlerts.isEmpty()) {
            pendingAlerts.clear();
        }
        List<Alert> due = new ArrayList<>();
        for (Map.Entry<Long, List<Alert>> entry : decided) {
            List<Alert> sameTime = new ArrayList<>(entry.getValue());
            sameTime.sort(IncidentLinker.DECISION_ORDER);
            due.addAll(sameTime);
        }
        return due;
    }

    private static long speaksFor(Alert alert) {
        return (alert.asOf() != null ? alert.asOf() : alert.detectedAt()).toEpochMilli();
    }
}
