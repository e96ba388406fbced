package io.outagewatch.sink.pipeline;

import io.outagewatch.events.Alert;
import io.outagewatch.events.AlertType;
import io.outagewatch.sink.notify.Delivery;
import io.outagewatch.sink.notify.Notifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps open incidents firing at receivers that forget them (Alertmanager resolves an alert by
 * itself unless it is pushed again): the latest delivered alert of each open incident is sent again
 * every {@link Notifier#resendInterval()} until its recovery has been delivered.
 *
 * <p>Only the sink's own thread calls it, between records, so a re-send can never overtake the
 * recovery of the same incident. Re-sends are best effort: a failure waits for the next round.
 *
 * <p>Memory is bounded: a recovery forgets its incident whether the receiver took it or not, and at
 * most {@link #MAX_TRACKED} incidents are tracked; beyond that the one updated longest ago is
 * dropped with a warning (the receiver then times it out by itself).
 */
final class OpenIncidents {

    /** Far more open incidents than any real outage wave; each entry holds one alert. */
    static final int MAX_TRACKED = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(OpenIncidents.class);

    private record Key(String receiver, String incidentId) {}

    private static final class Entry {
        final Notifier notifier;
        final Duration interval;
        Alert latest;
        Instant due;

        Entry(Notifier notifier, Duration interval, Alert latest, Instant due) {
            this.notifier = notifier;
            this.interval = interval;
            this.latest = latest;
            this.due = due;
        }
    }

    private final int maxTracked;

    /** Least recently updated first, so the eldest is the one to drop. */
    private final Map<Key, Entry> open = new LinkedHashMap<>();

    OpenIncidents() {
        this(MAX_TRACKED);
    }

    OpenIncidents(int maxTracked) {
        if (maxTracked < 1) {
            throw new IllegalArgumentException("maxTracked must be positive, got " + maxTracked);
        }
        this.maxTracked = maxTracked;
    }

    /** Notes a delivered alert: an open incident is tracked, a recovered one forgotten. */
    void delivered(Notifier notifier, Alert alert, Instant now) {
        if (notifier.resendInterval().isEmpty()) {
            return;
        }
        Key key = new Key(notifier.name(), alert.incidentId());
        if (alert.type() == AlertType.OUTAGE_RECOVERED) {
            open.remove(key);
            return;
        }
        Duration interval = notifier.resendInterval().get();
        Entry entry = open.get(key);
        if (entry == null) {
            open.put(key, new Entry(notifier, interval, alert, now.plus(interval)));
            dropEldestBeyondLimit();
        } else if (alert.version() >= entry.latest.version()) {
            entry.latest = alert;
            entry.due = now.plus(interval);
            open.remove(key);
            open.put(key, entry);
        }
    }

    /**
     * Notes an alert the receiver did not take (refused, or retries ran out): a recovery still ends
     * the re-sends, since pushing a recovered incident as firing would keep it open.
     */
    void notDelivered(Notifier notifier, Alert alert) {
        if (alert.type() == AlertType.OUTAGE_RECOVERED) {
            open.remove(new Key(notifier.name(), alert.incidentId()));
        }
    }

    private void dropEldestBeyondLimit() {
        while (open.size() > maxTracked) {
            Map.Entry<Key, Entry> eldest = open.entrySet().iterator().next();
            LOG.warn(
                    "more than {} open incidents; no longer re-sending {} to {}",
                    maxTracked,
                    eldest.getKey().incidentId(),
                    eldest.getKey().receiver());
            open.remove(eldest.getKey());
        }
    }

    /** Sends every open incident whose interval has passed once more; returns how many. */
    int resendDue(Instant now) throws InterruptedException {
        List<Entry> due = new ArrayList<>();
        for (Entry entry : open.values()) {
            if (!entry.due.isAfter(now)) {
                due.add(entry);
            }
        }
        for (Entry entry : due) {
            Delivery answer = entry.notifier.deliver(entry.latest);
            if (!(answer instanceof Delivery.Delivered)) {
                LOG.warn(
                        "re-sending {} v{} to {}: {}",
                        entry.latest.incidentId(),
                        entry.latest.version(),
                        entry.notifier.name(),
                        answer.detail());
            }
            entry.due = now.plus(entry.interval);
        }
        return due.size();
    }

    int size() {
        return open.size();
    }
}
