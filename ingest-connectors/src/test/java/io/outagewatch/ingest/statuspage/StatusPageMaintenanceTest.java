package io.outagewatch.ingest.statuspage;

import static io.outagewatch.ingest.statuspage.Fixtures.INCIDENTS_1;
import static io.outagewatch.ingest.statuspage.Fixtures.NOW;
import static io.outagewatch.ingest.statuspage.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outagewatch.events.Maintenance;
import io.outagewatch.events.StatusUpdate;
import io.outagewatch.ingest.publish.EventPublisher;
import io.outagewatch.ingest.statuspage.FixtureServer.Reply;
import io.outagewatch.ingest.statuspage.Fixtures.CollectingPublisher;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled maintenances, read from Statuspage and incident.io documents served on loopback, are
 * published as {@link Maintenance}s for the mapped services, and never as status updates: an
 * announced maintenance is no acknowledgement of an incident.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StatusPageMaintenanceTest {

    private static final HttpClient CLIENT = ConditionalFetcher.defaultClient();
    private static final String MAINTENANCES_PATH = PageEndpoint.INCIDENTS.maintenancesPath();
    private static final String MODIFIED = "Fri, 20 Nov 2026 14:02:12 GMT";

    @TempDir Path directory;

    private final MutableClock clock = new MutableClock(NOW);
    private final CollectingPublisher updates = new CollectingPublisher();
    private final Maintenances maintenances = new Maintenances();
    private FixtureServer server;

    @BeforeEach
    void startServer() {
        server = new FixtureServer(clock);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void statuspageMaintenancesArePublishedApartFromTheIncidents() {
        server.serve(
                PageEndpoint.INCIDENTS.path(),
                Reply.document(text(INCIDENTS_1), "\"i1\"", MODIFIED));
        server.serve(
                MAINTENANCES_PATH,
                Reply.document(text("scheduled-maintenances.json"), "\"m1\"", MODIFIED));
        StatusPagePoller poller = service(Fixtures.statuspage(server.baseUrl())).pollers().get(0);

        poller.poll();

        assertThat(maintenances.published())
                .containsExactly(
                        new Maintenance(
                                "chatgpt",
                                Instant.parse("2026-11-20T15:00:00Z"),
                                "w8k2m4n6p8q0",
                                Maintenance.Status.IN_PROGRESS,
                                Instant.parse("2026-11-20T15:00:00Z"),
                                Instant.parse("2026-11-20T19:00:00Z"),
                                "ChatGPT database failover",
                                "https://stspg.io/w8k2m4n"),
                        new Maintenance(
                                "openai-api",
                                Instant.parse("2026-11-19T08:30:00Z"),
                                "c0d1e2f3g4h5",
                                Maintenance.Status.COMPLETED,
                                Instant.parse("2026-11-19T07:00:00Z"),
                                // Completed at 02:30 local, before its scheduled 05:00.
                                Instant.parse("2026-11-19T08:30:00Z"),
                                "API gateway upgrade",
                                "https://stspg.io/c0d1e2f"));
        assertThat(updates.published())
                .isNotEmpty()
                .extracting(StatusUpdate::incidentId)
                .doesNotContain("w8k2m4n6p8q0", "c0d1e2f3g4h5");

        // Unchanged documents publish nothing more.
        poller.poll();
        assertThat(maintenances.published()).hasSize(2);
    }

    @Test
    void aSummaryWithOnlyAMaintenancePublishesNoStatusUpdate() {
        server.serve(
                PageEndpoint.SUMMARY.path(),
                Reply.document(text("summary-maintenance-only.json"), "\"s1\"", MODIFIED));
        PageConfig page =
                new PageConfig(
                        "example",
                        PageEndpoint.SUMMARY,
                        URI.create(server.baseUrl()),
                        Fixtures.INTERVAL,
                        Fixtures.STATUSPAGE_COMPONENTS,
                        null);

        service(page).pollOnce();

        assertThat(updates.published()).as("a maintenance is no incident").isEmpty();
        assertThat(maintenances.published())
                .extracting(Maintenance::service, Maintenance::maintenanceId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("chatgpt", "w8k2m4n6p8q0"));
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void incidentIoMaintenancesInProgressArePublished() {
        server.serve(
                PageEndpoint.WIDGET.path(),
                Reply.document(text("incidentio-summary-maintenance.json"), "\"w1\"", MODIFIED));

        service(Fixtures.incidentio(server.baseUrl())).pollOnce();

        assertThat(updates.published()).isEmpty();
        assertThat(maintenances.published())
                .containsExactly(
                        new Maintenance(
                                "chatgpt",
                                Instant.parse("2026-11-20T15:00:00Z"),
                                "01JDC1M2N3P4Q5R6S7T8V9W0X1",
                                Maintenance.Status.IN_PROGRESS,
                                Instant.parse("2026-11-20T15:00:00Z"),
                                Instant.parse("2026-11-20T19:00:00Z"),
                                "ChatGPT failover",
                                "https://status.example-ai.test/incidents/01JDC1M2N3P4Q5R6S7T8V9W0X1"));
    }

    @Test
    void aFailingMaintenanceDocumentDoesNotStopTheIncidents() {
        server.serve(
                PageEndpoint.INCIDENTS.path(),
                Reply.document(text(INCIDENTS_1), "\"i1\"", MODIFIED));
        server.serve(MAINTENANCES_PATH, Reply.status(500, java.util.Map.of()));

        PollOutcome outcome =
                service(Fixtures.statuspage(server.baseUrl())).pollers().get(0).poll();

        assertThat(outcome.result()).isEqualTo(PollOutcome.Result.READ);
        assertThat(updates.published()).isNotEmpty();
        assertThat(maintenances.published()).isEmpty();
    }

    @Test
    void theConfigSwitchTurnsMaintenancesOff() {
        String pages =
                "pages:\n  - name: example\n    kind: statuspage\n    url: https://status.example.com\n"
                        + "    service: chatgpt\n";

        assertThat(StatusPageConfigLoader.parse(pages, directory).maintenances()).isTrue();
        assertThat(
                        StatusPageConfigLoader.parse(pages + "maintenances: false\n", directory)
                                .maintenances())
                .isFalse();
        assertThatThrownBy(
                        () -> StatusPageConfigLoader.parse(pages + "maintenances: 3\n", directory))
                .isInstanceOf(StatusPageConfigException.class)
                .hasMessage("maintenances: must be true or false");
    }

    private StatusPageService service(PageConfig... pages) {
        StatusPageConfig config =
                new StatusPageConfig(
                        List.of(pages),
                        null,
                        directory.resolve("state.json"),
                        StatusPageConfig.DEFAULT_BACKFILL,
                        Fixtures.MAX_BACKOFF);
        return StatusPageService.create(config, updates, maintenances, CLIENT, clock, () -> 0.0);
    }

    /** Collects the maintenances published. */
    private static final class Maintenances implements EventPublisher<Maintenance> {
        private final List<Maintenance> published = new ArrayList<>();

        @Override
        public synchronized void publish(Maintenance event) {
            published.add(event);
        }

        @Override
        public void flush() {}

        @Override
        public long failedDeliveries() {
            return 0;
        }

        @Override
        public void close() {}

        synchronized List<Maintenance> published() {
            return List.copyOf(published);
        }
    }
}
