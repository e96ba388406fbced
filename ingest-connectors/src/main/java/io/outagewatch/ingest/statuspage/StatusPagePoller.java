package io.outagewatch.ingest.statuspage;

import io.outagewatch.events.Maintenance;
import io.outagewatch.events.StatusUpdate;
import io.outagewatch.ingest.publish.EventPublisher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one page: fetch conditionally, parse, detect changes, publish them, save the state, and
 * tell when to poll next. A failure is logged, counted and backed off, never thrown at the others.
 */
public final class StatusPagePoller {

    private static final Logger LOG = LoggerFactory.getLogger(StatusPagePoller.class);

    private final PageConfig page;
    private final URI uri;
    private final ConditionalFetcher fetcher;
    private final PageParser parser;
    private final ChangeDetector detector;
    private final EventPublisher<StatusUpdate> publisher;
    private final Runnable saveState;
    private final BackoffPolicy backoff;
    private final Clock clock;
    private final PollStats stats = new PollStats();
    private EventPublisher<Maintenance> maintenances;
    private MaintenanceTracker maintenanceTracker;

    /**
     * @param saveState called after a poll changed the dedup state, once its updates are flushed
     */
    public StatusPagePoller(
            PageConfig page,
            ConditionalFetcher fetcher,
            ChangeDetector detector,
            EventPublisher<StatusUpdate> publisher,
            Runnable saveState,
            BackoffPolicy backoff,
            Clock clock) {
        this.page = page;
        this.uri = page.pollUri();
        this.fetcher = fetcher;
        this.parser = PageParser.forEndpoint(page.endpoint());
        this.detector = detector;
        this.publisher = publisher;
        this.saveState = saveState;
        this.backoff = backoff;
        this.clock = clock;
    }

    /**
     * Also reads the page's scheduled maintenances on every poll and publishes the new and changed
     * ones; call before polling.
     *
     * @return this poller
     */
    public StatusPagePoller readingMaintenances(
            EventPublisher<Maintenance> publisher, MaintenanceTracker tracker) {
        this.maintenances = publisher;
        this.maintenanceTracker = tracker;
        return this;
    }

    public PageConfig page() {
        return page;
    }

    public PollStats stats() {
        return stats;
    }

    /** Polls once, now. Polls of one page never overlap. */
    public synchronized PollOutcome poll() {
        stats.polls.incrementAndGet();
        FetchResult fetched = fetcher.fetch(uri);
        if (maintenances != null) {
            pollMaintenances(fetched);
        }
        if (fetched instanceof FetchResult.NotModified) {
            stats.notModified.incrementAndGet();
            return new PollOutcome(PollOutcome.Result.NOT_MODIFIED, 0, backoff.onSuccess());
        }
        if (fetched instanceof FetchResult.Failed failed) {
            return failure(failed);
        }
        byte[] body = ((FetchResult.Modified) fetched).body();
        Instant now = clock.instant();
        PageSnapshot snapshot;
        try {
            snapshot = parser.parse(body, page);
        } catch (MalformedPageException e) {
            stats.malformed.incrementAndGet();
            fetcher.forget(uri);
            Duration next = backoff.onError();
            LOG.warn(
                    "page {}: {} is malformed ({}); next poll in {}",
                    page.name(),
                    uri,
                    e.getMessage(),
                    next);
            return new PollOutcome(PollOutcome.Result.MALFORMED, 0, next);
        }
        Detection detection = detector.detect(page, snapshot, now);
        for (StatusUpdate update : detection.updates()) {
            publisher.publish(update);
            LOG.info(
                    "page {}: incident {} is {} for {}",
                    page.name(),
                    update.incidentId(),
                    update.status().wireName(),
                    update.service());
        }
        long skipped =
                snapshot.skipped()
                        + detection.count(Decision.UNMAPPED)
                        + detection.count(Decision.INVALID);
        stats.skippedIncidents.addAndGet(skipped);
        stats.published.addAndGet(detection.updates().size());
        if (detection.stateChanged()) {
            publisher.flush();
            saveState.run();
        }
        return new PollOutcome(
                PollOutcome.Result.READ, detection.updates().size(), backoff.onSuccess());
    }

    /**
     * Reads the maintenances from the polled document when it lists them, else from the page's
     * maintenance document; a failure there is logged and waits for the next poll, and never
     * affects the incidents.
     */
    private void pollMaintenances(FetchResult incidents) {
        FetchResult fetched =
                page.endpoint().listsMaintenances()
                        ? incidents
                        : fetcher.fetch(
                                URI.create(page.baseUrl() + page.endpoint().maintenancesPath()));
        if (!(fetched instanceof FetchResult.Modified modified)) {
            if (fetched instanceof FetchResult.Failed failed
                    && !page.endpoint().listsMaintenances()) {
                LOG.warn("page {}: maintenances not read ({})", page.name(), failed.reason());
            }
            return;
        }
        List<PageMaintenance> read;
        try {
            read =
                    page.kind() == PageKind.STATUSPAGE
                            ? MaintenanceParser.statuspage(modified.body(), page)
                            : MaintenanceParser.incidentIo(modified.body(), page);
        } catch (MalformedPageException e) {
            LOG.warn("page {}: maintenances unreadable ({})", page.name(), e.getMessage());
            return;
        }
        List<Maintenance> changed = maintenanceTracker.changed(page, read);
        for (Maintenance maintenance : changed) {
            maintenances.publish(maintenance);
            LOG.info(
                    "page {}: maintenance {} of {} is {}, {} to {}",
                    page.name(),
                    maintenance.maintenanceId(),
                    maintenance.service(),
                    maintenance.status().wireName(),
                    maintenance.startsAt(),
                    maintenance.endsAt());
        }
        if (!changed.isEmpty()) {
            maintenances.flush();
        }
    }

    private PollOutcome failure(FetchResult.Failed failed) {
        Duration next;
        PollOutcome.Result result;
        if (failed.rateLimited()) {
            stats.rateLimited.incrementAndGet();
            next = backoff.onRateLimited(RetryAfter.parse(failed.retryAfter(), clock.instant()));
            result = PollOutcome.Result.RATE_LIMITED;
        } else {
            stats.failed.incrementAndGet();
            next = backoff.onError();
            result = PollOutcome.Result.FAILED;
        }
        LOG.warn(
                "page {}: {} failed ({}, {} in a row); next poll in {}",
                page.name(),
                uri,
                failed.reason(),
                backoff.consecutiveFailures(),
                next);
        return new PollOutcome(result, 0, next);
    }

    /** Polls now and then again and again, each time after the delay the last poll asked for. */
    public void start(PollScheduler scheduler) {
        scheduler.schedule(Duration.ZERO, () -> pollAndReschedule(scheduler));
    }

    private void pollAndReschedule(PollScheduler scheduler) {
        Duration next;
        try {
            next = poll().nextPollIn();
        } catch (RuntimeException e) {
            // e.g. the state file could not be written: keep polling, the next save may work
            stats.failed.incrementAndGet();
            next = backoff.onError();
            LOG.error("page {}: poll failed; next poll in {}", page.name(), next, e);
        }
        scheduler.schedule(next, () -> pollAndReschedule(scheduler));
    }
}
