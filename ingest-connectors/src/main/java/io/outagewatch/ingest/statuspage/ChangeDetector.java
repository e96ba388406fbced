package io.outagewatch.ingest.statuspage;

import io.outagewatch.events.InvalidEventException;
import io.outagewatch.events.StatusUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which incidents changed since they were last published, by incident id and update time,
 * and records what it publishes in the {@link IncidentLedger}.
 */
public final class ChangeDetector {

    private final IncidentLedger ledger;
    private final Duration backfill;
    private final Duration retention;

    /**
     * @param backfill how old a resolved incident seen for the first time may be and still be
     *     published
     * @param retention how long an incident absent from its page stays in the ledger after its last
     *     update
     */
    public ChangeDetector(IncidentLedger ledger, Duration backfill, Duration retention) {
        this.ledger = ledger;
        this.backfill = backfill;
        this.retention = retention;
    }

    /** Compares a page's snapshot, fetched at {@code now}, with the ledger and updates it. */
    public Detection detect(PageConfig page, PageSnapshot snapshot, Instant now) {
        Map<Decision, Integer> decisions = new EnumMap<>(Decision.class);
        List<StatusUpdate> updates = new ArrayList<>();
        boolean changed = false;
        Set<String> present = new HashSet<>(snapshot.skippedIds());
        for (PageIncident incident : snapshot.incidents()) {
            present.add(incident.id());
            IncidentLedger.Entry previous = ledger.get(page.name(), incident.id());
            List<String> services = page.servicesFor(incident.components());
            Decision decision = decide(incident, previous, services, now);
            if (decision == Decision.OLD_RESOLVED) {
                ledger.put(page.name(), incident.id(), entry(incident, services));
                changed = true;
            } else if (decision.publishes()) {
                List<StatusUpdate> built = build(incident, services);
                if (built == null) {
                    decision = Decision.INVALID;
                } else {
                    updates.addAll(built);
                    ledger.put(page.name(), incident.id(), entry(incident, services));
                    changed = true;
                }
            }
            decisions.merge(decision, 1, Integer::sum);
        }
        for (Map.Entry<String, IncidentLedger.Entry> known :
                ledger.incidents(page.name()).entrySet()) {
            String id = known.getKey();
            IncidentLedger.Entry entry = known.getValue();
            if (present.contains(id)) {
                continue;
            }
            if (snapshot.ongoingOnly() && entry.status() != StatusUpdate.Status.RESOLVED) {
                Instant resolvedAt = now.isAfter(entry.updatedAt()) ? now : entry.updatedAt();
                IncidentLedger.Entry resolved =
                        new IncidentLedger.Entry(
                                resolvedAt,
                                StatusUpdate.Status.RESOLVED,
                                entry.impact(),
                                entry.title(),
                                entry.url(),
                                entry.services());
                for (String service : entry.services()) {
                    updates.add(
                            new StatusUpdate(
                                    service,
                                    resolvedAt,
                                    id,
                                    StatusUpdate.Status.RESOLVED,
                                    entry.impact(),
                                    entry.title(),
                                    entry.url()));
                }
                ledger.put(page.name(), id, resolved);
                decisions.merge(Decision.DISAPPEARED, 1, Integer::sum);
                changed = true;
            } else if (entry.updatedAt().plus(retention).isBefore(now)) {
                ledger.remove(page.name(), id);
                changed = true;
            }
        }
        return new Detection(updates, decisions, changed);
    }

    private Decision decide(
            PageIncident incident,
            IncidentLedger.Entry previous,
            List<String> services,
            Instant now) {
        if (services.isEmpty()) {
            return Decision.UNMAPPED;
        }
        if (previous == null) {
            boolean old = incident.updatedAt().plus(backfill).isBefore(now);
            return incident.status() == StatusUpdate.Status.RESOLVED && old
                    ? Decision.OLD_RESOLVED
                    : Decision.NEW;
        }
        int byTime = incident.updatedAt().compareTo(previous.updatedAt());
        if (byTime > 0) {
            return Decision.UPDATED;
        }
        if (byTime < 0) {
            return Decision.STALE;
        }
        return incident.status() == previous.status()
                ? Decision.UNCHANGED
                : Decision.STATUS_CHANGED;
    }

    /** One update per service, or null when the incident breaks the contract. */
    private static List<StatusUpdate> build(PageIncident incident, List<String> services) {
        List<StatusUpdate> built = new ArrayList<>();
        try {
            for (String service : services) {
                built.add(
                        new StatusUpdate(
                                service,
                                incident.updatedAt(),
                                incident.id(),
                                incident.status(),
                                incident.impact(),
                                title(incident.title()),
                                url(incident.url())));
            }
        } catch (InvalidEventException e) {
            return null;
        }
        return built;
    }

    private static IncidentLedger.Entry entry(PageIncident incident, List<String> services) {
        return new IncidentLedger.Entry(
                incident.updatedAt(),
                incident.status(),
                incident.impact(),
                title(incident.title()),
                url(incident.url()),
                services);
    }

    /** Cut to the contract's maximum length, on a code-point boundary. */
    static String title(String title) {
        if (title == null
                || title.codePointCount(0, title.length()) <= StatusUpdate.TITLE_MAX_CHARS) {
            return title;
        }
        return title.substring(0, title.offsetByCodePoints(0, StatusUpdate.TITLE_MAX_CHARS));
    }

    /** Dropped when longer than the contract allows. */
    static String url(String url) {
        return url == null || url.length() > StatusUpdate.URL_MAX_CHARS ? null : url;
    }
}
