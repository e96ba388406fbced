package io.outagewatch.ingest.jetstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.outagewatch.events.AliasMatcher;
import io.outagewatch.events.ServiceCatalog;
import io.outagewatch.ingest.jetstream.Fixtures.CollectingPublisher;
import io.outagewatch.ingest.jetstream.JetstreamTestServer.Behaviour;
import io.outagewatch.ingest.jetstream.JetstreamTestServer.Connection;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JetstreamClientTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final int EXPECTED_REPORT_COUNT = 9;

    /**
     * For tests that cut connections: now and then the JDK client misses a cut that arrives while
     * it has no demand outstanding, and only the idle timeout notices; keep that wait short.
     */
    private static final Duration CUT_IDLE_TIMEOUT = Duration.ofSeconds(3);

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ServiceCatalog CATALOG = ServiceCatalog.defaultCatalog();

    @TempDir Path dir;

    private JetstreamTestServer server;
    private final CollectingPublisher publisher = new CollectingPublisher();
    private final ExecutorService runner = Executors.newSingleThreadExecutor();

    @AfterEach
    void tearDown() throws Exception {
        runner.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void publishesOneReportPerNamedServiceAndCountsEverythingElse() throws Exception {
        server = new JetstreamTestServer(Fixtures.frames(), i -> Behaviour.replayAll());
        JetstreamClient client = client(Duration.ofMinutes(1), EXPECTED_REPORT_COUNT);

        client.run();

        assertThat(publisher.published)
                .containsExactlyInAnyOrderElementsOf(Fixtures.expectedReports());
        Connection only = server.awaitConnection(0, DEADLINE);
        assertThat(only.query()).isEqualTo("wantedCollections=app.bsky.feed.post");
        assertThat(only.cursor()).isEmpty();
        // Stopped at the Discord post, two frames before the end of the recording.
        assertThat(client.counters().snapshot())
                .containsEntry("frames", 22L)
                .containsEntry("malformed", 5L)
                .containsEntry("skipped", 6L)
                .containsEntry("posts", 11L)
                .containsEntry("posts_matched", 8L)
                .containsEntry("reports", 9L)
                .containsEntry("duplicates", 0L)
                .containsEntry("connections", 1L);
        assertThat(new CursorStore(cursorFile()).load().orElseThrow().timeUs())
                .isEqualTo(Fixtures.T0_US + 22_000_000L);
    }

    @Test
    void joinsFragmentedMessages() throws Exception {
        server = new JetstreamTestServer(Fixtures.frames(), i -> Behaviour.fragmented(3));
        JetstreamClient client = client(Duration.ofMinutes(1), EXPECTED_REPORT_COUNT);

        client.run();

        assertThat(publisher.published)
                .containsExactlyInAnyOrderElementsOf(Fixtures.expectedReports());
        assertThat(client.counters().malformed.get()).isEqualTo(5);
    }

    @Test
    void dropsAMessageOverTheSizeLimitWithoutKeepingItAndCarriesOn() throws Exception {
        // A copy of the first frame padded one character past the limit, sent in 3 fragments so
        // that the limit is met while the message is being joined.
        List<String> frames = new ArrayList<>(Fixtures.frames());
        String first = frames.get(0);
        String padding = "\"padding\":\"\",";
        int fill = JetstreamClient.MAX_MESSAGE_CHARS - first.length() - padding.length() + 1;
        frames.add(0, "{\"padding\":\"" + "x".repeat(fill) + "\"," + first.substring(1));
        assertThat(frames.get(0)).hasSize(JetstreamClient.MAX_MESSAGE_CHARS + 1);
        server = new JetstreamTestServer(frames, i -> Behaviour.fragmented(3));
        JetstreamClient client = client(Duration.ofMinutes(1), EXPECTED_REPORT_COUNT);

        client.run();

        assertThat(publisher.published)
                .containsExactlyInAnyOrderElementsOf(Fixtures.expectedReports());
        assertThat(client.counters().malformed.get()).isEqualTo(5 + 1);
    }

    @Test
    void resumesAfterTheServerGoesAwayWithNoLostAndNoDuplicatedReport() throws Exception {
        // The first connection closes right after the https://github.com link post (13 frames).
        IntFunction<Behaviour> goAwayFirst =
                i -> i == 0 ? Behaviour.goAwayAfter(13) : Behaviour.replayAll();
        server = new JetstreamTestServer(Fixtures.frames(), goAwayFirst);
        JetstreamClient client = client(CUT_IDLE_TIMEOUT, EXPECTED_REPORT_COUNT);

        client.run();

        Connection resumed = server.awaitConnection(1, DEADLINE);
        assertThat(resumed.cursor()).hasValue(Fixtures.GITHUB_LINK_US - Fixtures.REWIND_US);
        assertThat(resumed.cursor().getAsLong())
                .as("the rewind reaches back before the Slack/Discord post")
                .isLessThan(Fixtures.SLACK_AND_DISCORD_US);
        assertThat(publisher.published)
                .containsExactlyInAnyOrderElementsOf(Fixtures.expectedReports());
        // Replayed again: the Slack/Discord post and the #chatgptdown post.
        assertThat(client.counters().duplicates.get()).isEqualTo(2);
        assertThat(client.counters().connections.get()).isEqualTo(2);
    }

    @Test
    void resumesAfterADroppedConnectionWithNoLostAndNoDuplicatedReport() throws Exception {
        IntFunction<Behaviour> dropFirst =
                i -> i == 0 ? Behaviour.disconnectAfter(13) : Behaviour.replayAll();
        server = new JetstreamTestServer(Fixtures.frames(), dropFirst);
        JetstreamClient client = client(CUT_IDLE_TIMEOUT, EXPECTED_REPORT_COUNT);

        client.run();

        // On a cut connection the JDK reports the error without waiting for the frames still
        // buffered, so the client may have handled fewer than the 13 sent; it resumes a rewind
        // before the last one it did handle, and the replay fills the gap.
        Connection dropped = server.awaitConnection(0, DEADLINE);
        Connection resumed = server.awaitConnection(1, DEADLINE);
        List<Long> sentTimes =
                dropped.sent().stream()
                        .map(JetstreamFrame::parse)
                        .filter(frame -> !(frame instanceof JetstreamFrame.Malformed))
                        .map(Fixtures::timeUs)
                        .toList();
        assertThat(resumed.cursor()).isPresent();
        assertThat(sentTimes).contains(resumed.cursor().getAsLong() + Fixtures.REWIND_US);
        assertThat(publisher.published)
                .containsExactlyInAnyOrderElementsOf(Fixtures.expectedReports());
        assertThat(client.counters().connections.get()).isEqualTo(2);
    }

    @Test
    void reopensAConnectionThatGoesQuietAndResumesFromTheLastFrame() throws Exception {
        server = new JetstreamTestServer(Fixtures.frames(), i -> Behaviour.replayAll());
        JetstreamClient client = client(Duration.ofSeconds(1), Long.MAX_VALUE);
        Future<?> running =
                runner.submit(
                        () -> {
                            client.run();
                            return null;
                        });

        Connection second = server.awaitConnection(1, DEADLINE);
        client.stop();
        running.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(second.cursor()).hasValue(Fixtures.LAST_FRAME_US - Fixtures.REWIND_US);
        assertThat(client.counters().idleTimeouts.get()).isPositive();
        assertThat(publisher.published)
                .containsExactlyInAnyOrderElementsOf(Fixtures.expectedReports());
    }

    @Test
    void stopsWhileWaitingToReconnect() throws Exception {
        server = new JetstreamTestServer(Fixtures.frames(), i -> Behaviour.disconnectAfter(0));
        JetstreamClient client =
                new JetstreamClient(
                        settings(Duration.ofMinutes(1), Long.MAX_VALUE),
                        mapping(),
                        publisher,
                        new CursorStore(cursorFile()),
                        Optional.empty(),
                        new Backoff(Duration.ofMinutes(10), Duration.ofMinutes(10), () -> 0),
                        HTTP);
        Future<?> running =
                runner.submit(
                        () -> {
                            client.run();
                            return null;
                        });

        server.awaitConnection(0, DEADLINE);
        client.stop();
        running.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(server.accepted()).isEqualTo(1);
        assertThat(publisher.published).isEmpty();
    }

    private JetstreamClient client(Duration idleTimeout, long maxReports) {
        return new JetstreamClient(
                settings(idleTimeout, maxReports),
                mapping(),
                publisher,
                new CursorStore(cursorFile()),
                Optional.empty(),
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(100), () -> 0.5),
                HTTP);
    }

    private static PostToReports mapping() {
        return new PostToReports(new AliasMatcher(CATALOG), AuthorIds.unsalted());
    }

    private JetstreamSettings settings(Duration idleTimeout, long maxReports) {
        return new JetstreamSettings(
                server.url(),
                Optional.empty(),
                cursorFile(),
                Fixtures.REWIND,
                Duration.ofSeconds(5),
                Duration.ofMillis(10),
                Duration.ofMillis(100),
                idleTimeout,
                JetstreamSettings.Output.STDOUT,
                Optional.empty(),
                maxReports == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(maxReports),
                Optional.empty());
    }

    private Path cursorFile() {
        return dir.resolve("jetstream.cursor");
    }
}
