package io.outagewatch.ingest.statuspage;

import static io.outagewatch.ingest.statuspage.Fixtures.INCIDENTS_1;
import static io.outagewatch.ingest.statuspage.Fixtures.INCIDENTS_2;
import static io.outagewatch.ingest.statuspage.Fixtures.INCIDENTS_3;
import static io.outagewatch.ingest.statuspage.Fixtures.INCIDENTS_4;
import static io.outagewatch.ingest.statuspage.Fixtures.INCIDENT_A;
import static io.outagewatch.ingest.statuspage.Fixtures.INCIDENT_B;
import static io.outagewatch.ingest.statuspage.Fixtures.INCIDENT_IO;
import static io.outagewatch.ingest.statuspage.Fixtures.NOW;
import static io.outagewatch.ingest.statuspage.Fixtures.WIDGET_1;
import static io.outagewatch.ingest.statuspage.Fixtures.WIDGET_2;
import static io.outagewatch.ingest.statuspage.Fixtures.WIDGET_3;
import static io.outagewatch.ingest.statuspage.Fixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.StatusUpdate;
import io.outagewatch.events.StatusUpdate.Impact;
import io.outagewatch.events.StatusUpdate.Status;
import io.outagewatch.ingest.statuspage.FixtureServer.Reply;
import io.outagewatch.ingest.statuspage.Fixtures.CollectingPublisher;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The poller against a real HTTP server on loopback whose documents change over time. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StatusPagePollerTest {

    private static final String INCIDENTS_PATH = PageEndpoint.INCIDENTS.path();
    private static final String WIDGET_PATH = PageEndpoint.WIDGET.path();
    private static final String RFC_1123_V1 = "Fri, 20 Nov 2026 14:02:12 GMT";
    private static final Duration RETRY_AFTER = Duration.ofSeconds(120);
    private static final double NO_JITTER = 0.0;

    @TempDir Path directory;

    private final MutableClock clock = new MutableClock(NOW);
    private final CollectingPublisher publisher = new CollectingPublisher();
    private static final HttpClient CLIENT = ConditionalFetcher.defaultClient();
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
    void publishesExactlyOneUpdatePerChangeAndNoneForUnchangedPolls() {
        StatusPagePoller poller = service(Fixtures.statuspage(server.baseUrl())).pollers().get(0);

        server.serve(INCIDENTS_PATH, Reply.document(text(INCIDENTS_1), "\"v1\"", RFC_1123_V1));
        assertThat(poller.poll().published()).isEqualTo(1);
        assertThat(server.lastRequest().ifNoneMatch()).isNull();

        PollOutcome unchanged = poller.poll();
        assertThat(unchanged.result()).isEqualTo(PollOutcome.Result.NOT_MODIFIED);
        assertThat(server.lastRequest().ifNoneMatch()).isEqualTo("\"v1\"");
        assertThat(server.lastRequest().ifModifiedSince()).isEqualTo(RFC_1123_V1);
        assertThat(server.lastRequest().answered()).isEqualTo(304);

        server.serve(
                INCIDENTS_PATH,
                Reply.document(text(INCIDENTS_2), "\"v2\"", "Fri, 20 Nov 2026 14:20:46 GMT"));
        assertThat(poller.poll().published()).isEqualTo(1);

        // the same document again, from a server that sends no validators: dedup by update time
        server.serve(INCIDENTS_PATH, Reply.plain(text(INCIDENTS_2)));
        PollOutcome sameAgain = poller.poll();
        assertThat(sameAgain.result()).isEqualTo(PollOutcome.Result.READ);
        assertThat(sameAgain.published()).isZero();

        server.serve(INCIDENTS_PATH, Reply.plain(text(INCIDENTS_3)));
        assertThat(poller.poll().published()).isEqualTo(1);
        server.serve(INCIDENTS_PATH, Reply.plain(text(INCIDENTS_4)));
        assertThat(poller.poll().published()).isEqualTo(1);
        // a stale CDN copy of an older version publishes nothing
        server.serve(INCIDENTS_PATH, Reply.plain(text(INCIDENTS_2)));
        assertThat(poller.poll().published()).isZero();

        String base = server.baseUrl();
        assertThat(publisher.published())
                .containsExactly(
                        update(
                                "chatgpt",
                                "2026-11-20T14:02:11.418Z",
                                INCIDENT_A,
                                Status.INVESTIGATING,
                                Impact.MAJOR,
                                "Elevated error rates for ChatGPT",
                                base),
                        update(
                                "chatgpt",
                                "2026-11-20T14:20:45.201Z",
                                INCIDENT_A,
                                Status.IDENTIFIED,
                                Impact.MAJOR,
                                "Elevated error rates for ChatGPT",
                                base),
                        update(
                                "chatgpt",
                                "2026-11-20T15:05:02.733Z",
                                INCIDENT_A,
                                Status.RESOLVED,
                                Impact.MAJOR,
                                "Elevated error rates for ChatGPT",
                                base),
                        update(
                                "openai-api",
                                "2026-11-20T15:30:00.512Z",
                                INCIDENT_B,
                                Status.INVESTIGATING,
                                Impact.MINOR,
                                "Degraded performance on the API",
                                base));
        assertThat(poller.stats().notModified()).isEqualTo(1);
        assertThat(poller.stats().published()).isEqualTo(4);
    }

    @Test
    void restartWithTheStateFileDoesNotRepublish() {
        server.serve(INCIDENTS_PATH, Reply.document(text(INCIDENTS_4), "\"v4\"", RFC_1123_V1));
        PageConfig page = Fixtures.statuspage(server.baseUrl());
        assertThat(service(page).pollOnce().get("example").published()).isEqualTo(2);
        assertThat(stateFile()).exists();

        StatusPageService restarted = service(page);
        PollOutcome outcome = restarted.pollOnce().get("example");

        assertThat(server.lastRequest().ifNoneMatch()).as("a new process has no ETag").isNull();
        assertThat(outcome.result()).isEqualTo(PollOutcome.Result.READ);
        assertThat(outcome.published()).isZero();
        assertThat(publisher.published())
                .extracting(StatusUpdate::incidentId)
                .containsExactly(INCIDENT_B, INCIDENT_A);
    }

    @Test
    void incidentIoIncidentThatDisappearsIsResolvedAtPollTime() {
        StatusPagePoller poller = service(Fixtures.incidentio(server.baseUrl())).pollers().get(0);
        String url = "https://status.example-ai.test/incidents/" + INCIDENT_IO;
        String title = "Increased error rates in ChatGPT and Sora";

        server.serve(WIDGET_PATH, Reply.plain(text(WIDGET_1)));
        poller.poll();
        poller.poll();
        server.serve(WIDGET_PATH, Reply.plain(text(WIDGET_2)));
        poller.poll();
        clock.advance(Duration.ofMinutes(3));
        Instant resolvedPoll = clock.instant();
        server.serve(WIDGET_PATH, Reply.plain(text(WIDGET_3)));
        poller.poll();
        poller.poll();

        assertThat(publisher.published())
                .containsExactly(
                        new StatusUpdate(
                                "chatgpt",
                                Instant.parse("2026-11-20T14:03:27.915Z"),
                                INCIDENT_IO,
                                Status.INVESTIGATING,
                                Impact.MAJOR,
                                title,
                                url),
                        new StatusUpdate(
                                "sora",
                                Instant.parse("2026-11-20T14:03:27.915Z"),
                                INCIDENT_IO,
                                Status.INVESTIGATING,
                                Impact.MAJOR,
                                title,
                                url),
                        new StatusUpdate(
                                "chatgpt",
                                Instant.parse("2026-11-20T14:25:03.120Z"),
                                INCIDENT_IO,
                                Status.IDENTIFIED,
                                Impact.CRITICAL,
                                title,
                                url),
                        new StatusUpdate(
                                "sora",
                                Instant.parse("2026-11-20T14:25:03.120Z"),
                                INCIDENT_IO,
                                Status.IDENTIFIED,
                                Impact.CRITICAL,
                                title,
                                url),
                        new StatusUpdate(
                                "chatgpt",
                                resolvedPoll,
                                INCIDENT_IO,
                                Status.RESOLVED,
                                Impact.CRITICAL,
                                title,
                                url),
                        new StatusUpdate(
                                "sora",
                                resolvedPoll,
                                INCIDENT_IO,
                                Status.RESOLVED,
                                Impact.CRITICAL,
                                title,
                                url));
    }

    @Test
    void waitsAtLeastRetryAfterWhenRateLimited() {
        StatusPagePoller poller = service(Fixtures.statuspage(server.baseUrl())).pollers().get(0);
        server.serveOnce(
                INCIDENTS_PATH,
                Reply.status(429, Map.of("Retry-After", Long.toString(RETRY_AFTER.toSeconds()))));
        server.serve(INCIDENTS_PATH, Reply.document(text(INCIDENTS_1), "\"v1\"", RFC_1123_V1));
        ManualScheduler scheduler = new ManualScheduler(clock);

        poller.start(scheduler);
        scheduler.runNext();

        assertThat(server.requests()).hasSize(1);
        assertThat(server.lastRequest().answered()).isEqualTo(429);
        assertThat(scheduler.lastDelay()).isEqualTo(RETRY_AFTER);
        assertThat(poller.stats().rateLimited()).isEqualTo(1);

        scheduler.runNext();

        List<FixtureServer.Request> requests = server.requests();
        assertThat(requests).hasSize(2);
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at()))
                .isGreaterThanOrEqualTo(RETRY_AFTER);
        assertThat(requests.get(1).answered()).isEqualTo(200);
        assertThat(scheduler.lastDelay()).as("back to the interval").isEqualTo(Fixtures.INTERVAL);
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void backsOffExponentiallyOnServerErrorsAndResetsOnSuccess() {
        StatusPagePoller poller = service(Fixtures.statuspage(server.baseUrl())).pollers().get(0);
        server.serve(INCIDENTS_PATH, Reply.status(500, Map.of()));
        ManualScheduler scheduler = new ManualScheduler(clock);

        poller.start(scheduler);
        for (int i = 0; i < 5; i++) {
            scheduler.runNext();
        }
        server.serve(INCIDENTS_PATH, Reply.plain(text(INCIDENTS_1)));
        scheduler.runNext();

        assertThat(scheduler.delays())
                .containsExactly(
                        Duration.ZERO,
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(4),
                        Duration.ofMinutes(8),
                        Fixtures.MAX_BACKOFF,
                        Fixtures.MAX_BACKOFF,
                        Fixtures.INTERVAL);
        assertThat(server.requests()).hasSize(6);
        assertThat(server.requests().get(5).at())
                .isEqualTo(NOW.plus(Duration.ofMinutes(2 + 4 + 8 + 15 + 15)));
        assertThat(poller.stats().failed()).isEqualTo(5);
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void oneBrokenPageDoesNotStopTheOthers() {
        String base = server.baseUrl();
        PageConfig malformed = page("malformed", base + "/malformed");
        PageConfig failing = page("failing", base + "/failing");
        PageConfig good = page("good", base + "/good");
        server.serve(
                "/malformed" + INCIDENTS_PATH,
                Reply.document("<html><body>502 Bad Gateway</body></html>", "\"m\"", RFC_1123_V1));
        server.serve("/failing" + INCIDENTS_PATH, Reply.status(503, Map.of()));
        server.serve("/good" + INCIDENTS_PATH, Reply.plain(text(INCIDENTS_1)));
        StatusPageService service = service(malformed, failing, good);

        Map<String, PollOutcome> outcomes = service.pollOnce();

        assertThat(outcomes.get("malformed").result()).isEqualTo(PollOutcome.Result.MALFORMED);
        assertThat(outcomes.get("failing").result()).isEqualTo(PollOutcome.Result.FAILED);
        assertThat(outcomes.get("good").result()).isEqualTo(PollOutcome.Result.READ);
        assertThat(publisher.published()).hasSize(1);
        assertThat(service.pollers().get(0).stats().malformed()).isEqualTo(1);

        service.pollOnce();
        FixtureServer.Request retried =
                server.requests().stream()
                        .filter(request -> request.path().startsWith("/malformed"))
                        .reduce((first, second) -> second)
                        .orElseThrow();
        assertThat(retried.ifNoneMatch()).as("validators of a malformed body are dropped").isNull();
        assertThat(service.pollers().get(0).stats().malformed()).isEqualTo(2);
    }

    private PageConfig page(String name, String base) {
        return new PageConfig(
                name,
                PageEndpoint.INCIDENTS,
                URI.create(base),
                Fixtures.INTERVAL,
                Fixtures.STATUSPAGE_COMPONENTS,
                null);
    }

    private StatusPageService service(PageConfig... pages) {
        StatusPageConfig config =
                new StatusPageConfig(
                        List.of(pages),
                        null,
                        stateFile(),
                        StatusPageConfig.DEFAULT_BACKFILL,
                        Fixtures.MAX_BACKOFF);
        return StatusPageService.create(config, publisher, CLIENT, clock, () -> NO_JITTER);
    }

    private Path stateFile() {
        return directory.resolve("state.json");
    }

    private static StatusUpdate update(
            String service,
            String time,
            String id,
            Status status,
            Impact impact,
            String title,
            String base) {
        return new StatusUpdate(
                service, Instant.parse(time), id, status, impact, title, base + "/incidents/" + id);
    }

    @Test
    void stateFileIsJson() throws Exception {
        server.serve(INCIDENTS_PATH, Reply.plain(text(INCIDENTS_1)));
        service(Fixtures.statuspage(server.baseUrl())).pollOnce();
        assertThat(Files.readString(stateFile()))
                .contains("\"" + INCIDENT_A + "\"", "investigating");
    }
}
