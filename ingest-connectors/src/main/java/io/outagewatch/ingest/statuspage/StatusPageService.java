package io.outagewatch.ingest.statuspage;

import io.outagewatch.events.Maintenance;
import io.outagewatch.events.StatusUpdate;
import io.outagewatch.ingest.publish.EventPublisher;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires one poller per configured page around a shared fetcher, ledger and publisher. */
public final class StatusPageService {

    private static final Logger LOG = LoggerFactory.getLogger(StatusPageService.class);

    private final IncidentLedger ledger;
    private final LedgerFile ledgerFile;
    private final List<StatusPagePoller> pollers;

    private StatusPageService(
            IncidentLedger ledger, LedgerFile ledgerFile, List<StatusPagePoller> pollers) {
        this.ledger = ledger;
        this.ledgerFile = ledgerFile;
        this.pollers = List.copyOf(pollers);
    }

    /**
     * Loads the state file and builds the pollers.
     *
     * @param random uniform in [0, 1), for backoff jitter
     * @throws StatusPageConfigException when the state file is unreadable
     */
    public static StatusPageService create(
            StatusPageConfig config,
            EventPublisher<StatusUpdate> publisher,
            HttpClient client,
            Clock clock,
            DoubleSupplier random) {
        return create(config, publisher, null, client, clock, random);
    }

    /**
     * Loads the state file and builds the pollers; with a maintenance publisher, the pollers also
     * publish the pages' scheduled maintenances.
     *
     * @param maintenances where maintenances go; null to leave them unread
     * @param random uniform in [0, 1), for backoff jitter
     * @throws StatusPageConfigException when the state file is unreadable
     */
    public static StatusPageService create(
            StatusPageConfig config,
            EventPublisher<StatusUpdate> publisher,
            EventPublisher<Maintenance> maintenances,
            HttpClient client,
            Clock clock,
            DoubleSupplier random) {
        LedgerFile ledgerFile = new LedgerFile(config.stateFile());
        IncidentLedger ledger = ledgerFile.load();
        ledger.retainPages(
                config.pages().stream().map(PageConfig::name).collect(Collectors.toSet()));
        ChangeDetector detector =
                new ChangeDetector(ledger, config.backfill(), StatusPageConfig.STATE_RETENTION);
        ConditionalFetcher fetcher =
                new ConditionalFetcher(
                        client, StatusPageConfig.MAX_BODY_BYTES, StatusPageConfig.REQUEST_TIMEOUT);
        List<StatusPagePoller> pollers = new ArrayList<>();
        MaintenanceTracker tracker = new MaintenanceTracker();
        for (PageConfig page : config.pages()) {
            StatusPagePoller poller =
                    new StatusPagePoller(
                            page,
                            fetcher,
                            detector,
                            publisher,
                            () -> ledgerFile.save(ledger),
                            new BackoffPolicy(page.interval(), config.maxBackoff(), random),
                            clock);
            if (maintenances != null) {
                poller.readingMaintenances(maintenances, tracker);
            }
            pollers.add(poller);
        }
        return new StatusPageService(ledger, ledgerFile, pollers);
    }

    public List<StatusPagePoller> pollers() {
        return pollers;
    }

    public IncidentLedger ledger() {
        return ledger;
    }

    /**
     * Polls every page once, one after another; one page's failure does not stop the others.
     *
     * @return each page's outcome by name, in config order
     */
    public Map<String, PollOutcome> pollOnce() {
        Map<String, PollOutcome> outcomes = new LinkedHashMap<>();
        for (StatusPagePoller poller : pollers) {
            PollOutcome outcome;
            try {
                outcome = poller.poll();
            } catch (RuntimeException e) {
                LOG.error("page {}: poll failed", poller.page().name(), e);
                outcome = new PollOutcome(PollOutcome.Result.FAILED, 0, poller.page().interval());
            }
            outcomes.put(poller.page().name(), outcome);
        }
        return outcomes;
    }

    /** Starts polling every page on the scheduler until it is closed. */
    public void start(PollScheduler scheduler) {
        LOG.info(
                "polling {} pages; state in {} ({} incidents remembered)",
                pollers.size(),
                ledgerFile.path(),
                ledger.size());
        pollers.forEach(poller -> poller.start(scheduler));
    }

    /** Writes the state file. */
    public void saveState() {
        ledgerFile.save(ledger);
    }
}
